// Pages of the population register: the list with filters and search, and the register-in form.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, localized, type MessageKey } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Notice, Pager, Select, Table, Tag, TextInput, withQuery, type FormState, type Option,
} from '../../../platform/ui/components.tsx';
import { RELATIONSHIPS, SEXES, STATUSES, type ResidentsQuery } from './population.schemas.ts';
import type { ResidentRow } from './residents.queries.ts';
import { AddressFields, type AddressChoice } from './residents.address-field.tsx';

export const base = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/registry`;
export type Settlement = { id: number; name_hy: string; name_en: string; name_ru: string };

export const statusKey = (s: string) => `registry.population.status.${s}` as MessageKey;
export const sexKey = (s: string) => `registry.population.sex.${s}` as MessageKey;
export const relKey = (s: string) => `registry.population.rel.${s}` as MessageKey;
export const fullName = (r: { last_name: string; first_name: string; patronymic: string | null }) => [r.last_name, r.first_name, r.patronymic].filter(Boolean).join(' ');

export function settlementOptions(ctx: Ctx, settlements: Settlement[]): Option[] {
  return settlements.map((s) => ({ value: String(s.id), label: localized(s, 'name', ctx.locale) }));
}
export const sexOptions = (ctx: Ctx): Option[] => SEXES.map((s) => ({ value: s, label: ctx.t(sexKey(s)) }));
export const relOptions = (ctx: Ctx): Option[] => RELATIONSHIPS.map((s) => ({ value: s, label: ctx.t(relKey(s)) }));

type AddrRow = { street_hy: string | null; street_en: string | null; street_ru: string | null; address_number: string | null; unit_number: string | null };
export function residentAddress(ctx: Ctx, r: AddrRow & { settlement_hy: string; settlement_en: string; settlement_ru: string }): string {
  const street = r.street_hy ? localized({ name_hy: r.street_hy, name_en: r.street_en, name_ru: r.street_ru }, 'name', ctx.locale) : '';
  const house = [street, r.address_number].filter(Boolean).join(' ');
  const settlement = localized({ name_hy: r.settlement_hy, name_en: r.settlement_en, name_ru: r.settlement_ru }, 'name', ctx.locale);
  return [settlement, house, r.unit_number ? `${ctx.t('registry.population.field.unit')} ${r.unit_number}` : ''].filter(Boolean).join(', ');
}

const NOTICES: Record<string, MessageKey> = {
  created: 'registry.population.notice.created',
  corrected: 'registry.population.notice.corrected',
  event: 'registry.population.notice.event',
  linked: 'registry.population.notice.linked',
  saved: 'registry.population.notice.saved',
};
export function DoneNotice({ ctx, done }: { ctx: Ctx; done: string | undefined }) {
  const key = done ? NOTICES[done] : undefined;
  return key ? <Notice title={ctx.t(key)} /> : null;
}

export interface ResidentsPageProps {
  ctx: Ctx;
  rows: ResidentRow[];
  total: number;
  page: number;
  pages: number;
  by: 'name' | 'address' | 'none' | 'list';
  query: ResidentsQuery;
  settlements: Settlement[];
  canEdit: boolean;
}

export function ResidentsPage({ ctx, rows, total, page, pages, by, query, settlements, canEdit }: ResidentsPageProps) {
  const { t } = ctx;
  const path = `${base(ctx)}/residents`;
  const values = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const form: FormState = { t, values };
  return (
    <StaffLayout ctx={ctx} title={t('registry.population.residents.title')} path={path} crumbs={[{ label: t('registry.population.residents.title') }]}>
      <DoneNotice ctx={ctx} done={query.done} />
      <h1>{t('registry.population.residents.title')}</h1>
      {canEdit && <p><ButtonLink href={`${path}/new`}>{t('registry.population.residents.new')}</ButtonLink></p>}
      <form method="get" action={path} role="search" aria-label={t('registry.population.residents.search')}>
        <TextInput form={form} name="q" label={t('registry.population.residents.search')} hint={t('registry.population.residents.searchHint')} spellcheck={false} />
        <details open={Boolean(query.settlement_id || query.status || query.sex || query.age_min !== undefined || query.age_max !== undefined)}>
          <summary>{t('registry.population.residents.filters')}</summary>
          <Select form={form} name="settlement_id" label={t('registry.population.field.settlement')} options={settlementOptions(ctx, settlements)} placeholder={t('registry.population.residents.any')} />
          <Select form={form} name="status" label={t('registry.population.field.status')} options={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))} placeholder={t('registry.population.residents.any')} />
          <Select form={form} name="sex" label={t('registry.population.field.sex')} options={sexOptions(ctx)} placeholder={t('registry.population.residents.any')} />
          <TextInput form={form} name="age_min" type="number" width="s" label={t('registry.population.residents.ageMin')} />
          <TextInput form={form} name="age_max" type="number" width="s" label={t('registry.population.residents.ageMax')} />
        </details>
        <Button variant="secondary">{t('registry.population.residents.filter')}</Button>
      </form>
      <p>
        <a href={withQuery(`${path}/export.csv`, query, { page: undefined, done: undefined })} download>{t('registry.population.residents.exportCsv')}</a>
        {' · '}
        <a href={withQuery(`${path}/export.xlsx`, query, { page: undefined, done: undefined })} download>{t('registry.population.residents.exportXlsx')}</a>
      </p>
      {by === 'address' && <Notice tone="info" title={t('registry.population.residents.byAddress')} />}
      <Table
        t={t}
        caption={t('registry.population.residents.caption', { count: total })}
        rows={rows}
        empty={t('registry.population.residents.noMatch')}
        columns={[
          { key: 'name', label: t('registry.population.field.lastName'), render: (r) => <a href={`${path}/${r.id}`}>{fullName(r)}</a> },
          { key: 'latin', label: t('registry.population.field.lastNameLatin'), render: (r) => <span lang="en">{r.last_name_latin} {r.first_name_latin}</span> },
          { key: 'birth', label: t('registry.population.field.birthDate'), render: (r) => formatDay(r.birth_date) },
          { key: 'psn', label: t('registry.population.field.psn'), render: (r) => r.public_service_number ?? '—' },
          { key: 'address', label: t('registry.population.field.address'), render: (r) => residentAddress(ctx, r) },
          { key: 'status', label: t('registry.population.field.status'), render: (r) => <Tag tone={r.status === 'registered' ? 'green' : 'grey'}>{t(statusKey(r.status))}</Tag> },
        ]}
      />
      <Pager t={t} page={page} pages={pages} path={path} query={query} />
    </StaffLayout>
  );
}

/** The labels of PersonFields, for the error summary of a form that holds them. */
export const personLabels = (t: Ctx['t']) => ({
  last_name: t('registry.population.field.lastName'), first_name: t('registry.population.field.firstName'), patronymic: t('registry.population.field.patronymic'),
  last_name_latin: t('registry.population.field.lastNameLatin'), first_name_latin: t('registry.population.field.firstNameLatin'),
  patronymic_latin: t('registry.population.field.patronymicLatin'), birth_date: t('registry.population.field.birthDate'), sex: t('registry.population.field.sex'),
  public_service_number: t('registry.population.field.psn'), id_document: t('registry.population.field.idDocument'),
  phone: t('registry.population.field.phone'), email: t('registry.population.field.email'),
});

/** The labels of the address choice (residents.address-field.tsx). */
export const addressChoiceLabels = (t: Ctx['t'], address = t('registry.population.field.address')) => ({ address_id: address, unit: t('registry.population.field.unit') });

/**
 * Fields of a person shared by the register-in and the correction forms. The birth date is
 * a text box taking dd.mm.yyyy (as the hint says; YYYY-MM-DD is accepted too), not a date
 * input, whose format would be the browser's own.
 */
export function PersonFields({ ctx, form }: { ctx: Ctx; form: FormState }) {
  const { t } = ctx;
  const labels = personLabels(t);
  return (
    <>
      <TextInput form={form} name="last_name" label={labels.last_name} required />
      <TextInput form={form} name="first_name" label={labels.first_name} required />
      <TextInput form={form} name="patronymic" label={labels.patronymic} optional />
      <TextInput form={form} name="last_name_latin" label={labels.last_name_latin} hint={t('registry.population.field.latinHint')} optional />
      <TextInput form={form} name="first_name_latin" label={labels.first_name_latin} optional />
      <TextInput form={form} name="patronymic_latin" label={labels.patronymic_latin} optional />
      <TextInput form={form} name="birth_date" label={labels.birth_date} hint={t('registry.population.field.dateHint')} width="m" required />
      <Select form={form} name="sex" label={labels.sex} options={sexOptions(ctx)} placeholder={t('ui.choose')} required />
      <TextInput form={form} name="public_service_number" label={labels.public_service_number} width="m" inputMode="numeric" optional />
      <TextInput form={form} name="id_document" label={labels.id_document} width="m" optional />
      <TextInput form={form} name="phone" type="tel" label={labels.phone} width="m" optional />
      <TextInput form={form} name="email" type="email" label={labels.email} optional />
    </>
  );
}

export function ResidentNewPage({ ctx, settlements, addresses, form }: { ctx: Ctx; settlements: Settlement[]; addresses: AddressChoice[]; form: FormState }) {
  const { t } = ctx;
  const path = `${base(ctx)}/residents`;
  const labels = {
    ...personLabels(t), settlement_id: t('registry.population.field.settlement'), ...addressChoiceLabels(t), registered_on: t('registry.population.field.registeredOn'),
  };
  return (
    <StaffLayout ctx={ctx} title={t('registry.population.residents.new')} path={path} crumbs={[{ href: path, label: t('registry.population.residents.title') }, { label: t('registry.population.residents.new') }]}>
      <h1>{t('registry.population.residents.new')}</h1>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={path} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <PersonFields ctx={ctx} form={form} />
        <Select form={form} name="settlement_id" label={labels.settlement_id} options={settlementOptions(ctx, settlements)} placeholder={t('ui.choose')} required />
        <AddressFields ctx={ctx} form={form} addresses={addresses} />
        <TextInput form={form} name="registered_on" label={labels.registered_on} hint={t('registry.population.field.registeredOnHint')} width="m" optional />
        <Button>{t('registry.population.record.save')}</Button>
      </form>
    </StaffLayout>
  );
}
