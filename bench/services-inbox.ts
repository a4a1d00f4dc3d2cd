// The staff inbox with 100,000 cases in one community: the demo (communities, staff,
// registers, catalogue) in a fresh SQLite file, then 100,000 cases over three years written
// straight with better-sqlite3 (most closed, a few thousand open: overdue, at risk, waiting
// for information, assigned to the specialist). Then GET /sisian/staff/cases for several
// views through the real app (every hook, the session, the access decision, the queries and
// the rendered page; app.inject, so no network), p95 of 300 sequential requests each, beside
// GET /healthz through the same app. BENCH_INBOX_CASES (default 100,000) scales it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { todayInYerevan } from '../src/platform/i18n/index.ts';
import { yerevanDayOf } from '../src/modules/services/performance/performance.service.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES, prng } from '../src/demo/registry-demo-data.ts';
import { installTemplates } from '../src/modules/services/catalogue/catalogue.ts';
import { buildApp } from '../src/app.ts';
import { signInAs } from '../test/session.ts';
import { percentile, sqliteServices, tmpDir, type Figure } from './registry-common.ts';

const SLUG = 'sisian';
const REQUESTS = 300;
const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Setting { communityId: number; services: { id: number; versionId: number }[]; settlements: number[]; staff: number[]; specialist: number }

