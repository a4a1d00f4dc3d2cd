// Penalties as a table: holidays that move the due date, year ends, the 2020 rate change,
// the 730-day cap, part-payments that lower the principal, and the one rounding of the total.
// The rates are the seeded national rules, read from the database on both engines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { DEFAULT_CALENDAR, WorkingCalendar } from '../../../platform/calendar/calendar.ts';
import { accruedPenalty, loadPenaltyRates, type PenaltyRate, type PrincipalMove } from './penalty.ts';

/** The national defaults as the migration seeds them (checked against the database below). */
const NATIONAL: PenaltyRate[] = [
  { ruleId: 1, from: '2018-01-01', to: '2020-04-20', ratePctPerDay: 0.075, capDays: 730, legalRef: 'Art 401', verification: 'to_check', own: false },
  { ruleId: 2, from: '2020-04-21', to: null, ratePctPerDay: 0.04, capDays: 730, legalRef: 'Art 401', verification: 'to_check', own: false },
];

interface Case {
  name: string;
  dueOn: string;
  asOf: string;
  moves: PrincipalMove[];
  amount: number;
  days: number;
  effectiveDueOn?: string;
}

const owe = (on: string, amount: number): PrincipalMove => ({ on, amount });

const CASES: Case[] = [
  { name: 'ten overdue days at 0.04 %', dueOn: '2025-12-01', asOf: '2025-12-11', moves: [owe('2025-11-01', 100_000)], amount: 400, days: 10 },
  { name: 'nothing on the due date itself', dueOn: '2025-12-01', asOf: '2025-12-01', moves: [owe('2025-11-01', 100_000)], amount: 0, days: 0 },
  { name: 'nothing before the due date', dueOn: '2025-12-01', asOf: '2025-06-01', moves: [owe('2025-01-01', 100_000)], amount: 0, days: 0 },
  {
    name: 'a due date on a Sunday moves to Monday', dueOn: '2024-12-01', asOf: '2024-12-12', moves: [owe('2024-11-01', 100_000)],
    amount: 400, days: 10, effectiveDueOn: '2024-12-02',
  },
  {
    name: 'a due date on New Year\'s Eve moves past the holidays and the weekend', dueOn: '2025-12-31', asOf: '2026-01-15',
    moves: [owe('2025-11-01', 100_000)], amount: 400, days: 10, effectiveDueOn: '2026-01-05',
  },
  { name: 'across a year end', dueOn: '2024-12-02', asOf: '2025-01-31', moves: [owe('2024-11-01', 100_000)], amount: 2_400, days: 60 },
  {
    name: 'across the rate change of 21 April 2020: ten days at 0.075 %, ten at 0.04 %', dueOn: '2020-04-10', asOf: '2020-04-30',
    moves: [owe('2020-01-01', 100_000)], amount: 750 + 400, days: 20,
  },
  { name: 'the cap: at most 730 days', dueOn: '2021-12-01', asOf: '2026-12-07', moves: [owe('2021-11-01', 100_000)], amount: 730 * 40, days: 730 },
  {
    name: 'the cap across the rate change: 140 days at 0.075 %, the other 590 at 0.04 %', dueOn: '2019-12-02', asOf: '2025-01-01',
    moves: [owe('2019-11-01', 100_000)], amount: 140 * 75 + 590 * 40, days: 730,
  },
  {
    name: 'a part-payment lowers the principal from the day after it (the day of payment is charged)', dueOn: '2025-12-01', asOf: '2025-12-11',
    moves: [owe('2025-11-01', 100_000), owe('2025-12-06', -60_000)], amount: 5 * 40 + 5 * 16, days: 10,
  },
  {
    name: 'paid in full: the penalty stops', dueOn: '2025-12-01', asOf: '2026-03-01',
    moves: [owe('2025-11-01', 100_000), owe('2025-12-04', -100_000)], amount: 3 * 40, days: 3,
  },
  { name: 'paid on time: none', dueOn: '2025-12-01', asOf: '2026-03-01', moves: [owe('2025-11-01', 100_000), owe('2025-12-01', -100_000)], amount: 0, days: 0 },
  {
    name: 'an extra accrual posted late is charged from the day after it', dueOn: '2025-12-01', asOf: '2025-12-11',
    moves: [owe('2025-11-01', 50_000), owe('2025-12-07', 50_000)], amount: 10 * 20 + 4 * 20, days: 10,
  },
  { name: 'rounding once on the total: 10 × 0.4936 = 4.936 → 5', dueOn: '2025-12-01', asOf: '2025-12-11', moves: [owe('2025-11-01', 1_234)], amount: 5, days: 10 },
  { name: 'half a dram rounds up', dueOn: '2025-12-01', asOf: '2025-12-02', moves: [owe('2025-11-01', 1_250)], amount: 1, days: 1 },
  { name: 'less than half a dram rounds down', dueOn: '2025-12-01', asOf: '2025-12-02', moves: [owe('2025-11-01', 1_249)], amount: 0, days: 1 },
  { name: 'paid over: a credit earns no negative penalty', dueOn: '2025-12-01', asOf: '2025-12-11', moves: [owe('2025-11-01', 1_000), owe('2025-11-20', -5_000)], amount: 0, days: 0 },
  { name: 'days before any rule are not charged', dueOn: '2017-12-01', asOf: '2018-01-10', moves: [owe('2017-11-01', 100_000)], amount: 10 * 75, days: 10 },
];

