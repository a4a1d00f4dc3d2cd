// The registration journals on SQLite in one process.
// 1. Registering documents with a resolution each through the journal (the gap-free counter,
//    the document row, its search words, the resolution with its executor and event, two audit
//    events of the hash chain — one committed transaction per document), beside a bare INSERT
//    of the same document rows (a prepared better-sqlite3 statement, one transaction per row)
//    into a copy of the same database. BENCH_DOCS_REGISTER (default 100,000) scales it.
// 2. Journal search (a surname in another spelling, a surname and a summary word, a number)
//    on BENCH_DOCS_SEARCH documents (default 1,000,000, bulk-loaded), p95 per query beside a
//    lookup of one document by its id. Target: p95 ≤ 30 ms.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { TenantDb, unscoped } from '../src/platform/db/tenant.ts';
import { loadCalendar } from '../src/platform/calendar/calendar.store.ts';
import { createCommunity } from '../src/modules/communities/index.ts';
import { DEMO_COMMUNITIES } from '../src/demo/demo-data.ts';
import { SURNAMES, prng } from '../src/demo/registry-demo-data.ts';
import { registerIn, type RegisterInput } from '../src/modules/documents/journal/journal.register.ts';
import { issueResolution } from '../src/modules/documents/journal/resolutions.ts';
import { searchDocuments } from '../src/modules/documents/journal/journal.search.ts';
import { documentKeys } from '../src/modules/documents/journal/journal.keys.ts';
import { documentNumber } from '../src/modules/documents/journal/journal.numbers.ts';
import { percentile, sqliteServices, tmpDir, type Figure } from './registry-common.ts';

const SUMMARIES = ['Բողոք փողոցի լուսավորության վերաբերյալ', 'Դիմում բնակության տեղեկանքի համար', 'Առաջարկ խաղահրապարակի մասին',
  'Հարցում բյուջեի կատարման վերաբերյալ', 'Դիմում հողամասի վարձակալության համար', 'Բողոք աղբահանության վերաբերյալ'];
const FIRST = ['Արամ', 'Անի', 'Հայկ', 'Գոհար', 'Տիգրան', 'Լիլիթ', 'Նարեկ', 'Մարինե'];

function letter(i: number, rng: ReturnType<typeof prng>): RegisterInput {
  return {
    journal: 'incoming', date: '2026-06-15', correspondent: { kind: 'person', name: `${rng.pick(SURNAMES)} ${rng.pick(FIRST)}` },
    summary: `${rng.pick(SUMMARIES)} ${i}`, pages: 1, language: 'hy', access: 'internal', files: [], letterKind: 'complaint', channel: 'paper',
  };
}

