// Pages of community assets: list with the lease status, asset page with its leases,
// the asset form and the lease form.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatAmd, formatDay } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Pager, Select, SummaryList, Table, Tag, TextInput, Textarea,
  type FormState, type Option, type Tone,
} from '../../../platform/ui/components.tsx';
import { ASSET_KINDS, LEASE_TRANSITIONS, TENANT_TYPES, type AssetListQuery, type LeaseStatus } from './assets.schemas.ts';
import { currentLease, effectiveStatus, type AssetRow, type Lease } from './assets.queries.ts';
import { amdOrDash, DoneNotice, ExportLinks } from '../property/property.views.tsx';

const TONES: Record<LeaseStatus, Tone> = { draft: 'yellow', active: 'green', ended: 'grey', terminated: 'red' };
const kindLabel = (ctx: Ctx, k: string) => ctx.t(`registry.asset.kind.${k}` as MessageKey);
/** A resident tenant is named only to roles that may see people (registry.people_view). */
export function tenantLabel(ctx: Ctx, l: Pick<Lease, 'tenant_resident_id' | 'tenant_name'>, canSeePeople: boolean): string {
  return l.tenant_resident_id !== null && !canSeePeople ? ctx.t('registry.property.owner.resident') : l.tenant_name;
}

export const StatusTag = ({ ctx, status }: { ctx: Ctx; status: LeaseStatus }) => <Tag tone={TONES[status]}>{ctx.t(`registry.asset.lease.${status}`)}</Tag>;

function linked(ctx: Ctx, a: AssetRow) {
  const slug = ctx.requireCommunity().slug;
  if (a.parcel_id && a.parcel_code) return <a href={`/${slug}/staff/registry/parcels/${a.parcel_id}`}>{a.parcel_code}</a>;
  if (a.structure_id && a.structure_code) return <a href={`/${slug}/staff/registry/structures/${a.structure_id}`}>{a.structure_code}</a>;
  return '—';
}

export function AssetListPage({ ctx, query, rows, total, page, pages, today, canEdit, canSeePeople }: {
  ctx: Ctx; query: AssetListQuery; rows: (AssetRow & { leases: Lease[] })[]; total: number; page: number; pages: number; today: string; canEdit: boolean; canSeePeople: boolean;
}) {
  const { t } = ctx;
  const path = `/${ctx.requireCommunity().slug}/staff/registry/assets`;
  const values: Record<string, string> = query.kind ? { kind: query.kind } : {};
  const title = t('registry.asset.title');
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <DoneNotice ctx={ctx} done={query.done} />
      <h1>{title}</h1>
      {canEdit && <ButtonLink href={`${path}/new`}>{t('registry.asset.new')}</ButtonLink>}
      <form method="get" action={path} class="filters" aria-label={t('registry.property.filters')}>
        <Select form={{ t, values }} name="kind" label={t('registry.property.kind')} options={ASSET_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} placeholder={t('registry.property.all')} />
        <Button variant="secondary">{t('registry.property.apply')}</Button>
      </form>
      <ExportLinks ctx={ctx} path={path} query={query} />
      <Table
        t={t}
        caption={t('registry.asset.caption', { count: total })}
        rows={rows}
        columns={[
          { key: 'name', label: t('registry.asset.name'), render: (a) => <a href={`${path}/${a.id}`}>{a.name}</a> },
          { key: 'kind', label: t('registry.property.kind'), render: (a) => kindLabel(ctx, a.kind) },
          { key: 'object', label: t('registry.asset.object'), render: (a) => linked(ctx, a) },
          { key: 'value', label: t('registry.asset.bookValue'), numeric: true, render: (a) => amdOrDash(a.book_value) },
          {
            key: 'lease',
            label: t('registry.asset.leaseStatus'),
            render: (a) => {
              const lease = currentLease(a.leases, today);
              return lease ? <><StatusTag ctx={ctx} status="active" /> {tenantLabel(ctx, lease, canSeePeople)}</> : <Tag>{t('registry.asset.free')}</Tag>;
            },
          },
        ]}
      />
      <Pager t={t} page={page} pages={pages} path={path} query={values} />
    </StaffLayout>
  );
}

