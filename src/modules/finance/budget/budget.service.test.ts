// The budget's figures on both engines: a plan in both parts, amendments by decision
// (adjusted = approved + amendments), revenue execution from ledger payments (a reversed
// payment counts no more), expense execution from Treasury reports (the same file twice
// changes nothing, bad rows are reported, a later report for a month replaces it), the
// totals (administrative + fund) and the plan-weighted indicators.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { aggregateIndicator, indicatorByKey } from '../../../platform/module/indicators.ts';
import { postEntries } from '../ledger/ledger.core.ts';
import { adoptBudget, amendBudget, BudgetRefused, createBudget, importExecution, importPlan } from './budget.service.ts';
import { budgetReport, findBudget, type BudgetReport } from './budget.report.ts';
import { ACTOR, EXEC_HEADER, PLAN, PLAN_HEADER, YEAR, adoptedBudget, csv, communityId, paid } from './budget.testkit.ts';

const line = (r: BudgetReport, part: string, f: string, e: string) => r.lines.find((l) => l.part === part && l.functionalCode === f && l.economicCode === e)!;
const END = `${YEAR}-12-31`;

bothEngines('budget: amendments adjust the plan, payments and Treasury reports execute it, totals add the two parts', async (t, engine) => {
  const env = await setup(t, engine);
  const { tenant, budgetId } = await adoptedBudget(env);
  const budget = (await findBudget(tenant, YEAR))!;
  const lineId = async (part: string, f: string, e: string) => line(await budgetReport(tenant, budget, END), part, f, e).id!;
  const wages = await lineId('administrative', '01.1.1', '4111');
  const roads = await lineId('fund', '04.5.1', '5113');

  await amendBudget(tenant, ACTOR, budgetId, { number: '30-Ն', date: `${YEAR}-05-10`, note: null }, new Map([[roads, 1_500_000], [wages, -500_000]]));
  await amendBudget(tenant, ACTOR, budgetId, { number: '41-Ն', date: `${YEAR}-09-01`, note: 'more' }, new Map([[roads, 250_000]]));
  await assert.rejects(amendBudget(tenant, ACTOR, budgetId, { number: '42-Ն', date: `${YEAR}-09-02`, note: null }, new Map([[wages, -6_000_000]])),
    (e: unknown) => e instanceof BudgetRefused && e.messageKey === 'finance.budget.error.negative', 'an adjusted plan cannot go below zero');

  // Revenue: two payments on 1351, one of them reversed; a payment of the year before does not count; an unplanned line shows on its own.
  await paid(tenant, '1351', 300_000, `${YEAR}-02-10`, 'a');
  const reversed = await paid(tenant, '1351', 50_000, `${YEAR}-03-10`, 'b');
  const ob = await tenant.selectFrom('fin_entries').select('obligation_id').where('id', '=', reversed).executeTakeFirstOrThrow();
  await postEntries(tenant, [{ obligation_id: ob.obligation_id, kind: 'reversal', component: 'principal', amount: 50_000, entry_on: `${YEAR}-03-11`, payment_id: null, reverses_entry_id: reversed, legal_ground: null, note: 'bank error', batch: null, actor_user_id: null }]);
  await paid(tenant, '1351', 999_000, `${YEAR - 1}-12-30`, 'c');
  await paid(tenant, '11301', 7_500, `${YEAR}-04-01`, 'd');

  const report = csv([EXEC_HEADER,
    ['01.1.1', '4111', 'administrative', `${YEAR}-01`, 450_000],
    ['0111', '4111', 'վարչական', `${YEAR}-02`, 460_000],
    ['04.5.1', '5113', 'fund', `${YEAR}-03`, 1_000_000]]);
  const first = await importExecution(tenant, ACTOR, budgetId, 'q1.csv', report);
  assert.deepEqual([first.repeated, first.applied, first.problems.length], [false, 3, 0]);

  const r = await budgetReport(tenant, budget, END);
  assert.deepEqual(line(r, 'administrative', '01.1.1', '4111'), { ...line(r, 'administrative', '01.1.1', '4111'), approved: 6_000_000, adjusted: 5_500_000, actual: 910_000 });
  assert.deepEqual(line(r, 'fund', '04.5.1', '5113'), { ...line(r, 'fund', '04.5.1', '5113'), approved: 4_000_000, adjusted: 5_750_000, actual: 1_000_000 });
  assert.equal(line(r, 'administrative', '', '1351').actual, 300_000, 'the reversed payment and last year\u2019s do not count');
  const unplanned = line(r, 'administrative', '', '11301');
  assert.deepEqual([unplanned.id, unplanned.approved, unplanned.actual], [null, 0, 7_500]);
  for (const d of ['revenue', 'expense'] as const) {
    const tot = r.totals[d];
    for (const k of ['approved', 'adjusted', 'actual'] as const) assert.equal(tot.total[k], tot.administrative[k] + tot.fund[k], `${d} ${k}: total = administrative + fund`);
  }
  assert.deepEqual(r.totals.expense.total, { approved: 12_000_000, adjusted: 13_250_000, actual: 1_910_000 });
  assert.deepEqual(r.totals.revenue.total, { approved: 12_000_000, adjusted: 12_000_000, actual: 307_500 });
  // As of the end of February: only January and February of the report, only February's payment.
  const feb = await budgetReport(tenant, budget, `${YEAR}-02-28`);
  assert.deepEqual([feb.totals.expense.total.actual, feb.totals.revenue.total.actual], [910_000, 300_000]);

  // Indicators: the percent is weighted by the plan, so two communities together give Σ actual / Σ plan.
  const services = env.services;
  const period = { from: `${YEAR}-01-01`, to: END };
  const jermuk = await adoptedBudget(env, 'jermuk');
  await importExecution(jermuk.tenant, ACTOR, jermuk.budgetId, 'j.csv', csv([EXEC_HEADER, ['01.1.1', '4111', 'administrative', `${YEAR}-01`, 6_000_000]]));
  const pct = indicatorByKey(services, 'finance.budget_expense_execution')!;
  const plan = indicatorByKey(services, 'finance.budget_expense_plan')!;
  const figures = await Promise.all([tenant.communityId, jermuk.tenant.communityId].map(async (id) => ({
    value: await pct.compute(services, id, period), weight: await plan.compute(services, id, period),
  })));
  assert.deepEqual(figures.map((f) => f.weight), [13_250_000, 12_000_000]);
  assert.equal(figures[1]!.value, 50);
  const national = aggregateIndicator(pct, figures)!;
  assert.ok(Math.abs(national - (100 * (1_910_000 + 6_000_000)) / (13_250_000 + 12_000_000)) < 1e-9, 'Σ actual / Σ plan');
  assert.equal(await pct.compute(services, tenant.communityId, { from: '2040-01-01', to: '2040-12-31' }), null, 'no budget: no figure');
});

