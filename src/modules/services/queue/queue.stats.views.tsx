// The office statistics page: one day (previous and next day links), one office or all,
// figures per window, operator and group, and tickets issued per hour as a chart.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatNumber } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { BarChart } from '../../../platform/ui/charts.tsx';
import { Button, Select, Table, TextInput, withQuery, type Column } from '../../../platform/ui/components.tsx';
import { groupName, officeName, type Office } from './queue.groups.ts';
import { windowOffice, type WindowRow } from './queue.queries.ts';
import type { DayStats, Figures } from './queue.stats.ts';
import { queueBase } from './queue.operator.views.tsx';

export interface StatsPageProps {
  ctx: Ctx;
  day: string;
  /** The office filter as in the URL ('' = every office). */
  officeKey: string;
  offices: Office[];
  stats: DayStats;
  windows: WindowRow[];
  operators: Map<number, string>;
}


/** Shifts a YYYY-MM-DD day by whole days (UTC arithmetic, so no time zone can move it). */
export function shiftDay(day: string, by: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

/** Minutes with one decimal in the reader's notation ("7.5", "7,5"); a dash when there was nothing to measure. */
function minutesIn(ctx: Ctx): (v: number | null) => string {
  return (v) => (v === null ? '—' : formatNumber(v, ctx.locale, { decimals: 1, minDecimals: 1 }));
}

function figureColumns<R extends { figures: Figures }>(ctx: Ctx): Column<R>[] {
  const { t } = ctx;
  const m = minutesIn(ctx);
  return [
    { key: 'called', label: t('queue.stats.called'), numeric: true, render: (r) => r.figures.called },
    { key: 'served', label: t('queue.stats.served'), numeric: true, render: (r) => r.figures.served },
    { key: 'noShows', label: t('queue.stats.noShows'), numeric: true, render: (r) => r.figures.noShows },
    { key: 'waitMedian', label: t('queue.stats.waitMedian'), numeric: true, render: (r) => m(r.figures.waitMedian) },
    { key: 'waitAverage', label: t('queue.stats.waitAverage'), numeric: true, render: (r) => m(r.figures.waitAverage) },
    { key: 'serviceMedian', label: t('queue.stats.serviceMedian'), numeric: true, render: (r) => m(r.figures.serviceMedian) },
    { key: 'serviceAverage', label: t('queue.stats.serviceAverage'), numeric: true, render: (r) => m(r.figures.serviceAverage) },
  ];
}

export function StatsPage({ ctx, day, officeKey, offices, stats, windows, operators }: StatsPageProps) {
  const { t } = ctx;
  const path = `${queueBase(ctx)}/stats`;
  const title = t('queue.stats.title');
  const query = { day, office: officeKey };
  const form = { t, values: query };
  const windowRows = windows.filter((w) => stats.windows.has(w.id)).map((w) => ({ w, figures: stats.windows.get(w.id)! }));
  const operatorRows = [...stats.operators].map(([id, figures]) => ({ name: operators.get(id) ?? `#${id}`, figures })).sort((a, b) => a.name.localeCompare(b.name, 'hy'));
  const minutes = minutesIn(ctx);
  return (
    <StaffLayout ctx={ctx} title={`${title}: ${formatDay(day)}`} path={path} crumbs={[{ href: queueBase(ctx), label: t('queue.staff.title') }, { label: title }]}>
      <h1>{title}: {formatDay(day)}</h1>
      <form method="get" action={path} class="filters" role="search" aria-label={t('queue.stats.filters')}>
        <TextInput form={form} name="day" type="date" label={t('queue.stats.day')} width="s" />
        <Select form={form} name="office" label={t('queue.office')} options={offices.map((o) => ({ value: o.key, label: officeName(t, o) }))} placeholder={t('queue.stats.allOffices')} />
        <Button variant="secondary">{t('action.filter')}</Button>
      </form>
      <nav class="pager" aria-label={t('queue.stats.days')}>
        <a rel="prev" href={withQuery(path, query, { day: shiftDay(day, -1) })}>← {t('queue.stats.previousDay')}</a>
        <a rel="next" href={withQuery(path, query, { day: shiftDay(day, 1) })}>{t('queue.stats.nextDay')} →</a>
      </nav>
      <ul class="stats">
        <li class="stat"><span class="stat-value">{stats.total.issued}</span> {t('queue.stats.issued')}</li>
        <li class="stat"><span class="stat-value" id="stat-served">{stats.total.served}</span> {t('queue.stats.served')}</li>
        <li class="stat"><span class="stat-value">{stats.total.noShows}</span> {t('queue.stats.noShows')}</li>
        <li class="stat"><span class="stat-value">{minutes(stats.total.waitMedian)}</span> {t('queue.stats.waitMedian')}</li>
        <li class="stat"><span class="stat-value">{minutes(stats.total.serviceMedian)}</span> {t('queue.stats.serviceMedian')}</li>
      </ul>
      <Table
        t={t}
        caption={t('queue.stats.byWindow')}
        rows={windowRows}
        empty={t('queue.stats.none')}
        columns={[
          { key: 'window', label: t('queue.window'), render: (r) => `${r.w.label} · ${officeName(t, windowOffice(r.w, ctx.locale))}` },
          ...figureColumns<(typeof windowRows)[number]>(ctx),
        ]}
      />
      <Table
        t={t}
        caption={t('queue.stats.byOperator')}
        rows={operatorRows}
        empty={t('queue.stats.none')}
        columns={[{ key: 'name', label: t('queue.stats.operator'), render: (r) => r.name }, ...figureColumns<(typeof operatorRows)[number]>(ctx)]}
      />
      <Table
        t={t}
        caption={t('queue.stats.byGroup')}
        rows={stats.groups}
        empty={t('queue.stats.none')}
        columns={[
          { key: 'group', label: t('queue.group'), render: (g) => groupName(t, g.group) },
          { key: 'issued', label: t('queue.stats.issued'), numeric: true, render: (g) => g.issued },
          { key: 'served', label: t('queue.stats.served'), numeric: true, render: (g) => g.served },
          { key: 'noShows', label: t('queue.stats.noShows'), numeric: true, render: (g) => g.noShows },
          { key: 'waiting', label: t('queue.waitingCount'), numeric: true, render: (g) => g.waiting },
        ]}
      />
      <h2>{t('queue.stats.perHour')}</h2>
      <BarChart
        id="queue-per-hour"
        title={t('queue.stats.perHourTitle', { day: formatDay(day) })}
        desc={t('queue.stats.perHourDesc', { count: stats.total.issued })}
        tableSummary={t('queue.stats.showNumbers')}
        labelHeader={t('queue.stats.hour')}
        valueHeader={t('queue.stats.issued')}
        locale={ctx.locale}
        data={stats.hours.map((h) => ({ label: `${String(h.hour).padStart(2, '0')}:00`, value: h.count }))}
      />
    </StaffLayout>
  );
}
