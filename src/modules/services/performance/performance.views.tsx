// The public service performance page: community totals, a table per service (cases,
// median days to decision, share decided on time, satisfaction) and a bar chart of the
// on-time share, whose numbers are also in the table. Reads the pre-aggregated figures only.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatInstant, formatNumber, localized } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { EmptyState, Notice, Table, type Column } from '../../../platform/ui/components.tsx';
import { BarChart } from '../../../platform/ui/charts.tsx';
import { pick } from '../catalogue/spec.ts';
import type { ServiceStat, ServiceStatsReport } from './performance.service.ts';

const NO_VALUE = '—';

/** Up to one decimal, as the reader's language writes it (2,5 in Armenian and Russian, 2.5 in English). */
function decimal(ctx: Ctx, n: number): string {
  return formatNumber(n, ctx.locale, { decimals: 1 });
}

function onTimeText(ctx: Ctx, s: Pick<ServiceStat, 'onTimePercent'>): string {
  return s.onTimePercent === null ? ctx.t('services.performance.noDecisions') : ctx.t('services.performance.percent', { percent: s.onTimePercent });
}

function ratingText(ctx: Ctx, s: Pick<ServiceStat, 'averageRating' | 'rating_count'>): string {
  if (s.averageRating === null) return ctx.t('services.performance.noRatings');
  return ctx.t('services.performance.rating', { average: decimal(ctx, s.averageRating), count: s.rating_count });
}

export function PerformancePage({ ctx, report }: { ctx: Ctx; report: ServiceStatsReport }) {
  const { t } = ctx;
  const community = ctx.requireCommunity();
  const base = `/${community.slug}`;
  const title = t('services.performance.title');
  const crumbs = [
    { href: base, label: localized(community, 'name', ctx.locale) },
    { href: `${base}/services`, label: t('services.performance.catalogue') },
    { label: title },
  ];
  const columns: Column<ServiceStat>[] = [
    { key: 'service', label: t('services.performance.service'), render: (s) => <a href={`${base}/services/${s.serviceId}`}>{pick(s.name, ctx.locale)}</a> },
    { key: 'cases', label: t('services.performance.cases'), numeric: true, render: (s) => decimal(ctx, s.cases) },
    { key: 'decided', label: t('services.performance.decided'), numeric: true, render: (s) => decimal(ctx, s.decided) },
    { key: 'median', label: t('services.performance.medianDays'), numeric: true, render: (s) => (s.median_days === null ? NO_VALUE : decimal(ctx, s.median_days)) },
    { key: 'onTime', label: t('services.performance.onTime'), numeric: true, render: (s) => onTimeText(ctx, s) },
    { key: 'rating', label: t('services.performance.satisfaction'), numeric: true, render: (s) => ratingText(ctx, s) },
  ];
  const decided = report.services.filter((s) => s.onTimePercent !== null);
  const totals: [string, string][] = [
    [decimal(ctx, report.totals.cases), t('services.performance.totalCases')],
    [decimal(ctx, report.totals.decided), t('services.performance.totalDecided')],
    [report.totals.onTimePercent === null ? NO_VALUE : t('services.performance.percent', { percent: report.totals.onTimePercent }), t('services.performance.totalOnTime')],
    [report.totals.averageRating === null ? NO_VALUE : decimal(ctx, report.totals.averageRating), t('services.performance.totalRating')],
  ];
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs} path={`${base}/services/performance`}>
      <h1>{title}</h1>
      <p class="lead">{t('services.performance.intro')}</p>
      {report.computedAt === null ? (
        <Notice tone="info" title={t('services.performance.notComputed')} />
      ) : (
        <p class="muted" id="computed-at">{t('services.performance.asOf', { time: formatInstant(report.computedAt) })}</p>
      )}
      {report.computedAt !== null && report.services.length === 0 && <EmptyState title={t('services.performance.empty')} />}
      {report.services.length > 0 && (
        <>
          <h2>{t('services.performance.totals')}</h2>
          <ul class="stats" id="totals">
            {totals.map(([value, label]) => (
              <li class="stat"><span class="stat-value">{value}</span> {label}</li>
            ))}
          </ul>
          <h2>{t('services.performance.byService')}</h2>
          <Table t={t} caption={t('services.performance.tableCaption')} columns={columns} rows={report.services} stack />
          <h2>{t('services.performance.chartTitle')}</h2>
          {decided.length ? (
            <BarChart
              id="chart-on-time"
              title={t('services.performance.chartTitle')}
              desc={t('services.performance.chartDesc')}
              tableSummary={t('services.performance.showNumbers')}
              labelHeader={t('services.performance.service')}
              valueHeader={t('services.performance.chartValue')}
              locale={ctx.locale}
              data={decided.map((s) => ({ label: pick(s.name, ctx.locale), value: s.onTimePercent! }))}
            />
          ) : (
            <p>{t('services.performance.noChart')}</p>
          )}
        </>
      )}
      <h2>{t('services.performance.about')}</h2>
      <ul>
        <li>{t('services.performance.aboutCases')}</li>
        <li>{t('services.performance.aboutDays')}</li>
        <li>{t('services.performance.aboutOnTime')}</li>
        <li>{t('services.performance.aboutSatisfaction')}</li>
      </ul>
      <p><a href={`/api/v1/communities/${community.slug}/services/performance`}>{t('services.performance.api')}</a></p>
    </Layout>
  );
}