/** Writes `n` cases; returns a registration number to search for. */
function writeCases(file: string, s: Setting, n: number): string {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rng = prng(0x1b0c5);
  const now = Date.now();
  const today = todayInYerevan();
  // Numbers continue after whatever the demo registered.
  const seq = new Map<number, number>();
  for (const r of db.prepare('select reg_year, max(reg_seq) as last from cases where community_id = ? and reg_year is not null group by reg_year').all(s.communityId) as { reg_year: number; last: number }[]) seq.set(r.reg_year, r.last);
  const cols = ['community_id', 'service_id', 'service_version_id', 'reg_number', 'reg_year', 'reg_seq', 'state', 'channel', 'applicant_user_id', 'applicant_kind', 'applicant_psn',
    'applicant_name', 'applicant_locale', 'settlement_id', 'form_data', 'fee_amount', 'fee_status', 'assignee_user_id', 'submitted_at', 'registered_at', 'due_date',
    'state_entered_at', 'paused_at', 'decided_at', 'delivered_at', 'decision', 'version', 'created_at', 'updated_at'];
  const stmt = db.prepare(`insert into cases (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
  // Oldest first, so registration numbers grow with time as the engine gives them.
  const ages = Array.from({ length: n }, () => (rng.chance(0.05) ? rng.next() * 45 : rng.next() * 3 * 365) * DAY).sort((a, b) => b - a);
  let sample = '';
  db.transaction(() => {
    for (const [i, age] of ages.entries()) {
      const reg = now - age;
      const year = Number(yerevanDayOf(new Date(reg).toISOString()).slice(0, 4));
      const number = (seq.get(year) ?? 0) + 1;
      seq.set(year, number);
      const regNumber = `${year}/${String(number).padStart(6, '0')}`;
      if (i === Math.floor(n / 2)) sample = regNumber;
      const due = dayOf(reg + rng.int(2, 30) * DAY);
      const recent = age < 45 * DAY;
      const open = recent && rng.chance(0.8);
      const state = open ? rng.pick(['registered', 'in_review', 'in_review', 'in_review', 'info_requested', 'approved', 'submitted']) : rng.pick(['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'rejected', 'withdrawn']);
      const decided = ['approved', 'delivered', 'rejected'].includes(state) ? new Date(Math.min(now - 60_000, reg + rng.int(1, 25) * DAY)).toISOString() : null;
      const assignee = state === 'submitted' || state === 'registered' ? null : rng.chance(0.4) ? s.specialist : rng.pick(s.staff);
      const name = `${rng.chance(0.5) ? rng.pick(MALE_NAMES)[0] : rng.pick(FEMALE_NAMES)} ${rng.pick(SURNAMES)}`;
      const service = rng.pick(s.services);
      const at = new Date(reg).toISOString();
      const registered = state !== 'submitted';
      stmt.run(s.communityId, service.id, service.versionId, registered ? regNumber : null, registered ? year : null, registered ? number : null, state, rng.chance(0.3) ? 'online' : 'office', null,
        'person', String(2_000_000_000 + i), name, 'hy', rng.chance(0.3) ? rng.pick(s.settlements) : null, '{}', 0, 'none', assignee, at, registered ? at : null, registered ? due : null,
        decided ?? at, state === 'info_requested' ? at : null, decided, state === 'delivered' ? decided : null, decided ? (state === 'rejected' ? 'rejected' : 'approved') : null,
        3, at, decided ?? at);
    }
  })();
  db.exec('analyze');
  const open = db.prepare("select count(*) as n from cases where community_id = ? and state in ('registered', 'in_review', 'submitted') and due_date < ?").get(s.communityId, today) as { n: number };
  console.log(`  ${n.toLocaleString('en')} cases written (${open.n} open past their deadline)`);
  db.close();
  return sample;
}

async function p95Of(run: () => Promise<number>): Promise<number> {
  for (let i = 0; i < 20; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const status = await run();
    ms.push(performance.now() - t0);
    if (status !== 200) throw new Error(`answered ${status}`);
  }
  return percentile(ms, 95);
}

export async function benchServicesInbox(): Promise<Figure[]> {
  const n = Number(process.env.BENCH_INBOX_CASES ?? 100_000);
  const dir = tmpDir('mmis-bench-inbox-');
  try {
    let services = await sqliteServices(dir);
    await seedDemo(services);
    const db = services.db.kysely;
    const community = await db.selectFrom('communities').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    await db.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, community.id));
    const defs = await db.selectFrom('service_definitions').select(['id', 'current_version_id']).where('community_id', '=', community.id).where('status', '=', 'published').execute();
    const staff = await db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id').select(['users.id', 'users.email', 'role_assignments.role'])
      .where('role_assignments.community_id', '=', community.id).where('role_assignments.role', 'in', ['specialist', 'chief_of_staff', 'operator']).execute();
    const settlements = await db.selectFrom('settlements').select('id').where('community_id', '=', community.id).execute();
    const specialist = staff.find((u) => u.role === 'specialist')!;
    await services.close();

    console.log(`writing ${n.toLocaleString('en')} cases into ${SLUG}…`);
    const sample = writeCases(path.join(dir, 'bench.sqlite'), {
      communityId: community.id, services: defs.map((d) => ({ id: d.id, versionId: d.current_version_id! })), settlements: settlements.map((s) => s.id),
      staff: staff.map((u) => u.id), specialist: specialist.id,
    }, n);

    services = await sqliteServices(dir);
    const app = await buildApp(services, { logger: false });
    const { cookie } = await signInAs(services, specialist.email!);
    const get = (url: string) => async () => (await app.inject({ method: 'GET', url, headers: { cookie } })).statusCode;
    const health = await p95Of(async () => (await app.inject({ method: 'GET', url: '/healthz' })).statusCode);
    const views: [string, string][] = [
      ['open', 'view=open'], ['mine', 'view=mine'], ['overdue', 'view=overdue'], ['at risk', 'view=at_risk'],
      ['search by number', `q=${encodeURIComponent(sample)}`], ['open, page 20', 'view=open&page=20'],
    ];
    const out: Figure[] = [];
    for (const [label, query] of views) {
      const p95 = await p95Of(get(`/${SLUG}/staff/cases?${query}`));
      out.push({ name: `p95 staff inbox, ${label} (${n.toLocaleString('en')} cases, SQLite)`, value: Number(p95.toFixed(2)), baseline: Number(health.toFixed(2)), ratio: p95 / Math.max(health, 0.001), unit: 'ms', target: 'p95 ≤ 50 ms', meets: p95 <= 50 });
    }
    await app.close();
    await services.close();
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchServicesInbox());
}
