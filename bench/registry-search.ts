// Name search on a national-size register: 3,000,000 residents (with their search_keys
// rows) spread over 400 communities in a fresh SQLite file, built with better-sqlite3
// directly. Then 1,000 searches in varied spellings (Armenian, BGN/PCGN, other Latin,
// Russian Cyrillic, ի/ե variant, a prefix) through the registry's searchResidents, p95,
// beside an exact-match indexed lookup by public service number, p95.
// BENCH_SEARCH_ROWS (default 3,000,000) and BENCH_SEARCH_COMMUNITIES (400) scale it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { TenantDb } from '../src/platform/db/tenant.ts';
import { createCommunity } from '../src/modules/communities/index.ts';
import { DEMO_COMMUNITIES } from '../src/demo/demo-data.ts';
import { romanizeArmenian } from '../src/platform/search/romanize.ts';
import { foldWords } from '../src/platform/search/fold.ts';
import { todayInYerevan } from '../src/platform/i18n/index.ts';
import { searchResidents } from '../src/modules/registry/population/people-search.ts';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES, prng } from '../src/demo/registry-demo-data.ts';
import { percentile, sqliteServices, tmpDir, type Figure } from './registry-common.ts';

const FIRST = [...MALE_NAMES.map((m) => m[0]), ...FEMALE_NAMES];
const PATRONYMICS = MALE_NAMES.map((m) => m[1]);
const keysOf = new Map<string, string[]>();
const keys = (word: string) => {
  let k = keysOf.get(word);
  if (!k) keysOf.set(word, (k = foldWords(`${word} ${romanizeArmenian(word)}`)));
  return k;
};

interface Register {
  n: number;
  communities: number[];
  perCommunity: number;
  surname: Uint8Array;
  first: Uint8Array;
}

const PSN = (i: number) => String(1_000_000_000 + i);