for (const c of CASES) {
  test(`penalty: ${c.name}`, () => {
    const r = accruedPenalty({ dueOn: c.dueOn, asOf: c.asOf, moves: c.moves, rates: NATIONAL, calendar: DEFAULT_CALENDAR });
    assert.equal(r.amount, c.amount);
    assert.equal(r.days, c.days);
    if (c.effectiveDueOn) assert.equal(r.effectiveDueOn, c.effectiveDueOn);
    assert.equal(r.toCheck, r.days > 0, 'the cap is still to be checked, and a charged day says so');
  });
}

test('penalty: an edited calendar moves the due date too (a working Saturday is not moved off)', () => {
  const calendar = new WorkingCalendar([{ day: '2025-11-29', working: true, name_hy: 'Աշխատանքային շաբաթ', name_en: 'Working Saturday', name_ru: 'Рабочая суббота' }]);
  const r = accruedPenalty({ dueOn: '2025-11-29', asOf: '2025-12-09', moves: [owe('2025-11-01', 100_000)], rates: NATIONAL, calendar });
  assert.equal(r.effectiveDueOn, '2025-11-29');
  assert.equal(r.days, 10);
});

test('penalty: a community\'s own rule wins over the national one on the days it covers', () => {
  const own: PenaltyRate = { ruleId: 9, from: '2025-12-05', to: '2025-12-06', ratePctPerDay: 0, capDays: 730, legalRef: 'x', verification: 'verified', own: true };
  const r = accruedPenalty({ dueOn: '2025-12-01', asOf: '2025-12-11', moves: [owe('2025-11-01', 100_000)], rates: [own, ...NATIONAL], calendar: DEFAULT_CALENDAR });
  assert.equal(r.amount, 8 * 40);
});

bothEngines('penalty: the national rates are seeded as data with their legal reference, the cap marked to be checked', async (t, engine) => {
  const env = await setup(t, engine);
  const community = await env.services.db.kysely.selectFrom('communities').select('id').orderBy('id').executeTakeFirstOrThrow();
  const rates = await loadPenaltyRates(new TenantDb(env.services.db.kysely, community.id));
  assert.deepEqual(rates.map(({ from, to, ratePctPerDay, capDays, verification }) => ({ from, to, ratePctPerDay, capDays, verification })),
    NATIONAL.map(({ from, to, ratePctPerDay, capDays, verification }) => ({ from, to, ratePctPerDay, capDays, verification })));
  assert.match(rates[1]!.legalRef, /Art 401\(1\).*HO-220-N/);
});
