// The budget's indicators for dashboards and the national console: the adjusted plan and
// the actual of revenues and expenses of the period's year, and the execution percent
// weighted by the plan — so a region's percent is Σ actual / Σ plan, not a mean of percents.
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Indicator, IndicatorPeriod, Services } from '../../../platform/module/contract.ts';
import { budgetReport, findBudget, type BudgetReport } from './budget.report.ts';

/**
 * The adopted budget of the year the period ends in, executed through the period's end.
 * The plan is the year's adjusted plan and the actual counts from 1 January, because a
 * budget is executed against its annual plan.
 */
async function reportFor(services: Services, communityId: number, period: IndicatorPeriod): Promise<BudgetReport | null> {
  const tenant = new TenantDb(services.db.kysely, communityId);
  const budget = await findBudget(tenant, Number(period.to.slice(0, 4)));
  return budget && budget.status === 'adopted' ? budgetReport(tenant, budget, period.to) : null;
}

const figure = (pick: (r: BudgetReport) => number | null): Indicator['compute'] => async (services, communityId, period) => {
  const report = await reportFor(services, communityId, period);
  return report ? pick(report) : null;
};

const percent = (d: 'revenue' | 'expense') => (r: BudgetReport) => {
  const f = r.totals[d].total;
  return f.adjusted > 0 ? (100 * f.actual) / f.adjusted : null;
};

export const budgetIndicators: Indicator[] = [
  { key: 'finance.budget_revenue_plan', label: 'finance.budget.indicator.revenuePlan', unit: 'amd', measure: 'stock', aggregation: { kind: 'sum' }, compute: figure((r) => r.totals.revenue.total.adjusted) },
  { key: 'finance.budget_revenue_actual', label: 'finance.budget.indicator.revenueActual', unit: 'amd', measure: 'stock', aggregation: { kind: 'sum' }, compute: figure((r) => r.totals.revenue.total.actual) },
  {
    key: 'finance.budget_revenue_execution', label: 'finance.budget.indicator.revenueExecution', unit: 'percent', measure: 'stock',
    aggregation: { kind: 'weighted_mean', weight: 'finance.budget_revenue_plan' }, keyFigure: true, compute: figure(percent('revenue')),
  },
  { key: 'finance.budget_expense_plan', label: 'finance.budget.indicator.expensePlan', unit: 'amd', measure: 'stock', aggregation: { kind: 'sum' }, compute: figure((r) => r.totals.expense.total.adjusted) },
  { key: 'finance.budget_expense_actual', label: 'finance.budget.indicator.expenseActual', unit: 'amd', measure: 'stock', aggregation: { kind: 'sum' }, compute: figure((r) => r.totals.expense.total.actual) },
  {
    key: 'finance.budget_expense_execution', label: 'finance.budget.indicator.expenseExecution', unit: 'percent', measure: 'stock',
    aggregation: { kind: 'weighted_mean', weight: 'finance.budget_expense_plan' }, keyFigure: true, compute: figure(percent('expense')),
  },
];