async function world(dir: string) {
  const services = await sqliteServices(dir);
  const db = services.db.kysely;
  const community = await createCommunity(db, SYSTEM_ACTOR, DEMO_COMMUNITIES[0]!);
  const now = new Date().toISOString();
  const user = await unscoped(db, 'bench account').insertInto('users').values({
    email: 'head@bench.example', phone: null, password_hash: 'x', full_name: 'Արամ Պետրոսյան', locale: 'hy', is_staff: 1, totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await unscoped(db, 'bench role').insertInto('role_assignments').values({ community_id: community.id, user_id: user.id, role: 'head', settlement_id: null, created_at: now }).execute();
  services.db.sqlite!.pragma('synchronous = NORMAL');
  return { services, tenant: new TenantDb(db, community.id), userId: user.id, file: path.join(dir, 'bench.sqlite') };
}

async function registration(n: number): Promise<Figure> {
  const dir = tmpDir('mmis-bench-docs-');
  try {
    const w = await world(dir);
    const calendar = await loadCalendar(w.services.db.kysely);
    const rng = prng(7);
    const actor = { ...SYSTEM_ACTOR, userId: w.userId, label: 'Արամ Պետրոսյան' };
    const one = (i: number) => w.tenant.transaction(async (tx) => {
      const doc = await registerIn(tx, letter(i, rng), actor);
      await issueResolution(tx, actor, { documentId: doc.id, task: 'Ուսումնասիրել', workingDays: 10, executors: [{ userId: w.userId, responsible: true, department: null }] }, calendar, '2026-06-15');
    });
    for (let i = 0; i < 200; i++) await one(i);
    const started = performance.now();
    for (let i = 0; i < n; i++) await one(i);
    const rate = n / ((performance.now() - started) / 1000);
    const rows = (await w.tenant.selectFrom('doc_documents').selectAll().orderBy('id').limit(n).execute()) as unknown as Record<string, unknown>[];
    await w.services.close();
    const copy = path.join(dir, 'bare.sqlite');
    fs.copyFileSync(w.file, copy);
    const bare = new Database(copy);
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = NORMAL');
    const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
    const stmt = bare.prepare(`insert into doc_documents (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
    const insert = bare.transaction((row: Record<string, unknown>) => stmt.run({ ...row, seq: Number(row.seq) + 10_000_000 }));
    const t0 = performance.now();
    for (const row of rows) insert(row);
    const bareRate = rows.length / ((performance.now() - t0) / 1000);
    bare.close();
    return { name: `documents registered with a resolution each (${n.toLocaleString('en')}, SQLite WAL)`, value: Math.round(rate), baseline: Math.round(bareRate), ratio: rate / bareRate, unit: 'documents/s' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function search(n: number): Promise<Figure> {
  const dir = tmpDir('mmis-bench-docsearch-');
  try {
    const w = await world(dir);
    await w.services.close();
    // Bulk load straight into the file: the registration path is measured above.
    const db = new Database(w.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const rng = prng(11);
    const now = new Date().toISOString();
    const doc = db.prepare(`insert into doc_documents (community_id, journal, year, seq, number, registered_on, correspondent_kind, correspondent_name, summary, pages, language, access, status, created_at, updated_at)
      values (?, 'incoming', ?, ?, ?, ?, 'person', ?, ?, 1, 'hy', ?, 'registered', ?, ?)`);
    const key = db.prepare('insert into doc_search_keys (community_id, document_id, key) values (?, ?, ?)');
    const cid = w.tenant.communityId;
    const load = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const year = 2020 + (i % 7);
        const seq = Math.floor(i / 7) + 1;
        const name = `${rng.pick(SURNAMES)} ${rng.pick(FIRST)}`;
        const summary = `${rng.pick(SUMMARIES)}`;
        const id = Number(doc.run(cid, year, seq, documentNumber('incoming', year, seq), `${year}-06-15`, name, summary, i % 10 === 0 ? 'restricted' : 'internal', now, now).lastInsertRowid);
        for (const k of documentKeys(name, summary)) key.run(cid, id, k);
      }
    });
    for (let i = 0; i < n; i += 50_000) load(i, Math.min(n, i + 50_000));
    db.exec('analyze');
    db.close();
    const services = await sqliteServices(dir);
    const tenant = new TenantDb(services.db.kysely, cid);
    const reader = { userId: w.userId, readsRestricted: false };
    const queries = ['Petrosyan', 'Петросян ар', 'Grigoryan boxoq', 'Մ-2024/1234', 'Hakobyan lusa', 'Sargsyan dimum hox'];
    const times: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < 30; i++) await searchDocuments(tenant, reader, queries[i % queries.length]!, 20);
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await searchDocuments(tenant, reader, queries[i % queries.length]!, 20);
      times.push(performance.now() - t0);
      const t1 = performance.now();
      await tenant.selectFrom('doc_documents').select(['id', 'number', 'summary']).where('id', '=', 1 + ((i * 7919) % n)).executeTakeFirst();
      base.push(performance.now() - t1);
    }
    await services.close();
    const p95 = percentile(times, 95);
    const b95 = percentile(base, 95);
    return { name: `journal search p95 on ${n.toLocaleString('en')} documents (SQLite)`, value: Number(p95.toFixed(2)), baseline: Number(b95.toFixed(3)), ratio: p95 / b95, unit: 'ms', target: '≤ 30 ms', meets: p95 <= 30 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDocuments(): Promise<Figure[]> {
  const register = Number(process.env.BENCH_DOCS_REGISTER ?? 100_000);
  const docs = Number(process.env.BENCH_DOCS_SEARCH ?? 1_000_000);
  console.log(`registering ${register} documents with resolutions…`);
  const a = await registration(register);
  console.log(`searching ${docs} documents…`);
  const b = await search(docs);
  return [a, b];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchDocuments());
}
