// The budget's figures for each line: approved (as adopted), adjusted (approved plus every
// amendment) and actual — revenues from the ledger (payments credited to obligations by
// their revenue line), expenses from the imported Treasury execution reports — with the
// totals by part and overall (total = administrative + fund) and the execution percent.
import { sql } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { BudgetDirection, BudgetPart, FinBudgetsTable } from './budget.table.ts';
import type { Selectable } from 'kysely';

export type Budget = Selectable<FinBudgetsTable>;

export interface LineFigures {
  /** Null for a revenue line the ledger credits that the plan does not have. */
  id: number | null;
  direction: BudgetDirection;
  part: BudgetPart;
  functionalCode: string;
  economicCode: string;
  name: string;
  approved: number;
  adjusted: number;
  actual: number;
}

export interface Figures {
  approved: number;
  adjusted: number;
  actual: number;
}

export interface BudgetReport {
  budget: Budget;
  /** Through this day (revenues by payment day, expenses by month). */
  asOf: string;
  lines: LineFigures[];
  totals: Record<BudgetDirection, Record<BudgetPart | 'total', Figures>>;
}

/** Executed share of the adjusted plan, in whole percent (rounded half up); null without a plan. */
export function executionPercent(f: Figures): number | null {
  return f.adjusted > 0 ? Math.round((100 * f.actual) / f.adjusted) : null;
}

const zero = (): Figures => ({ approved: 0, adjusted: 0, actual: 0 });

export async function findBudget(tenant: TenantDb, year: number): Promise<Budget | undefined> {
  return tenant.selectFrom('fin_budgets').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function budgetYears(tenant: TenantDb, onlyAdopted: boolean): Promise<number[]> {
  let q = tenant.selectFrom('fin_budgets').select('year').orderBy('year', 'desc');
  if (onlyAdopted) q = q.where('status', '=', 'adopted');
  return (await q.execute()).map((r) => r.year);
}

/**
 * Money the ledger credited to each revenue line from `from` through `to`: payment entries
 * (negative: they lower a debt) and reversals of them, read-only over the ledger's tables.
 * Both the principal and the penalty go to the obligation's line.
 */
export async function ledgerRevenue(tenant: TenantDb, from: string, to: string): Promise<Map<string, number>> {
  const rows = await tenant.selectFrom('fin_entries')
    .innerJoin('fin_obligations as o', (j) => j.onRef('o.id', '=', 'fin_entries.obligation_id').onRef('o.community_id', '=', 'fin_entries.community_id'))
    .leftJoin('fin_entries as p', (j) => j.onRef('p.id', '=', 'fin_entries.reverses_entry_id').onRef('p.community_id', '=', 'fin_entries.community_id'))
    .select(['o.revenue_line as line', sql<string>`sum(${sql.ref('fin_entries.amount')})`.as('amount')])
    .where('o.revenue_line', 'is not', null)
    .where('fin_entries.entry_on', '>=', from)
    .where('fin_entries.entry_on', '<=', to)
    .where((eb) => eb.or([eb('fin_entries.kind', '=', 'payment'), eb.and([eb('fin_entries.kind', '=', 'reversal'), eb('p.kind', '=', 'payment')])]))
    .groupBy('o.revenue_line')
    .execute();
  return new Map(rows.map((r) => [r.line!, -Number(r.amount)]));
}

/** Expense execution per line from the imported reports, months `fromMonth` through `toMonth`. */
async function importedExecution(tenant: TenantDb, budgetId: number, fromMonth: string, toMonth: string): Promise<Map<number, number>> {
  const rows = await tenant.selectFrom('fin_budget_execution')
    .innerJoin('fin_budget_lines as l', (j) => j.onRef('l.id', '=', 'fin_budget_execution.line_id').onRef('l.community_id', '=', 'fin_budget_execution.community_id'))
    .select(['fin_budget_execution.line_id as id', sql<string>`sum(${sql.ref('fin_budget_execution.amount')})`.as('amount')])
    .where('l.budget_id', '=', budgetId)
    .where('fin_budget_execution.period', '>=', fromMonth)
    .where('fin_budget_execution.period', '<=', toMonth)
    .groupBy('fin_budget_execution.line_id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.amount)]));
}

/** Every line with its plan and amendments (adjusted = approved + the sum of its amendments). */
export async function planLines(tenant: TenantDb, budgetId: number): Promise<LineFigures[]> {
  const [lines, deltas] = await Promise.all([
    tenant.selectFrom('fin_budget_lines').selectAll().where('budget_id', '=', budgetId).execute(),
    tenant.selectFrom('fin_budget_amendment_lines')
      .innerJoin('fin_budget_amendments as a', (j) => j.onRef('a.id', '=', 'fin_budget_amendment_lines.amendment_id').onRef('a.community_id', '=', 'fin_budget_amendment_lines.community_id'))
      .select(['fin_budget_amendment_lines.line_id as id', sql<string>`sum(${sql.ref('fin_budget_amendment_lines.delta')})`.as('delta')])
      .where('a.budget_id', '=', budgetId)
      .groupBy('fin_budget_amendment_lines.line_id')
      .execute(),
  ]);
  const delta = new Map(deltas.map((d) => [d.id, Number(d.delta)]));
  return lines.map((l) => ({
    id: l.id, direction: l.direction, part: l.part, functionalCode: l.functional_code, economicCode: l.economic_code, name: l.name,
    approved: Number(l.approved), adjusted: Number(l.approved) + (delta.get(l.id) ?? 0), actual: 0,
  }));
}

const ORDER: Record<BudgetPart, number> = { administrative: 0, fund: 1 };
const byLine = (a: LineFigures, b: LineFigures) =>
  ORDER[a.part] - ORDER[b.part] || a.functionalCode.localeCompare(b.functionalCode) || a.economicCode.localeCompare(b.economicCode);

/** The report of `budget` with execution from 1 January through `asOf` (at most the year's end). */
export async function budgetReport(tenant: TenantDb, budget: Budget, asOf: string): Promise<BudgetReport> {
  const start = `${budget.year}-01-01`;
  const end = asOf < `${budget.year}-12-31` ? asOf : `${budget.year}-12-31`;
  const [lines, revenue, spent] = await Promise.all([
    planLines(tenant, budget.id),
    ledgerRevenue(tenant, start, end),
    importedExecution(tenant, budget.id, `${budget.year}-01`, end.slice(0, 7)),
  ]);
  for (const l of lines) if (l.direction === 'expense') l.actual = spent.get(l.id!) ?? 0;
  // Ledger money goes to the administrative line of its code, else the fund line; a code the plan lacks shows as its own row.
  for (const [code, amount] of revenue) {
    const target = lines.find((l) => l.direction === 'revenue' && l.economicCode === code && l.part === 'administrative')
      ?? lines.find((l) => l.direction === 'revenue' && l.economicCode === code);
    if (target) target.actual += amount;
    else lines.push({ id: null, direction: 'revenue', part: 'administrative', functionalCode: '', economicCode: code, name: '', approved: 0, adjusted: 0, actual: amount });
  }
  lines.sort(byLine);
  const totals = { revenue: { administrative: zero(), fund: zero(), total: zero() }, expense: { administrative: zero(), fund: zero(), total: zero() } };
  for (const l of lines) {
    for (const f of [totals[l.direction][l.part], totals[l.direction].total]) {
      f.approved += l.approved;
      f.adjusted += l.adjusted;
      f.actual += l.actual;
    }
  }
  return { budget, asOf: end, lines, totals };
}