bothEngines('budget: a Treasury report twice changes nothing, bad rows are reported, a later report replaces a month', async (t, engine) => {
  const env = await setup(t, engine);
  const { tenant, budgetId } = await adoptedBudget(env);
  const budget = (await findBudget(tenant, YEAR))!;
  const file = csv([EXEC_HEADER,
    ['01.1.1', '4111', 'administrative', `${YEAR}-01`, 500_000], // line 2: good
    ['01.1.1', '4111', 'fund', `${YEAR}-01`, 1], // 3: no such line in the fund part
    ['99.1.1', '4111', 'administrative', `${YEAR}-01`, 1], // 4: bad functional code
    ['01.1.1', '4111', 'administrative', `${YEAR - 1}-12`, 1], // 5: another year
    ['04.5.1', '4251', 'administrative', `${YEAR}-01`, '12.50'], // 6: not whole drams
    ['01.1.1', '4111', 'administrative', `${YEAR}-01`, 7], // 7: the same line and month again
    ['04.5.1', '4251', 'administrative', `${YEAR}-01`, '1 200 000'], // 8: good, with thousands spaces
  ]);
  const first = await importExecution(tenant, ACTOR, budgetId, 'jan.csv', file);
  assert.equal(first.applied, 2);
  assert.deepEqual(first.problems, [
    { line: 3, reason: 'finance.budget.row.noLine' }, { line: 4, reason: 'finance.budget.row.functional' },
    { line: 5, reason: 'finance.budget.row.period' }, { line: 6, reason: 'finance.budget.row.amount' },
    { line: 7, reason: 'finance.budget.row.duplicate' },
  ]);
  const audits = async () => (await env.services.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'finance.budget.execution_import').execute()).length;
  const before = { report: await budgetReport(tenant, budget, `${YEAR}-12-31`), audits: await audits() };
  const again = await importExecution(tenant, ACTOR, budgetId, 'jan-again.csv', file);
  assert.deepEqual([again.repeated, again.importId, again.applied, again.problems.length], [true, first.importId, 2, 5]);
  assert.deepEqual(await budgetReport(tenant, budget, `${YEAR}-12-31`), before.report, 'the same file twice changes nothing');
  assert.equal(await audits(), before.audits);
  assert.equal(before.report.totals.expense.total.actual, 1_700_000);

  // A corrected January report replaces January's figure for that line; other lines keep theirs.
  await importExecution(tenant, ACTOR, budgetId, 'jan-fixed.csv', csv([EXEC_HEADER, ['01.1.1', '4111', 'administrative', `${YEAR}-01`, 520_000]]));
  assert.equal((await budgetReport(tenant, budget, `${YEAR}-12-31`)).totals.expense.total.actual, 1_720_000);

  await assert.rejects(importExecution(tenant, ACTOR, budgetId, 'x.csv', csv([['functional', 'economic'], ['01.1.1', '4111']])), /missingColumns/);
});

