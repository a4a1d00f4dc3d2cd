// The national console's community pages and the community's own settings page.
import type { Ctx } from '../../platform/http/context.ts';
import { localized } from '../../platform/i18n/index.ts';
import { NationalLayout, StaffLayout } from '../../platform/ui/staff-layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Notice, Select, Table, TextInput, Textarea,
  type FormState, type SortState,
} from '../../platform/ui/components.tsx';
import type { NationalCommunityRow } from './communities.queries.ts';
import { MARZES } from './marzes.ts';

export function marzName(ctx: Ctx, id: string): string {
  const m = MARZES.find((x) => x.id === id);
  return m ? localized(m, 'name', ctx.locale) : id;
}

export function NationalPage(props: { ctx: Ctx; rows: NationalCommunityRow[]; sort: SortState; query: Record<string, unknown>; canCreate: boolean; created?: string }) {
  const { ctx, rows, sort, query, canCreate, created } = props;
  const { t } = ctx;
  return (
    <NationalLayout ctx={ctx} title={t('communities.national.title')} path="/national">
      {created && (
        <Notice title={t('communities.notice.created')}>
          <a href={`/${created}`}>/{created}</a>
        </Notice>
      )}
      <h1>{t('communities.national.title')}</h1>
      {canCreate && <ButtonLink href="/national/communities/new">{t('communities.new.title')}</ButtonLink>}
      <Table
        t={t}
        caption={t('communities.national.caption', { count: rows.length })}
        path="/national"
        query={query}
        sort={sort}
        rows={rows}
        columns={[
          { key: 'name', label: t('communities.field.name'), sortable: true, render: (r) => <a href={`/${r.slug}`}>{localized(r, 'name', ctx.locale)}</a> },
          { key: 'marz', label: t('communities.field.marz'), sortable: true, render: (r) => marzName(ctx, r.marz_id) },
          { key: 'settlements', label: t('communities.national.settlements'), sortable: true, numeric: true, render: (r) => r.settlements },
          { key: 'staff', label: t('communities.national.staff'), sortable: true, numeric: true, render: (r) => r.staff },
        ]}
      />
    </NationalLayout>
  );
}

/** The labels of the contact fields; in the error summary a reception-hours box is named with its group. */
function contactLabels(t: Ctx['t']) {
  const hours = t('communities.home.receptionHours');
  return {
    phone: t('communities.home.phone'), email: t('communities.home.email'),
    address_hy: `${t('communities.home.address')} (հայերեն)`, address_en: `${t('communities.home.address')} (English)`, address_ru: `${t('communities.home.address')} (русский)`,
    reception_hours_hy: `${hours} (Հայերեն)`, reception_hours_en: `${hours} (English)`, reception_hours_ru: `${hours} (Русский)`,
    color_primary: t('communities.field.colorPrimary'), color_accent: t('communities.field.colorAccent'),
  };
}

function ContactFields({ ctx, form }: { ctx: Ctx; form: FormState }) {
  const { t } = ctx;
  const labels = contactLabels(t);
  return (
    <>
      <fieldset class="group">
        <legend>{t('communities.home.contacts')}</legend>
        <TextInput form={form} name="phone" type="tel" label={labels.phone} width="m" optional autocomplete="off" />
        <TextInput form={form} name="email" type="email" label={labels.email} width="m" optional autocomplete="off" spellcheck={false} />
        <TextInput form={form} name="address_hy" label={labels.address_hy} optional />
        <TextInput form={form} name="address_en" label={labels.address_en} optional />
        <TextInput form={form} name="address_ru" label={labels.address_ru} optional />
      </fieldset>
      <fieldset class="group">
        <legend>{t('communities.home.receptionHours')}</legend>
        <Textarea form={form} name="reception_hours_hy" label="Հայերեն" rows={3} optional />
        <Textarea form={form} name="reception_hours_en" label="English" rows={3} optional />
        <Textarea form={form} name="reception_hours_ru" label="Русский" rows={3} optional />
      </fieldset>
      <fieldset class="group">
        <legend>{t('communities.field.colours')}</legend>
        <TextInput form={form} name="color_primary" label={labels.color_primary} hint={t('communities.field.colorPrimaryHint')} width="s" spellcheck={false} />
        <TextInput form={form} name="color_accent" label={labels.color_accent} hint={t('communities.field.colorHint')} width="s" spellcheck={false} />
      </fieldset>
    </>
  );
}

export function NewCommunityPage({ ctx, form }: { ctx: Ctx; form: FormState }) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    slug: t('communities.field.slug'),
    marz_id: t('communities.field.marz'),
    name_hy: `${t('communities.field.name')} (հայերեն)`,
    name_en: `${t('communities.field.name')} (English)`,
    name_ru: `${t('communities.field.name')} (русский)`,
    settlements: t('communities.field.settlements'),
    domain: t('communities.field.domain'),
    ...contactLabels(t),
  };
  return (
    <NationalLayout ctx={ctx} title={t('communities.new.title')} path="/national/communities/new" crumbs={[{ label: t('communities.new.title') }]}>
      <h1>{t('communities.new.title')}</h1>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action="/national/communities" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="slug" label={labels.slug!} hint={t('communities.field.slugHint')} width="m" spellcheck={false} autocomplete="off" required />
        <Select form={form} name="marz_id" label={labels.marz_id!} options={MARZES.map((m) => ({ value: m.id, label: localized(m, 'name', ctx.locale) }))} placeholder={t('ui.choose')} required />
        <fieldset class="group">
          <legend>{t('communities.field.name')}</legend>
          <TextInput form={form} name="name_hy" label={labels.name_hy!} required />
          <TextInput form={form} name="name_en" label={labels.name_en!} required />
          <TextInput form={form} name="name_ru" label={labels.name_ru!} required />
        </fieldset>
        <ContactFields ctx={ctx} form={form} />
        <TextInput form={form} name="domain" label={labels.domain!} hint={t('communities.field.domainHint')} width="m" optional spellcheck={false} autocomplete="off" />
        <Textarea form={form} name="settlements" label={labels.settlements!} hint={t('communities.field.settlementsHint')} rows={8} required />
        <Button>{t('communities.new.submit')}</Button>
      </form>
    </NationalLayout>
  );
}

export function SettingsPage({ ctx, form, saved }: { ctx: Ctx; form: FormState; saved: boolean }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  return (
    <StaffLayout ctx={ctx} title={t('communities.settings.title')} path={`/${c.slug}/staff/settings`} crumbs={[{ label: t('communities.settings.title') }]}>
      {saved && <Notice title={t('communities.notice.saved')} />}
      <h1>{t('communities.settings.title')}</h1>
      <ErrorSummary form={form} labels={contactLabels(t)} />
      <form method="post" action={`/${c.slug}/staff/settings`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ContactFields ctx={ctx} form={form} />
        <Button>{t('action.save')}</Button>
      </form>
    </StaffLayout>
  );
}