/** Builds the register in `file`; the communities already exist (ids given). */
function build(file: string, communityIds: number[], n: number): Register {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -400000');
  const settlementOf = new Map<number, number>();
  for (const s of db.prepare('select community_id, min(id) as id from settlements group by community_id').all() as { community_id: number; id: number }[]) settlementOf.set(s.community_id, s.id);
  // Indexes are dropped during the load and built once at the end (much faster than row by row).
  const indexes = db.prepare("select sql from sqlite_master where type = 'index' and tbl_name in ('residents', 'search_keys') and sql is not null").all() as { sql: string }[];
  for (const ix of db.prepare("select name from sqlite_master where type = 'index' and tbl_name in ('residents', 'search_keys') and sql is not null").all() as { name: string }[]) db.exec(`drop index "${ix.name}"`);

  const rCols = ['id', 'community_id', 'last_name', 'first_name', 'patronymic', 'last_name_latin', 'first_name_latin', 'patronymic_latin', 'birth_date', 'sex', 'public_service_number', 'settlement_id', 'status', 'search_key', 'created_at', 'updated_at'];
  const R = 250;
  const K = 1000;
  const rStmt = db.prepare(`insert into residents (${rCols.join(',')}) values ${Array.from({ length: R }, () => `(${rCols.map(() => '?').join(',')})`).join(',')}`);
  const kStmt = db.prepare(`insert into search_keys (community_id, entity, entity_id, key) values ${Array.from({ length: K }, () => "(?, 'resident', ?, ?)").join(',')}`);
  const rng = prng(0x3000000);
  const reg: Register = { n, communities: communityIds, perCommunity: Math.ceil(n / communityIds.length), surname: new Uint8Array(n), first: new Uint8Array(n) };
  const now = '2026-01-01T00:00:00.000Z';
  let rBuf: unknown[] = [];
  let kBuf: unknown[] = [];
  const flushR = () => {
    if (rBuf.length === R * rCols.length) rStmt.run(rBuf);
    else if (rBuf.length) db.prepare(`insert into residents (${rCols.join(',')}) values ${Array.from({ length: rBuf.length / rCols.length }, () => `(${rCols.map(() => '?').join(',')})`).join(',')}`).run(rBuf);
    rBuf = [];
  };
  const flushK = () => {
    if (kBuf.length === K * 3) kStmt.run(kBuf);
    else if (kBuf.length) db.prepare(`insert into search_keys (community_id, entity, entity_id, key) values ${Array.from({ length: kBuf.length / 3 }, () => "(?, 'resident', ?, ?)").join(',')}`).run(kBuf);
    kBuf = [];
  };
  const load = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const community = communityIds[Math.floor(i / reg.perCommunity)]!;
      const s = rng.int(0, SURNAMES.length - 1);
      const male = rng.chance(0.5);
      const f = male ? rng.int(0, MALE_NAMES.length - 1) : rng.int(MALE_NAMES.length, FIRST.length - 1);
      const p = rng.int(0, PATRONYMICS.length - 1);
      reg.surname[i] = s;
      reg.first[i] = f;
      const [last, first, patr] = [SURNAMES[s]!, FIRST[f]!, PATRONYMICS[p]!];
      const k = [...new Set([...keys(last), ...keys(first), ...keys(patr)])];
      const birth = `${rng.int(1930, 2024)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
      rBuf.push(i + 1, community, last, first, patr, romanizeArmenian(last), romanizeArmenian(first), romanizeArmenian(patr), birth, male ? 'M' : 'F', PSN(i), settlementOf.get(community)!, 'registered', k.join(' '), now, now);
      if (rBuf.length === R * rCols.length) flushR();
      for (const key of k) {
        kBuf.push(community, i + 1, key);
        if (kBuf.length === K * 3) flushK();
      }
    }
    flushR();
    flushK();
  });
  const step = 200_000;
  for (let from = 0; from < n; from += step) {
    load(from, Math.min(n, from + step));
    process.stdout.write(`\r  ${Math.min(n, from + step).toLocaleString('en')} / ${n.toLocaleString('en')} residents`);
  }
  process.stdout.write('\n  building indexes…\n');
  for (const ix of indexes) db.exec(ix.sql);
  db.exec('analyze');
  db.pragma('journal_mode = WAL');
  db.close();
  return reg;
}

const CYRILLIC: [RegExp, string][] = [
  [/sh/g, 'ш'], [/ch/g, 'ч'], [/ts/g, 'ц'], [/kh/g, 'х'], [/gh/g, 'г'], [/zh/g, 'ж'], [/dz/g, 'дз'], [/ya/g, 'я'], [/yu/g, 'ю'],
  [/ye/g, 'е'], [/h/g, ''], [/j/g, 'дж'], [/y/g, 'й'],
];
const CYR_LETTERS: Record<string, string> = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', w: 'в' };

function cyrillic(armenian: string): string {
  let s = romanizeArmenian(armenian).toLowerCase();
  for (const [re, to] of CYRILLIC) s = s.replace(re, to);
  s = [...s].map((c) => CYR_LETTERS[c] ?? c).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The k-th query: a resident's name in one of seven spellings. */
function query(k: number, last: string, first: string): string {
  switch (k % 7) {
    case 0: return `${last} ${first}`;
    case 1: return `${romanizeArmenian(last)} ${romanizeArmenian(first)}`;
    case 2: return `${romanizeArmenian(last).replace(/yan$/, 'ian').replace(/gh/g, 'g')} ${romanizeArmenian(first)}`;
    case 3: return `${cyrillic(last)} ${cyrillic(first)}`;
    case 4: return `${last.replace(/ի/g, 'ե')} ${first}`;
    case 5: return `${last.slice(0, 4)} ${first}`;
    default: return romanizeArmenian(last);
  }
}

export async function benchRegistrySearch(): Promise<Figure[]> {
  const n = Number(process.env.BENCH_SEARCH_ROWS ?? 3_000_000);
  const communitiesWanted = Number(process.env.BENCH_SEARCH_COMMUNITIES ?? 400);
  const dir = tmpDir('mmis-bench-search-');
  try {
    let services = await sqliteServices(dir, 'national.sqlite');
    const base = DEMO_COMMUNITIES[0]!;
    const ids: number[] = [];
    for (let c = 0; c < communitiesWanted; c++) {
      const made = await createCommunity(services.db.kysely, SYSTEM_ACTOR, { ...base, slug: `community-${c + 1}`, domains: [], settlements: base.settlements.slice(0, 2) });
      ids.push(made.id);
    }
    await services.close();
    console.log(`building a register of ${n.toLocaleString('en')} residents in ${ids.length} communities…`);
    const started = performance.now();
    const reg = build(path.join(dir, 'national.sqlite'), ids, n);
    console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    services = await sqliteServices(dir, 'national.sqlite');
    const db = services.db.kysely;
    const today = todayInYerevan();
    const rng = prng(42);
    const pick = () => rng.int(0, n - 1);
    const communityOf = (i: number) => reg.communities[Math.floor(i / reg.perCommunity)]!;
    // Warm up the connection and the page cache a little, as a running server would be.
    for (let w = 0; w < 50; w++) {
      const i = pick();
      await searchResidents(new TenantDb(db, communityOf(i)), null, SURNAMES[reg.surname[i]!]!, { today, limit: 20, offset: 0 });
    }
    const searchMs: number[] = [];
    let found = 0;
    for (let k = 0; k < 1000; k++) {
      const i = pick();
      const q = query(k, SURNAMES[reg.surname[i]!]!, FIRST[reg.first[i]!]!);
      const t0 = performance.now();
      const r = await searchResidents(new TenantDb(db, communityOf(i)), null, q, { today, limit: 20, offset: 0 });
      searchMs.push(performance.now() - t0);
      if (r.total > 0) found++;
    }
    const lookupMs: number[] = [];
    for (let k = 0; k < 1000; k++) {
      const i = pick();
      const t0 = performance.now();
      await new TenantDb(db, communityOf(i)).selectFrom('residents').select(['id', 'last_name', 'first_name', 'public_service_number', 'settlement_id']).where('public_service_number', '=', PSN(i)).executeTakeFirst();
      lookupMs.push(performance.now() - t0);
    }
    await services.close();
    console.log(`  ${found} of 1000 searches found someone`);
    const p95 = percentile(searchMs, 95);
    const base95 = percentile(lookupMs, 95);
    return [{
      name: `p95 name search, ${n.toLocaleString('en')} residents (SQLite)`, value: Number(p95.toFixed(2)), baseline: Number(base95.toFixed(2)),
      ratio: p95 / Math.max(base95, 0.001), unit: 'ms', target: 'p95 ≤ 30 ms', meets: p95 <= 30,
    }];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchRegistrySearch());
}