bothEngines('budget: a plan with a bad row is not loaded at all; an adopted plan changes only by amendment', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = new TenantDb(env.services.db.kysely, await communityId(env, 'sisian'));
  const budgetId = await createBudget(tenant, ACTOR, YEAR);
  await assert.rejects(createBudget(tenant, ACTOR, YEAR), (e: unknown) => e instanceof BudgetRefused && e.messageKey === 'finance.budget.error.exists');
  const bad = await importPlan(tenant, ACTOR, budgetId, csv([PLAN_HEADER,
    ['revenue', 'administrative', '', '1351', 'Local payments', 1_000],
    ['expense', 'capital', '04.5.1', '5113', 'Roads', 1_000],
    ['expense', 'fund', '4.5', '5113', 'Roads', 1_000],
    ['income', 'fund', '', '2120', 'Balance', 1_000],
    ['revenue', 'administrative', '', '1351', 'Again', 1_000],
    ['revenue', 'administrative', '', '1333', 'Rent', -5],
  ]));
  assert.deepEqual(bad.problems.map((p) => [p.line, p.reason]), [
    [4, 'finance.budget.row.functional'], [5, 'finance.budget.row.direction'], [6, 'finance.budget.row.duplicate'], [7, 'finance.budget.row.amount'],
  ], '"capital" is taken for the fund part');
  assert.equal((await tenant.selectFrom('fin_budget_lines').select('id').where('budget_id', '=', budgetId).execute()).length, 0, 'nothing loaded');
  await assert.rejects(adoptBudget(tenant, ACTOR, budgetId, { number: '1', date: `${YEAR}-01-01` }), (e: unknown) => e instanceof BudgetRefused && e.messageKey === 'finance.budget.error.noLines');

  const other = await adoptedBudget(env, 'jermuk');
  await assert.rejects(importPlan(other.tenant, ACTOR, other.budgetId, PLAN), (e: unknown) => e instanceof BudgetRefused && e.messageKey === 'finance.budget.error.adopted');
});