export function AssetPage({ ctx, asset, leases, today, canEdit, canSeePeople, done, statusErrors }: {
  ctx: Ctx; asset: AssetRow; leases: Lease[]; today: string; canEdit: boolean; canSeePeople: boolean; done?: string; statusErrors?: FormState;
}) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/staff/registry/assets`;
  const path = `${base}/${asset.id}`;
  return (
    <StaffLayout ctx={ctx} title={asset.name} path={path} crumbs={[{ href: base, label: t('registry.asset.title') }, { label: asset.name }]}>
      <DoneNotice ctx={ctx} done={done} />
      {/* The status buttons post a hidden field: their errors are about the whole form. */}
      {statusErrors && <ErrorSummary form={statusErrors} labels={{}} />}
      <span class="muted">{kindLabel(ctx, asset.kind)}</span>
      <h1>{asset.name}</h1>
      {canEdit && <ButtonLink href={`${path}/edit`}>{t('registry.property.edit')}</ButtonLink>}
      <SummaryList
        rows={[
          { key: t('registry.property.kind'), value: kindLabel(ctx, asset.kind) },
          { key: t('registry.asset.object'), value: linked(ctx, asset) },
          { key: t('registry.asset.bookValue'), value: amdOrDash(asset.book_value) },
          { key: t('registry.asset.acquiredOn'), value: asset.acquired_on ? formatDay(asset.acquired_on) : '—' },
          { key: t('registry.asset.notes'), value: asset.notes ?? '—' },
        ]}
      />
      <h2>{t('registry.asset.leases')}</h2>
      {canEdit && <ButtonLink href={`${path}/leases/new`}>{t('registry.asset.newLease')}</ButtonLink>}
      <Table
        t={t}
        caption={t('registry.asset.leases')}
        captionHidden
        rows={leases}
        empty={t('registry.asset.noLeases')}
        columns={[
          { key: 'tenant', label: t('registry.asset.tenant'), render: (l) => tenantLabel(ctx, l, canSeePeople) },
          { key: 'term', label: t('registry.asset.term'), render: (l) => `${formatDay(l.starts_on)} – ${formatDay(l.ends_on)}` },
          { key: 'rent', label: t('registry.asset.rent'), numeric: true, render: (l) => `${formatAmd(Number(l.rent))} / ${t(`registry.asset.period.${l.rent_period}`)}` },
          { key: 'status', label: t('registry.asset.leaseStatus'), render: (l) => <StatusTag ctx={ctx} status={effectiveStatus(l, today)} /> },
          {
            key: 'actions',
            label: t('registry.asset.actions'),
            render: (l) =>
              canEdit &&
              LEASE_TRANSITIONS[l.status].map((s) => (
                <form class="inline-form" method="post" action={`${path}/leases/${l.id}/status`}>
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="status" value={s} />
                  <button type="submit" class={`button button-small ${s === 'terminated' ? 'button-warning' : 'button-secondary'}`}>
                    {t(`registry.asset.to.${s}` as MessageKey)}
                    <span class="visually-hidden"> — {tenantLabel(ctx, l, canSeePeople)}, {formatDay(l.starts_on)}</span>
                  </button>
                </form>
              )),
          },
        ]}
      />
    </StaffLayout>
  );
}

export function AssetFormPage({ ctx, id, form, addresses }: { ctx: Ctx; id: number | null; form: FormState; addresses: Option[] }) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/staff/registry/assets`;
  const action = id === null ? base : `${base}/${id}`;
  const title = t(id === null ? 'registry.asset.new' : 'registry.asset.edit');
  const labels = { name: t('registry.asset.name'), kind: t('registry.property.kind'), parcel_code: t('registry.property.parcelCode'), structure_code: t('registry.asset.structureCode'), address_id: t('registry.property.address'), book_value: t('registry.asset.bookValueAmd'), acquired_on: t('registry.asset.acquiredOn'), notes: t('registry.asset.notes') };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${action}/edit`} crumbs={[{ href: base, label: t('registry.asset.title') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="name" label={labels.name} required />
        <Select form={form} name="kind" label={labels.kind} options={ASSET_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} placeholder={t('ui.choose')} required />
        <TextInput form={form} name="parcel_code" label={labels.parcel_code} width="m" optional />
        <TextInput form={form} name="structure_code" label={labels.structure_code} width="m" optional />
        <Select form={form} name="address_id" label={labels.address_id} options={addresses} placeholder="—" optional />
        <TextInput form={form} name="book_value" label={labels.book_value} width="m" inputMode="numeric" optional />
        <TextInput form={form} name="acquired_on" label={labels.acquired_on} hint={t('registry.property.dayHint')} width="s" optional />
        <Textarea form={form} name="notes" label={labels.notes} rows={3} optional />
        <Button>{t('registry.property.save')}</Button>
      </form>
    </StaffLayout>
  );
}

export function LeaseFormPage({ ctx, asset, form }: { ctx: Ctx; asset: AssetRow; form: FormState }) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/staff/registry/assets`;
  const path = `${base}/${asset.id}/leases`;
  const title = t('registry.asset.newLease');
  const labels2 = { tenant_type: t('registry.asset.tenantType'), tenant_ref: t('registry.asset.tenant'), starts_on: t('registry.asset.startsOn'), ends_on: t('registry.asset.endsOn'), rent: t('registry.asset.rentAmd'), rent_period: t('registry.asset.rentPeriod'), status: t('registry.asset.leaseStatus') };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${path}/new`} crumbs={[{ href: base, label: t('registry.asset.title') }, { href: `${base}/${asset.id}`, label: asset.name }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={labels2} />
      <form method="post" action={path} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select form={form} name="tenant_type" label={labels2.tenant_type} options={TENANT_TYPES.map((k) => ({ value: k, label: t(`registry.property.owner.${k}`) }))} placeholder={t('ui.choose')} required />
        <TextInput form={form} name="tenant_ref" label={labels2.tenant_ref} hint={t('registry.asset.tenantHint')} required />
        <TextInput form={form} name="starts_on" label={labels2.starts_on} hint={t('registry.property.dayHint')} width="s" required />
        <TextInput form={form} name="ends_on" label={labels2.ends_on} hint={t('registry.property.dayHint')} width="s" required />
        <TextInput form={form} name="rent" label={labels2.rent} width="m" inputMode="numeric" required />
        <Select form={form} name="rent_period" label={labels2.rent_period} options={[{ value: 'month', label: t('registry.asset.period.month') }, { value: 'year', label: t('registry.asset.period.year') }]} required />
        <Select form={form} name="status" label={labels2.status} options={[{ value: 'draft', label: t('registry.asset.lease.draft') }, { value: 'active', label: t('registry.asset.lease.active') }]} required />
        <Button>{t('registry.property.save')}</Button>
      </form>
    </StaffLayout>
  );
}
