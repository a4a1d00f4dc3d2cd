// The budget's figures as tables and charts, shared by the public page and the staff page:
// revenues and expenses by part and line (approved, adjusted, actual, executed %), with
// each part's total and the overall total (= administrative + fund), and bar charts whose
// numbers are in a table beside them (platform charts).
import type { Ctx } from '../../../platform/http/context.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { Notice, Table, Tag, type Column } from '../../../platform/ui/components.tsx';
import { BarChart } from '../../../platform/ui/charts.tsx';
import { executionPercent, type BudgetReport, type Figures, type LineFigures } from './budget.report.ts';
import { codeName, sectionOf } from './classification.ts';
import type { BudgetDirection, BudgetPart } from './budget.table.ts';

interface Row extends Figures {
  code: string;
  name: string;
  part: BudgetPart | 'total';
  subtotal: boolean;
}

const PART_LABEL = { administrative: 'finance.budget.part.administrative', fund: 'finance.budget.part.fund', total: 'finance.budget.part.total' } as const;

export const amount = (ctx: Ctx, n: number) => formatNumber(n, ctx.locale);
const percentText = (ctx: Ctx, f: Figures) => {
  const p = executionPercent(f);
  return p === null ? '—' : ctx.t('finance.budget.percent', { percent: p });
};

export function lineName(ctx: Ctx, l: Pick<LineFigures, 'name' | 'direction' | 'economicCode' | 'functionalCode'>): string {
  const economic = codeName(l.direction, l.economicCode, ctx.locale);
  if (l.direction === 'revenue') return l.name || economic || ctx.t('finance.budget.unplanned');
  const functional = codeName('functional', l.functionalCode, ctx.locale);
  return l.name || [functional, economic].filter(Boolean).join(' — ') || '—';
}

const lineCode = (l: LineFigures) => (l.direction === 'expense' ? `${l.functionalCode} / ${l.economicCode}` : l.economicCode);

function rowsOf(ctx: Ctx, report: BudgetReport, direction: BudgetDirection): Row[] {
  const rows: Row[] = [];
  for (const part of ['administrative', 'fund'] as const) {
    const lines = report.lines.filter((l) => l.direction === direction && l.part === part);
    if (!lines.length) continue;
    rows.push(...lines.map((l) => ({ code: lineCode(l), name: lineName(ctx, l), part, subtotal: false, approved: l.approved, adjusted: l.adjusted, actual: l.actual })));
    rows.push({ code: '', name: ctx.t('finance.budget.partTotal', { part: ctx.t(PART_LABEL[part]) }), part, subtotal: true, ...report.totals[direction][part] });
  }
  rows.push({ code: '', name: ctx.t('finance.budget.grandTotal'), part: 'total', subtotal: true, ...report.totals[direction].total });
  return rows;
}

export function ReportTables({ ctx, report }: { ctx: Ctx; report: BudgetReport }) {
  const t = ctx.t;
  const strong = (r: Row, text: string) => (r.subtotal ? <strong>{text}</strong> : text);
  const columns = (direction: BudgetDirection): Column<Row>[] => [
    { key: 'code', label: t(direction === 'expense' ? 'finance.budget.col.codes' : 'finance.budget.col.code'), render: (r) => r.code },
    { key: 'name', label: t('finance.budget.col.line'), render: (r) => strong(r, r.name) },
    { key: 'part', label: t('finance.budget.col.part'), render: (r) => t(PART_LABEL[r.part]) },
    { key: 'approved', label: t('finance.budget.col.approved'), numeric: true, render: (r) => strong(r, amount(ctx, r.approved)) },
    { key: 'adjusted', label: t('finance.budget.col.adjusted'), numeric: true, render: (r) => strong(r, amount(ctx, r.adjusted)) },
    { key: 'actual', label: t('finance.budget.col.actual'), numeric: true, render: (r) => strong(r, amount(ctx, r.actual)) },
    { key: 'percent', label: t('finance.budget.col.percent'), numeric: true, render: (r) => strong(r, percentText(ctx, r)) },
  ];
  return (
    <>
      <Notice tone="info" title={t('finance.budget.toCheck')}>
        <p><Tag tone="yellow">{t('finance.budget.toCheckTag')}</Tag> {t('finance.budget.toCheckText')}</p>
      </Notice>
      <h2 id="revenues">{t('finance.budget.revenues')}</h2>
      <Table t={t} caption={t('finance.budget.revenueCaption', { year: report.budget.year })} columns={columns('revenue')} rows={rowsOf(ctx, report, 'revenue')} stack />
      <h2 id="expenses">{t('finance.budget.expenses')}</h2>
      <Table t={t} caption={t('finance.budget.expenseCaption', { year: report.budget.year })} columns={columns('expense')} rows={rowsOf(ctx, report, 'expense')} stack />
    </>
  );
}

/** Expenses by functional section (adjusted plan) and the execution percent of each, plus the revenue lines' execution. */
export function ReportCharts({ ctx, report }: { ctx: Ctx; report: BudgetReport }) {
  const t = ctx.t;
  const sections = new Map<string, Figures>();
  for (const l of report.lines.filter((x) => x.direction === 'expense')) {
    const s = sections.get(sectionOf(l.functionalCode)) ?? { approved: 0, adjusted: 0, actual: 0 };
    s.approved += l.approved;
    s.adjusted += l.adjusted;
    s.actual += l.actual;
    sections.set(sectionOf(l.functionalCode), s);
  }
  const sectionLabel = (code: string) => `${code} ${codeName('functional', code, ctx.locale) ?? ''}`.trim();
  const ordered = [...sections].sort(([a], [b]) => a.localeCompare(b));
  const revenue = report.lines.filter((l) => l.direction === 'revenue' && l.adjusted > 0);
  const common = { tableSummary: t('finance.budget.chart.numbers'), locale: ctx.locale };
  return (
    <>
      <h2 id="charts">{t('finance.budget.chart.heading')}</h2>
      {ordered.length > 0 && (
        <>
          <BarChart id="chart-expense-plan" title={t('finance.budget.chart.expensePlan')} desc={t('finance.budget.chart.expensePlanDesc', { year: report.budget.year })}
            labelHeader={t('finance.budget.chart.section')} valueHeader={t('finance.budget.chart.amd')} {...common}
            data={ordered.map(([code, f]) => ({ label: sectionLabel(code), value: f.adjusted }))} />
          <BarChart id="chart-expense-execution" title={t('finance.budget.chart.expenseExecution')} desc={t('finance.budget.chart.executionDesc', { date: report.asOf })}
            labelHeader={t('finance.budget.chart.section')} valueHeader={t('finance.budget.chart.percentHeader')} {...common}
            data={ordered.map(([code, f]) => ({ label: sectionLabel(code), value: executionPercent(f) ?? 0 }))} />
        </>
      )}
      {revenue.length > 0 && (
        <BarChart id="chart-revenue-execution" title={t('finance.budget.chart.revenueExecution')} desc={t('finance.budget.chart.executionDesc', { date: report.asOf })}
          labelHeader={t('finance.budget.col.line')} valueHeader={t('finance.budget.chart.percentHeader')} {...common}
          data={revenue.map((l) => ({ label: `${l.economicCode} ${lineName(ctx, l)}`, value: executionPercent(l) ?? 0 }))} />
      )}
    </>
  );
}
