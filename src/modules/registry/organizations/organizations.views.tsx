// Pages of the organizations register: list with search and filters, record, form.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatDay, localized } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import {
  Button, ButtonLink, Checkboxes, CsrfField, ErrorSummary, Pager, Select, SummaryList, Table, Tag, TextInput, Textarea,
  type FormState, type Option,
} from '../../../platform/ui/components.tsx';
import { LEGAL_FORMS, ORG_STATUSES, type OrganizationListQuery } from './organizations.schemas.ts';
import type { OrganizationRow } from './organizations.queries.ts';
import type { propertyOwnedBy } from '../property/property.queries.ts';
import { DoneNotice, ExportLinks, settlementOptions, type SettlementOption } from '../property/property.views.tsx';

const formLabel = (ctx: Ctx, f: string) => ctx.t(`registry.org.form.${f}` as MessageKey);
const statusTag = (ctx: Ctx, s: string) => <Tag tone={s === 'active' ? 'green' : 'grey'}>{ctx.t(`registry.org.status.${s}` as MessageKey)}</Tag>;
const settlementName = (ctx: Ctx, r: OrganizationRow) =>
  r.settlement_hy ? localized({ name_hy: r.settlement_hy, name_en: r.settlement_en, name_ru: r.settlement_ru }, 'name', ctx.locale) : '—';

export interface OrganizationListProps {
  ctx: Ctx;
  query: OrganizationListQuery;
  rows: OrganizationRow[];
  total: number;
  page: number;
  pages: number;
  settlements: SettlementOption[];
  canEdit: boolean;
}

export function OrganizationListPage({ ctx, query, rows, total, page, pages, settlements, canEdit }: OrganizationListProps) {
  const { t } = ctx;
  const path = `/${ctx.requireCommunity().slug}/staff/registry/organizations`;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'page' && k !== 'done') values[k] = String(v);
  const form: FormState = { t, values };
  const title = t('registry.org.title');
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <DoneNotice ctx={ctx} done={query.done} />
      <h1>{title}</h1>
      {canEdit && <ButtonLink href={`${path}/new`}>{t('registry.org.new')}</ButtonLink>}
      <form method="get" action={path} class="filters" role="search" aria-label={t('registry.property.filters')}>
        <TextInput form={form} name="q" label={t('registry.property.search')} hint={t('registry.org.searchHint')} width="m" />
        <Select form={form} name="legal_form" label={t('registry.org.legalForm')} options={LEGAL_FORMS.map((f) => ({ value: f, label: formLabel(ctx, f) }))} placeholder={t('registry.property.all')} />
        <Select form={form} name="status" label={t('registry.org.status')} options={ORG_STATUSES.map((s) => ({ value: s, label: t(`registry.org.status.${s}`) }))} placeholder={t('registry.property.all')} />
        <Select form={form} name="settlement" label={t('registry.property.settlement')} options={settlementOptions(ctx, settlements)} placeholder={t('registry.property.all')} />
        <Button variant="secondary">{t('registry.property.apply')}</Button>
      </form>
      <ExportLinks ctx={ctx} path={path} query={query} />
      <Table
        t={t}
        caption={t('registry.org.caption', { count: total })}
        rows={rows}
        columns={[
          { key: 'name', label: t('registry.org.name'), render: (r) => <a href={`${path}/${r.id}`}>{r.name}</a> },
          { key: 'tax', label: t('registry.org.taxId'), render: (r) => r.tax_id },
          { key: 'form', label: t('registry.org.legalForm'), render: (r) => formLabel(ctx, r.legal_form) },
          { key: 'settlement', label: t('registry.property.settlement'), render: (r) => settlementName(ctx, r) },
          { key: 'status', label: t('registry.org.status'), render: (r) => statusTag(ctx, r.status) },
        ]}
      />
      <Pager t={t} page={page} pages={pages} path={path} query={values} />
    </StaffLayout>
  );
}

type Owned = Awaited<ReturnType<typeof propertyOwnedBy>>;

