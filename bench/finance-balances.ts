// Balances of 100,000 payers with penalties to date. The demo in a fresh SQLite file, then
// 100,000 residents of Sisian as payers with three years of real estate tax (and land tax for
// some), written straight with better-sqlite3: most paid on time, some late (penalty posted at
// the payment), some still owing. Then, for random payers, p95 of payerBalance() (the
// obligations, their entries, the penalty to date, the credit — the payer page's query) and of
// the payer's staff page through the real app, beside a bare indexed SELECT of the same
// payer's entries in the same run. BENCH_FINANCE_PAYERS (default 100,000) scales it.
// Every query the balance and the page send is an index search (EXPLAIN QUERY PLAN on SQLite,
// EXPLAIN ANALYZE on PostgreSQL at this size): obligations by payer, entries by obligation and by
// payment, payments by payer, refunds by payment, the not-yet-reversed check by reverses_entry_id.
// What is left of the page's time is rendering; its p95 moves with the machine's load.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { TenantDb } from '../src/platform/db/tenant.ts';
import { todayInYerevan } from '../src/platform/i18n/index.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES, prng } from '../src/demo/registry-demo-data.ts';
import { payerBalance } from '../src/modules/finance/ledger/balances.ts';
import { buildApp } from '../src/app.ts';
import { signInAs } from '../test/session.ts';
import { percentile, sqliteServices, tmpDir, type Figure } from './registry-common.ts';

const SLUG = 'sisian';
const SAMPLES = 300;

/** Writes `n` resident payers with three years of obligations; returns their ids. */
export function writeLedger(file: string, communityId: number, settlementId: number, n: number): number[] {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rng = prng(0xf17a);
  const at = new Date().toISOString();
  const thisYear = Number(todayInYerevan().slice(0, 4));
  const years = [thisYear - 3, thisYear - 2, thisYear - 1];
  const resident = db.prepare(`insert into residents (community_id, last_name, first_name, patronymic, last_name_latin, first_name_latin, patronymic_latin, birth_date, sex,
    public_service_number, settlement_id, status, search_key, created_at, updated_at) values (?, ?, ?, null, ?, ?, null, '1970-01-01', 'F', ?, ?, 'registered', '', ?, ?)`);
  const obligation = db.prepare(`insert into fin_obligations (community_id, payer_kind, resident_id, organization_id, kind, subject_type, subject_id, subject_label, period, due_on,
    revenue_line, source_key, status, created_at) values (?, 'resident', ?, null, ?, 'structure', null, ?, ?, ?, ?, ?, 'active', ?)`);
  const payment = db.prepare(`insert into fin_payments (community_id, payer_kind, resident_id, organization_id, payer_name, amount, channel, provider, provider_txn_id, reference,
    paid_on, receipt_number, actor_user_id, created_at, allocated_on) values (?, 'resident', ?, null, ?, ?, 'bank', 'bench', ?, null, ?, null, null, ?, ?)`);
  const entry = db.prepare(`insert into fin_entries (community_id, obligation_id, kind, component, amount, entry_on, payment_id, reverses_entry_id, legal_ground, note, batch,
    actor_user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, null, null, null, 'bench', null, ?)`);
  const ids: number[] = [];
  let txn = 0;
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const surname = rng.pick(SURNAMES);
      const first = rng.chance(0.5) ? rng.pick(MALE_NAMES)[0] : rng.pick(FEMALE_NAMES);
      const rid = Number(resident.run(communityId, surname, first, surname, first, String(3_000_000_000 + i), settlementId, at, at).lastInsertRowid);
      ids.push(rid);
      for (const year of years) {
        const kinds = rng.chance(0.3) ? ['real_estate_tax', 'land_tax'] : ['real_estate_tax'];
        for (const kind of kinds) {
          const due = `${year}-12-01`;
          const amount = rng.int(5, 200) * 1000;
          const ob = Number(obligation.run(communityId, rid, kind, `Bench ${kind} ${i}`, String(year), due, kind === 'land_tax' ? '1112' : '1111', `bench:${kind}:${year}:${rid}`, at).lastInsertRowid);
          entry.run(communityId, ob, 'accrual', 'principal', amount, `${year}-11-01`, null, at);
          const fate = rng.next();
          if (fate < 0.6) {
            const p = Number(payment.run(communityId, rid, `${surname} ${first}`, amount, `b${++txn}`, `${year}-11-20`, at, `${year}-11-20`).lastInsertRowid);
            entry.run(communityId, ob, 'payment', 'principal', -amount, `${year}-11-20`, p, at);
          } else if (fate < 0.8) {
            const paidOn = `${year + 1}-02-15`;
            const penalty = Math.round(amount * 0.0004 * 76);
            const p = Number(payment.run(communityId, rid, `${surname} ${first}`, amount + penalty, `b${++txn}`, paidOn, at, paidOn).lastInsertRowid);
            entry.run(communityId, ob, 'penalty', 'penalty', penalty, paidOn, null, at);
            entry.run(communityId, ob, 'payment', 'principal', -amount, paidOn, p, at);
            entry.run(communityId, ob, 'payment', 'penalty', -penalty, paidOn, p, at);
          }
        }
      }
    }
  })();
  db.exec('analyze');
  const counts = db.prepare('select (select count(*) from fin_obligations) as o, (select count(*) from fin_entries) as e, (select count(*) from fin_payments) as p').get() as { o: number; e: number; p: number };
  console.log(`  ${n.toLocaleString('en')} payers: ${counts.o.toLocaleString('en')} obligations, ${counts.e.toLocaleString('en')} entries, ${counts.p.toLocaleString('en')} payments`);
  db.close();
  return ids;
}

