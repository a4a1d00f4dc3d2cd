// Pages of the register of duty and fee payers: the searchable list and the payer form.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, CsrfField, ErrorSummary, Notice, Pager, Select, Table, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import { kindName, type DutyKind } from './duties.catalogue.ts';
import type { DutyPayer } from './duties.payers.ts';
import type { DutyRate } from './duties.rates.ts';
import type { PayerHit } from './duties-find.ts';
import { dutiesPath, measureLabel, periodicityLabel } from './duties.views.tsx';

export function PayersPage({ ctx, rows, total, page, pages, q, kinds, canEdit, saved }: {
  ctx: Ctx; rows: DutyPayer[]; total: number; page: number; pages: number; q: string | undefined; kinds: Map<number, DutyKind>; canEdit: boolean; saved: boolean;
}) {
  const { t } = ctx;
  const base = dutiesPath(ctx);
  const path = `${base}/payers`;
  const title = t('finance.duties.payers.title');
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ href: base, label: t('finance.duties.nav') }, { label: title }]}>
      {saved && <Notice title={t('finance.duties.saved')} />}
      <h1>{title}</h1>
      {canEdit && <ButtonLink href={`${path}/new`}>{t('finance.duties.payers.new')}</ButtonLink>}
      <form method="get" action={path} class="filters" role="search" aria-label={t('finance.duties.payers.search')}>
        <TextInput form={{ t, values: { q: q ?? '' } }} name="q" label={t('finance.duties.payers.search')} width="m" />
        <Button variant="secondary">{t('finance.duties.payers.find')}</Button>
      </form>
      <Table
        t={t}
        caption={t('finance.duties.payers.caption', { count: total })}
        rows={rows}
        empty={t('finance.duties.payers.none')}
        stack
        columns={[
          { key: 'payer', label: t('finance.duties.payer'), render: (p) => p.payer_name },
          { key: 'kind', label: t('finance.duties.kind'), render: (p) => `${kindName(kinds.get(p.kind_id)!, ctx.locale)}${p.variant ? ` (${p.variant})` : ''}` },
          { key: 'quantity', label: t('finance.duties.quantity'), numeric: true, render: (p) => p.quantity ?? (kinds.get(p.kind_id)!.measure === 'person' ? t('finance.duties.householdCounted') : '—') },
          { key: 'area', label: t('finance.duties.area'), numeric: true, render: (p) => p.area_m2 ?? '—' },
          { key: 'place', label: t('finance.duties.place'), render: (p) => p.place },
          { key: 'term', label: t('finance.duties.period'), render: (p) => `${formatDay(p.starts_on)} – ${p.ends_on ? formatDay(p.ends_on) : t('finance.duties.stillActive')}` },
          ...(canEdit ? [{ key: 'edit', label: t('finance.duties.edit'), render: (p: DutyPayer) => <a href={`${path}/${p.id}/edit`}>{t('finance.duties.edit')}<span class="visually-hidden"> — {p.payer_name}</span></a> }] : []),
        ]}
      />
      <Pager t={t} page={page} pages={pages} path={path} query={q ? { q } : {}} />
    </StaffLayout>
  );
}

function FindPayer({ ctx, path, find }: { ctx: Ctx; path: string; find: { q: string; hits: PayerHit[] } | undefined }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="find-payer">
      <h2 id="find-payer">{t('finance.duties.find.title')}</h2>
      <form method="get" action={path} class="filters" role="search" aria-labelledby="find-payer">
        <TextInput form={{ t, values: { find: find?.q ?? '' }, idPrefix: 'find-' }} name="find" label={t('finance.duties.find.label')} hint={t('finance.duties.find.hint')} width="m" />
        <Button variant="secondary">{t('finance.duties.payers.find')}</Button>
      </form>
      {find && (find.hits.length === 0 ? <p>{t('finance.duties.find.none', { q: find.q })}</p> : (
        <ul>
          {find.hits.map((h) => (
            <li>{h.title} · {h.detail}{h.ref && <> — <a href={`${path}?ref=${h.ref}`}>{t('finance.duties.find.use')}<span class="visually-hidden"> {h.title}</span></a></>}</li>
          ))}
        </ul>
      ))}
    </section>
  );
}

export function PayerFormPage({ ctx, id, form, rates, kinds, find }: { ctx: Ctx; id: number | null; form: FormState; rates: DutyRate[]; kinds: Map<number, DutyKind>; find?: { q: string; hits: PayerHit[] } }) {
  const { t } = ctx;
  const base = `${dutiesPath(ctx)}/payers`;
  const action = id === null ? base : `${base}/${id}`;
  const title = t(id === null ? 'finance.duties.payers.new' : 'finance.duties.payers.edit');
  const labels = {
    rate_id: t('finance.duties.rateChoice'), payer_ref: t('finance.duties.payerRef'), quantity: t('finance.duties.quantity'), area_m2: t('finance.duties.area'),
    place: t('finance.duties.place'), starts_on: t('finance.duties.startsOn'), ends_on: t('finance.duties.endsOn'),
  };
  const rateOptions = rates.map((r) => ({
    value: String(r.id),
    label: `${r.year} · ${kindName(kinds.get(r.kind_id)!, ctx.locale)}${r.variant ? ` (${r.variant})` : ''} · ${formatAmd(r.rate)} ${measureLabel(t, r.measure)}, ${periodicityLabel(t, r.periodicity)}`,
  }));
  return (
    <StaffLayout ctx={ctx} title={title} path={id === null ? `${base}/new` : `${action}/edit`} crumbs={[{ href: dutiesPath(ctx), label: t('finance.duties.nav') }, { href: base, label: t('finance.duties.payers.title') }, { label: title }]}>
      <h1>{title}</h1>
      {id === null && <FindPayer ctx={ctx} path={`${base}/new`} find={find} />}
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select form={form} name="rate_id" label={labels.rate_id} options={rateOptions} placeholder={t('finance.duties.choose')} required />
        <TextInput form={form} name="payer_ref" label={labels.payer_ref} hint={t('finance.duties.payerRefHint')} width="m" inputMode="numeric" required />
        <TextInput form={form} name="quantity" label={labels.quantity} hint={t('finance.duties.quantityHint')} width="s" optional />
        <TextInput form={form} name="area_m2" label={labels.area_m2} hint={t('finance.duties.areaHint')} width="s" optional />
        <TextInput form={form} name="place" label={labels.place} required />
        <TextInput form={form} name="starts_on" label={labels.starts_on} hint={t('finance.duties.dayHint')} width="s" required />
        <TextInput form={form} name="ends_on" label={labels.ends_on} hint={t('finance.duties.dayHint')} width="s" optional />
        <Button>{t('finance.duties.save')}</Button>
      </form>
    </StaffLayout>
  );
}