export function OrganizationPage({ ctx, row, owned, canEdit, done }: { ctx: Ctx; row: OrganizationRow; owned: Owned; canEdit: boolean; done?: string }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const base = `/${slug}/staff/registry/organizations`;
  const path = `${base}/${row.id}`;
  return (
    <StaffLayout ctx={ctx} title={row.name} path={path} crumbs={[{ href: base, label: t('registry.org.title') }, { label: row.name }]}>
      <DoneNotice ctx={ctx} done={done} />
      <span class="muted">{formLabel(ctx, row.legal_form)}</span>
      <h1>{row.name}</h1>
      {canEdit && <ButtonLink href={`${path}/edit`}>{t('registry.property.edit')}</ButtonLink>}
      <SummaryList
        rows={[
          { key: t('registry.org.taxId'), value: row.tax_id },
          { key: t('registry.org.legalForm'), value: formLabel(ctx, row.legal_form) },
          { key: t('registry.org.isEntrepreneur'), value: row.is_entrepreneur ? t('registry.org.yes') : t('registry.org.no') },
          { key: t('registry.org.status'), value: statusTag(ctx, row.status) },
          { key: t('registry.property.settlement'), value: settlementName(ctx, row) },
          { key: t('registry.org.activity'), value: row.activity ?? '—' },
          { key: t('registry.org.phone'), value: row.phone ?? '—' },
          { key: t('registry.org.email'), value: row.email ?? '—' },
        ]}
      />
      <h2>{t('registry.org.property')}</h2>
      <Table
        t={t}
        caption={t('registry.org.property')}
        captionHidden
        rows={owned}
        empty={t('registry.org.noProperty')}
        columns={[
          {
            key: 'object',
            label: t('registry.property.cadastralCode'),
            render: (o) => <a href={`/${slug}/staff/registry/${o.object_type === 'parcel' ? 'parcels' : 'structures'}/${o.object_id}`}>{o.parcel_code ?? o.structure_code ?? o.object_id}</a>,
          },
          { key: 'type', label: t('registry.property.kind'), render: (o) => t(o.object_type === 'parcel' ? 'registry.property.parcel' : 'registry.property.structures') },
          { key: 'share', label: t('registry.property.share'), numeric: true, render: (o) => `${o.share_num}/${o.share_den}` },
          { key: 'from', label: t('registry.property.validFrom'), render: (o) => formatDay(o.valid_from) },
        ]}
      />
    </StaffLayout>
  );
}

export function OrganizationFormPage({ ctx, id, form, settlements, addresses }: { ctx: Ctx; id: number | null; form: FormState; settlements: SettlementOption[]; addresses: Option[] }) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/staff/registry/organizations`;
  const action = id === null ? base : `${base}/${id}`;
  const title = t(id === null ? 'registry.org.new' : 'registry.org.edit');
  const labels = { tax_id: t('registry.org.taxId'), name: t('registry.org.name'), legal_form: t('registry.org.legalForm'), is_entrepreneur: t('registry.org.isEntrepreneur'), status: t('registry.org.status'), settlement_id: t('registry.property.settlement'), address_id: t('registry.property.address'), activity: t('registry.org.activity'), phone: t('registry.org.phone'), email: t('registry.org.email') };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${action}/edit`} crumbs={[{ href: base, label: t('registry.org.title') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="tax_id" label={labels.tax_id} hint={t('registry.org.taxIdHint')} width="s" inputMode="numeric" required />
        <TextInput form={form} name="name" label={labels.name} required />
        <Select form={form} name="legal_form" label={labels.legal_form} options={LEGAL_FORMS.map((f) => ({ value: f, label: formLabel(ctx, f) }))} placeholder={t('ui.choose')} required />
        <Checkboxes form={form} name="is_entrepreneur" label={labels.is_entrepreneur} items={[{ value: '1', label: t('registry.org.isEntrepreneurYes') }]} checked={form.values?.is_entrepreneur === '1' ? ['1'] : []} />
        <Select form={form} name="status" label={labels.status} options={ORG_STATUSES.map((s) => ({ value: s, label: t(`registry.org.status.${s}`) }))} required />
        <Select form={form} name="settlement_id" label={labels.settlement_id} options={settlementOptions(ctx, settlements)} placeholder="—" optional />
        <Select form={form} name="address_id" label={labels.address_id} options={addresses} placeholder="—" optional />
        <Textarea form={form} name="activity" label={labels.activity} rows={2} optional />
        <TextInput form={form} name="phone" type="tel" label={labels.phone} width="m" optional />
        <TextInput form={form} name="email" type="email" label={labels.email} width="m" optional />
        <Button>{t('registry.property.save')}</Button>
      </form>
    </StaffLayout>
  );
}
