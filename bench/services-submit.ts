// Durable case submissions per second on SQLite in one process: N submissions through the
// case engine (fileCase without registration: the form checked in full, the case row, its
// timeline events, the audit events of the hash chain and, for a desk filing, the email and
// SMS to the applicant in the outbox), each its own committed transaction, beside a bare
// INSERT of the same case rows (a prepared better-sqlite3 statement, one transaction per
// row) into a copy of the same database, at the same `synchronous` setting.
// The app runs WAL with synchronous=NORMAL: a commit survives a crash of the process, an
// OS crash or power cut may lose the last commits (never corrupts). FULL syncs every commit
// to disk and survives those too; it is measured for the record.
// BENCH_SUBMIT_CASES (default 5,000) scales it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { TenantDb, unscoped } from '../src/platform/db/tenant.ts';
import type { Services } from '../src/platform/module/contract.ts';
import type { CommunityRole } from '../src/platform/policy/roles.ts';
import { createCommunity } from '../src/modules/communities/index.ts';
import { DEMO_COMMUNITIES } from '../src/demo/demo-data.ts';
import { installTemplates } from '../src/modules/services/catalogue/catalogue.ts';
import { fileCase, type StartInput } from '../src/modules/services/cases/cases.service.ts';
import type { CaseEnv } from '../src/modules/services/cases/case-env.ts';
import { sqliteServices, tmpDir, type Figure } from './registry-common.ts';

type Sync = 'NORMAL' | 'FULL';
const SERVICE = 'complaint';

async function user(services: Services, email: string, staff: boolean): Promise<number> {
  const now = new Date().toISOString();
  const row = await unscoped(services.db.kysely, 'bench accounts').insertInto('users').values({
    email, phone: null, password_hash: 'x', full_name: staff ? 'Նարեկ Սարգսյան' : 'Անի Բաղդասարյան', locale: 'hy', is_staff: staff ? 1 : 0,
    totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

interface World { services: Services; desk: CaseEnv; citizen: CaseEnv; serviceId: number; file: string }

async function world(dir: string, sync: Sync): Promise<World> {
  const services = await sqliteServices(dir);
  const db = services.db.kysely;
  const community = await createCommunity(db, SYSTEM_ACTOR, DEMO_COMMUNITIES[0]!);
  const row = await db.selectFrom('communities').selectAll().where('id', '=', community.id).executeTakeFirstOrThrow();
  await db.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, community.id, [SERVICE]));
  const tenant = new TenantDb(db, community.id);
  const service = await tenant.selectFrom('service_definitions').select('id').where('code', '=', SERVICE).executeTakeFirstOrThrow();
  const operatorId = await user(services, 'operator@bench.example', true);
  await unscoped(db, 'bench role').insertInto('role_assignments').values({ community_id: community.id, user_id: operatorId, role: 'operator', settlement_id: null, created_at: new Date().toISOString() }).execute();
  const citizenId = await user(services, 'citizen@bench.example', false);
  const env = (userId: number, roles: CommunityRole[], label: string): CaseEnv => ({
    services, community: row, tenant, actor: { userId, roles, settlementIds: null, audit: { userId, label, ip: '127.0.0.1', requestId: null } },
  });
  services.db.sqlite!.pragma(`synchronous = ${sync}`);
  return { services, desk: env(operatorId, ['operator'], 'Նարեկ Սարգսյան'), citizen: env(citizenId, [], 'Անի Բաղդասարյան'), serviceId: service.id, file: path.join(dir, 'bench.sqlite') };
}

function input(w: World, i: number, online: boolean): StartInput {
  return {
    serviceId: w.serviceId,
    channel: online ? 'online' : 'office',
    applicant: {
      kind: 'person', psn: String(1_000_000_000 + i), name: 'Անի Բաղդասարյան', locale: 'hy', userId: online ? w.citizen.actor.userId : null,
      email: online ? null : `applicant${i}@example.am`, phone: online ? null : '+37491000001',
    },
    formData: { subject: `Փողոցի լուսավորություն ${i}`, details: 'Երեկոյան փողոցը մութ է, խնդրում եմ վերանորոգել լապտերները։', incident_date: '2026-11-20', address: 'Սիսիան, Մաշտոցի 12' },
  };
}

/** Submissions per second through the engine; each fileCase is one committed transaction. */
async function engineRate(w: World, n: number, online: boolean): Promise<number> {
  const env = online ? w.citizen : w.desk;
  for (let i = 0; i < 200; i++) await fileCase(env, input(w, n + i, online));
  const started = performance.now();
  for (let i = 0; i < n; i++) await fileCase(env, input(w, i, online));
  return n / ((performance.now() - started) / 1000);
}

/** The same case rows, each in its own transaction, with one prepared statement. */
function bareRate(file: string, sync: Sync, rows: Record<string, unknown>[]): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`synchronous = ${sync}`);
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
  const stmt = db.prepare(`insert into cases (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
  const insert = db.transaction((row: Record<string, unknown>) => stmt.run(row));
  const started = performance.now();
  for (const row of rows) insert(row);
  const rate = rows.length / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

async function measure(sync: Sync, n: number, online: boolean): Promise<{ engine: number; bare: number; perCase: { events: number; audit: number; outbox: number } }> {
  const dir = tmpDir('mmis-bench-submit-');
  try {
    const w = await world(dir, sync);
    const engine = await engineRate(w, n, online);
    const db = w.services.db.kysely;
    const count = async (table: 'cases' | 'case_events' | 'audit_events' | 'outbox_messages') => Number((await unscoped(db, 'bench counts').selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const cases = await count('cases');
    const perCase = { events: (await count('case_events')) / cases, audit: (await count('audit_events')) / cases, outbox: (await count('outbox_messages')) / cases };
    const rows = (await unscoped(db, 'bench rows').selectFrom('cases').selectAll().orderBy('id').limit(n).execute()) as unknown as Record<string, unknown>[];
    await w.services.close();
    const copy = path.join(dir, 'bare.sqlite');
    fs.copyFileSync(w.file, copy);
    return { engine, bare: bareRate(copy, sync, rows), perCase };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchServicesSubmit(): Promise<Figure[]> {
  const n = Number(process.env.BENCH_SUBMIT_CASES ?? 5000);
  const out: Figure[] = [];
  const runs: [Sync, boolean, string][] = [['NORMAL', false, 'desk filing'], ['NORMAL', true, 'online by the citizen'], ['FULL', false, 'desk filing']];
  for (const [sync, online, what] of runs) {
    console.log(`submitting ${n} cases (${what}, synchronous=${sync})…`);
    const r = await measure(sync, n, online);
    console.log(`  per submission: ${r.perCase.events.toFixed(1)} timeline events, ${r.perCase.audit.toFixed(1)} audit events, ${r.perCase.outbox.toFixed(1)} outbox messages`);
    const target = sync === 'NORMAL' ? { target: '≥ 1,000/s', meets: r.engine >= 1000 } : {};
    out.push({ name: `case submissions, ${what} (SQLite WAL, synchronous=${sync})`, value: Math.round(r.engine), baseline: Math.round(r.bare), ratio: r.engine / r.bare, unit: 'cases/s', ...target });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchServicesSubmit());
}
