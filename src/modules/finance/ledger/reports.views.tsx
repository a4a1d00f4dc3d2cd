// The ledger's reports for staff: the collection of a year's obligations, arrears by
// settlement and by kind, and the largest debtors (named, so staff only and audited).
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay, formatNumber, localized } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, Select, Table } from '../../../platform/ui/components.tsx';
import type { ArrearsRow, Collection } from './reports.queries.ts';
import type { PayerIdentity } from './payer.ts';
import { obligationKindLabel, payerPath } from './ledger.display.ts';
import { financeBase } from './payers.views.tsx';

type Named = { name_hy: string; name_en: string; name_ru: string };

export interface ReportsData {
  year: number;
  years: number[];
  asOf: string;
  collection: Collection;
  arrears: ArrearsRow[];
  settlements: Map<number, Named>;
  debtors: { identity: PayerIdentity | null; total: number; penalty: number; obligations: number }[];
}

export function ReportsPage({ ctx, data }: { ctx: Ctx; data: ReportsData }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const title = t('finance.ledger.reports.title');
  const path = `${financeBase(ctx)}/reports`;
  const settlementName = (id: number | null) => {
    const s = id === null ? undefined : data.settlements.get(id);
    return s ? localized(s, 'name', ctx.locale) : t('finance.ledger.reports.noSettlement');
  };
  const bySettlement = new Map<number | null, number>();
  for (const r of data.arrears) bySettlement.set(r.settlementId, (bySettlement.get(r.settlementId) ?? 0) + r.total);
  const c = data.collection;
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <form method="get" action={path} class="inline-form">
        <Select form={{ t, values: { year: String(data.year) } }} name="year" label={t('finance.ledger.reports.year')} options={data.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button variant="secondary">{t('finance.ledger.reports.show')}</Button>
      </form>
      <h2>{t('finance.ledger.reports.collection', { year: data.year })}</h2>
      <ul class="stats" id="collection">
        <li class="stat"><span class="stat-value">{c.ratePct === null ? '—' : `${formatNumber(c.ratePct, ctx.locale, { decimals: 1 })} %`}</span> {t('finance.ledger.indicator.collectionRate')}</li>
        <li class="stat"><span class="stat-value">{formatAmd(c.accrued)}</span> {t('finance.ledger.indicator.accrued')}</li>
        <li class="stat"><span class="stat-value">{formatAmd(c.paid)}</span> {t('finance.ledger.indicator.paid')}</li>
      </ul>
      <p class="muted">{t('finance.ledger.reports.collectionNote')}</p>
      <h2>{t('finance.ledger.reports.arrears', { day: formatDay(data.asOf) })}</h2>
      <Table
        t={t}
        caption={t('finance.ledger.reports.bySettlement')}
        rows={[...bySettlement.entries()].sort((a, b) => b[1] - a[1])}
        empty={t('finance.ledger.reports.noArrears')}
        columns={[
          { key: 'settlement', label: t('finance.ledger.settlement'), render: ([id]) => settlementName(id) },
          { key: 'total', label: t('finance.ledger.col.due'), numeric: true, render: ([, total]) => formatAmd(total) },
        ]}
      />
      <Table
        t={t}
        caption={t('finance.ledger.reports.byKind')}
        rows={data.arrears}
        empty={t('finance.ledger.reports.noArrears')}
        stack
        columns={[
          { key: 'settlement', label: t('finance.ledger.settlement'), render: (r) => settlementName(r.settlementId) },
          { key: 'kind', label: t('finance.ledger.col.kind'), render: (r) => obligationKindLabel(t, r.kind) },
          { key: 'payers', label: t('finance.ledger.reports.payers'), numeric: true, render: (r) => formatNumber(r.payers, ctx.locale) },
          { key: 'principal', label: t('finance.ledger.principal'), numeric: true, render: (r) => formatAmd(r.principal) },
          { key: 'penalty', label: t('finance.ledger.penaltyToDate'), numeric: true, render: (r) => formatAmd(r.penalty) },
          { key: 'total', label: t('finance.ledger.col.due'), numeric: true, render: (r) => formatAmd(r.total) },
        ]}
      />
      <h2>{t('finance.ledger.reports.debtors')}</h2>
      <Table
        t={t}
        caption={t('finance.ledger.reports.debtors')}
        captionHidden
        rows={data.debtors}
        empty={t('finance.ledger.reports.noArrears')}
        columns={[
          { key: 'payer', label: t('finance.ledger.payer'), render: (d) => (d.identity ? <a href={payerPath(slug, d.identity.payer)}>{d.identity.name}</a> : '—') },
          { key: 'id', label: t('finance.ledger.payers.identifier'), render: (d) => d.identity?.identifier ?? '—' },
          { key: 'obligations', label: t('finance.ledger.obligations'), numeric: true, render: (d) => formatNumber(d.obligations, ctx.locale) },
          { key: 'penalty', label: t('finance.ledger.penaltyToDate'), numeric: true, render: (d) => formatAmd(d.penalty) },
          { key: 'total', label: t('finance.ledger.col.due'), numeric: true, render: (d) => formatAmd(d.total) },
        ]}
      />
    </StaffLayout>
  );
}
