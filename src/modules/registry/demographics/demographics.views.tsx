// The demographics page: totals, the age pyramid, households by size and residents by
// settlement — aggregates only, each chart followed by its numbers in a table.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatNumber, localized } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { EmptyState } from '../../../platform/ui/components.tsx';
import { BarChart, PyramidChart } from '../../../platform/ui/charts.tsx';
import { TOP_BAND_AGE, type Demographics } from './demographics.queries.ts';

export function DemographicsPage({ ctx, data, today, scope }: { ctx: Ctx; data: Demographics; today: string; scope: string[] | null }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  const path = `/${c.slug}/staff/registry/demographics`;
  const bandLabel = (from: number) => (from >= TOP_BAND_AGE ? t('registry.demographics.andOver', { age: from }) : `${from}–${from + 4}`);
  const n = (v: number) => formatNumber(v, ctx.locale);
  const average = data.households
    ? formatNumber(data.householdSizes.reduce((s, r) => s + r.size * r.households, 0) / data.households, ctx.locale, { decimals: 1, minDecimals: 1 })
    : '—';
  const stats: [string, string][] = [
    [t('registry.demographics.residents'), n(data.residents)],
    [t('registry.demographics.households'), n(data.households)],
    [t('registry.demographics.averageSize'), average],
    [t('registry.demographics.male'), n(data.male)],
    [t('registry.demographics.female'), n(data.female)],
    [t('registry.demographics.under18'), n(data.under18)],
    [t('registry.demographics.over63'), n(data.over63)],
  ];
  const common = { tableSummary: t('registry.demographics.showNumbers'), locale: ctx.locale };
  return (
    <StaffLayout ctx={ctx} title={t('registry.demographics.title')} path={path} crumbs={[{ label: t('registry.demographics.title') }]}>
      <span class="muted">{t('registry.demographics.registers')}</span>
      <h1>{t('registry.demographics.title')}</h1>
      <p>{t('registry.demographics.intro')}</p>
      {scope ? <p>{t('registry.demographics.scope', { settlements: scope.join(', ') })}</p> : null}
      <p class="muted">{t('registry.demographics.asOf', { date: formatDay(today) })}</p>
      <h2>{t('registry.demographics.totals')}</h2>
      <ul class="stats" id="totals">
        {stats.map(([label, value]) => (
          <li class="stat"><span class="stat-value">{value}</span> {label}</li>
        ))}
      </ul>
      {data.residents === 0 ? (
        <EmptyState title={t('registry.demographics.empty')} />
      ) : (
        <>
          <h2>{t('registry.demographics.pyramid')}</h2>
          <PyramidChart
            {...common}
            id="chart-pyramid"
            title={t('registry.demographics.pyramid')}
            desc={t('registry.demographics.pyramidDesc')}
            labelHeader={t('registry.demographics.ageGroup')}
            leftHeader={t('registry.demographics.male')}
            rightHeader={t('registry.demographics.female')}
            data={data.ageBands.map((b) => ({ label: bandLabel(b.from), left: b.male, right: b.female }))}
          />
          <h2>{t('registry.demographics.bySize')}</h2>
          <BarChart
            {...common}
            id="chart-households"
            title={t('registry.demographics.bySize')}
            desc={t('registry.demographics.bySizeDesc')}
            labelHeader={t('registry.demographics.members')}
            valueHeader={t('registry.demographics.households')}
            data={data.householdSizes.map((r) => ({ label: String(r.size), value: r.households }))}
          />
          <h2>{t('registry.demographics.bySettlement')}</h2>
          <BarChart
            {...common}
            id="chart-settlements"
            title={t('registry.demographics.bySettlement')}
            desc={t('registry.demographics.bySettlementDesc')}
            labelHeader={t('registry.demographics.settlement')}
            valueHeader={t('registry.demographics.residents')}
            data={data.bySettlement.map((s) => ({ label: localized(s, 'name', ctx.locale), value: s.residents }))}
          />
        </>
      )}
    </StaffLayout>
  );
}