async function p95Of(payers: number[], run: (residentId: number) => Promise<void>): Promise<number> {
  const rng = prng(7);
  for (let i = 0; i < 20; i++) await run(rng.pick(payers));
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const id = rng.pick(payers);
    const t0 = performance.now();
    await run(id);
    ms.push(performance.now() - t0);
  }
  return percentile(ms, 95);
}

export async function benchFinanceBalances(): Promise<Figure[]> {
  const n = Number(process.env.BENCH_FINANCE_PAYERS ?? 100_000);
  const dir = tmpDir('mmis-bench-finance-');
  try {
    let services = await sqliteServices(dir);
    await seedDemo(services);
    const db = services.db.kysely;
    const community = await db.selectFrom('communities').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    const settlement = await db.selectFrom('settlements').select('id').where('community_id', '=', community.id).orderBy('id').executeTakeFirstOrThrow();
    await services.close();

    console.log(`writing ${n.toLocaleString('en')} payers with three years of obligations into ${SLUG}…`);
    const payers = writeLedger(path.join(dir, 'bench.sqlite'), community.id, settlement.id, n);

    services = await sqliteServices(dir);
    const tdb = new TenantDb(services.db.kysely, community.id);
    const today = todayInYerevan();
    const baseline = await p95Of(payers, async (id) => {
      await sql`select e.obligation_id, e.kind, e.component, e.amount, e.entry_on from fin_obligations o join fin_entries e on e.obligation_id = o.id and e.community_id = o.community_id
        where o.community_id = ${community.id} and o.resident_id = ${id}`.execute(services.db.kysely);
    });
    const balance = await p95Of(payers, async (id) => {
      const b = await payerBalance(tdb, { kind: 'resident', residentId: id }, today);
      if (b.obligations.length === 0) throw new Error('a payer without obligations');
    });
    const app = await buildApp(services, { logger: false });
    const { cookie } = await signInAs(services, 'accountant@sisian.example');
    const page = await p95Of(payers, async (id) => {
      const r = await app.inject({ method: 'GET', url: `/${SLUG}/staff/finance/payers/residents/${id}`, headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(`the payer page answered ${r.statusCode}`);
    });
    await app.close();
    await services.close();
    const label = `(${n.toLocaleString('en')} payers, SQLite)`;
    return [
      { name: `p95 payer balance with penalties to date ${label}`, value: Number(balance.toFixed(2)), baseline: Number(baseline.toFixed(2)), ratio: balance / Math.max(baseline, 0.001), unit: 'ms', target: 'p95 ≤ 20 ms', meets: balance <= 20 },
      { name: `p95 payer page (staff, audited read) ${label}`, value: Number(page.toFixed(2)), baseline: Number(baseline.toFixed(2)), ratio: page / Math.max(baseline, 0.001), unit: 'ms', target: 'p95 ≤ 20 ms', meets: page <= 20 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchFinanceBalances());
}
