// The community's public "Taxes and fees" page: this year's local duty and fee rates with the
// council decision that set them, and the way to the tax estimator and to "My taxes".
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay, localized } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { Table } from '../../../platform/ui/components.tsx';
import type { DutyRate } from './duties.rates.ts';
import type { DutyGroup } from './duties.table.ts';

export type PublicRate = DutyRate & { name: string; group: DutyGroup };

export function PublicRatesPage({ ctx, year, rates }: { ctx: Ctx; year: number; rates: PublicRate[] }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  const title = t('finance.duties.public.title');
  const section = (group: DutyGroup, caption: string) => (
    <Table t={t} caption={caption} stack rows={rates.filter((r) => r.group === group)} empty={t('finance.duties.public.none')}
      columns={[
        { key: 'name', label: t('finance.duties.public.col.name'), render: (r) => <span id={`rate-${r.id}`}>{r.name}</span> },
        { key: 'rate', label: t('finance.duties.public.col.rate'), numeric: true, render: (r) => formatAmd(r.rate) },
        { key: 'per', label: t('finance.duties.public.col.per'), render: (r) => `${t(`finance.duties.measure.${r.measure}`)}, ${t(`finance.duties.periodicity.${r.periodicity}`)}` },
        { key: 'decision', label: t('finance.duties.public.col.decision'), render: (r) => `${r.decision_number}, ${formatDay(r.decision_date)}` },
      ]} />
  );
  return (
    <Layout ctx={ctx} title={title} path={`/${c.slug}/taxes`} breadcrumbs={[{ href: `/${c.slug}`, label: localized(c, 'name', ctx.locale) }, { label: title }]}>
      <h1>{title}</h1>
      <ul>
        <li><a href={`/${c.slug}/taxes/estimate`}>{t('finance.duties.public.estimate')}</a></li>
        <li><a href="/account/taxes">{t('finance.duties.public.mine')}</a></li>
      </ul>
      <h2>{t('finance.duties.public.year', { year })}</h2>
      {section('duty', t('finance.duties.public.duties'))}
      {section('fee', t('finance.duties.public.fees'))}
    </Layout>
  );
}
