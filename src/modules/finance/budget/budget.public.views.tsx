// The public budget page of a community: the adopted budget of the chosen year (links to
// the other years), its totals, the tables by part and line, the charts, the council
// decisions behind it, and the open-data downloads (Fiscal Data Package).
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, localized } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { EmptyState } from '../../../platform/ui/components.tsx';
import { executionPercent, type BudgetReport } from './budget.report.ts';
import { amount, ReportCharts, ReportTables } from './budget-report.views.tsx';
import { csvName, fdpBase, FDP_FILE } from './budget.fdp.ts';
import type { AmendmentView } from './budget.queries.ts';

export function YearLinks({ ctx, years, current, href }: { ctx: Ctx; years: number[]; current: number | null; href: (y: number) => string }) {
  if (years.length < 2) return null;
  return (
    <nav aria-label={ctx.t('finance.budget.years')} class="year-switch">
      <ul class="inline-list">
        {years.map((y) => <li>{y === current ? <strong aria-current="page">{y}</strong> : <a href={href(y)}>{y}</a>}</li>)}
      </ul>
    </nav>
  );
}

export function Totals({ ctx, report }: { ctx: Ctx; report: BudgetReport }) {
  const t = ctx.t;
  // The percent is the big figure: a ten-digit amount in the large type would not fit a phone's width.
  const item = (label: string, f: BudgetReport['totals']['revenue']['total']) => {
    const p = executionPercent(f);
    return (
      <li class="stat">
        <span class="stat-value">{p === null ? '—' : t('finance.budget.percent', { percent: p })}</span>{' '}
        {t('finance.budget.executedOf', { label, actual: amount(ctx, f.actual), adjusted: amount(ctx, f.adjusted) })}
      </li>
    );
  };
  return (
    <ul class="stats" id="totals">
      {item(t('finance.budget.revenues'), report.totals.revenue.total)}
      {item(t('finance.budget.expenses'), report.totals.expense.total)}
    </ul>
  );
}

export function Decisions({ ctx, report, amendments }: { ctx: Ctx; report: BudgetReport; amendments: AmendmentView[] }) {
  const t = ctx.t;
  const b = report.budget;
  return (
    <>
      <h2 id="decisions">{t('finance.budget.decisions')}</h2>
      <ul>
        {b.decision_number && b.decision_date && <li>{t('finance.budget.adoptedBy', { number: b.decision_number, date: formatDay(b.decision_date) })}</li>}
        {amendments.map((a) => <li>{t('finance.budget.amendedBy', { number: a.decision_number, date: formatDay(a.decision_date), lines: a.lines })}</li>)}
      </ul>
    </>
  );
}

export function PublicBudgetPage({ ctx, years, report, amendments }: { ctx: Ctx; years: number[]; report: BudgetReport | null; amendments: AmendmentView[] }) {
  const t = ctx.t;
  const community = ctx.requireCommunity();
  const base = `/${community.slug}/budget`;
  const title = report ? t('finance.budget.publicTitle', { year: report.budget.year }) : t('finance.budget.publicTitleNone');
  const crumbs = [{ href: `/${community.slug}`, label: localized(community, 'name', ctx.locale) }, { label: title }];
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs} path={report ? `${base}?year=${report.budget.year}` : base}>
      <h1>{title}</h1>
      <YearLinks ctx={ctx} years={years} current={report?.budget.year ?? null} href={(y) => `${base}?year=${y}`} />
      {!report ? (
        <EmptyState title={t('finance.budget.noneAdopted')} />
      ) : (
        <>
          <p class="lead">{t('finance.budget.publicIntro', { date: formatDay(report.asOf) })}</p>
          <Totals ctx={ctx} report={report} />
          <Decisions ctx={ctx} report={report} amendments={amendments} />
          <ReportTables ctx={ctx} report={report} />
          <ReportCharts ctx={ctx} report={report} />
          <h2 id="open-data">{t('finance.budget.openData')}</h2>
          <p>{t('finance.budget.openDataText')}</p>
          <ul>
            {[FDP_FILE, csvName('revenue'), csvName('expense')].map((f) => <li><a href={`${fdpBase(community.slug, report.budget.id)}/${f}`}>{f}</a></li>)}
          </ul>
        </>
      )}
    </Layout>
  );
}
