// The front desk pages: step one chooses the service and looks the applicant up (a GET
// form, so it works from a queue ticket's link), step two is the service's form prefilled
// with what the registers know, filed on the visitor's behalf.
import type { Ctx } from '../../../platform/http/context.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, Notice, Select, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import { pick, type ServiceSpec } from '../catalogue/spec.ts';
import { deadlineText, feeSummary } from '../catalogue/catalogue.display.ts';
import { RadioGroup, ServiceField } from '../portal/portal-form.tsx';

export interface DeskService {
  id: number;
  spec: ServiceSpec;
}

export interface DeskTicket {
  id: number;
  label: string;
}

function TicketNotice({ ctx, ticket }: { ctx: Ctx; ticket: DeskTicket | null }) {
  return ticket ? <Notice tone="info" title={ctx.t('services.desk.ticket', { label: ticket.label })} /> : null;
}

const deskPath = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/desk`;

export function DeskStartPage({ ctx, services, form, ticket }: { ctx: Ctx; services: DeskService[]; form: FormState; ticket: DeskTicket | null }) {
  const { t, locale } = ctx;
  const path = deskPath(ctx);
  const title = t('services.desk.title');
  const orgs = services.some((s) => s.spec.applicants.includes('organization'));
  const labels = { service: t('services.desk.service'), psn: t('services.desk.psn'), tax_id: t('services.desk.taxId') };
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t('services.desk.lead')}</p>
      <TicketNotice ctx={ctx} ticket={ticket} />
      <ErrorSummary form={form} labels={labels} />
      {services.length === 0 ? (
        <p>{t('services.desk.noServices')}</p>
      ) : (
        <form method="get" action={`${path}/new`} novalidate>
          {ticket && <input type="hidden" name="ticket" value={String(ticket.id)} />}
          <Select form={form} name="service" label={labels.service} options={services.map((s) => ({ value: String(s.id), label: pick(s.spec.name, locale) }))} placeholder={t('ui.choose')} required />
          <TextInput form={form} name="psn" label={labels.psn} hint={t('services.desk.psnHint')} width="m" inputMode="numeric" optional />
          {orgs && <TextInput form={form} name="tax_id" label={labels.tax_id} hint={t('services.desk.taxIdHint')} width="s" inputMode="numeric" optional />}
          <Button>{t('services.desk.continue')}</Button>
        </form>
      )}
    </StaffLayout>
  );
}

/** What looking the applicant up found, said in words above the form. */
export interface DeskLookup {
  person?: 'found' | 'missing';
  organization?: 'found' | 'missing';
  account?: boolean;
}

function LookupNotices({ ctx, lookup }: { ctx: Ctx; lookup: DeskLookup }) {
  const { t } = ctx;
  return (
    <>
      {lookup.person === 'found' && <Notice tone="info" title={t('services.desk.found')} />}
      {lookup.person === 'missing' && <Notice tone="warning" title={t('services.desk.missing')}><p>{t('services.desk.missingHint')}</p></Notice>}
      {lookup.organization === 'found' && <Notice tone="info" title={t('services.desk.orgFound')} />}
      {lookup.organization === 'missing' && <Notice tone="warning" title={t('services.desk.orgMissing')} />}
      {lookup.account && <Notice tone="info" title={t('services.desk.account')} />}
    </>
  );
}

export interface DeskFormProps {
  ctx: Ctx;
  service: DeskService;
  form: FormState;
  lookup: DeskLookup;
  ticket: DeskTicket | null;
}

export function DeskFormPage({ ctx, service, form, lookup, ticket }: DeskFormProps) {
  const { t, locale } = ctx;
  const path = deskPath(ctx);
  const { spec } = service;
  const name = pick(spec.name, locale);
  const title = t('services.desk.formTitle', { service: name });
  const persons = spec.applicants.includes('person');
  const orgs = spec.applicants.includes('organization');
  const needsScans = spec.documents.some((d) => d.required);
  const labels = { applicant_kind: t('services.desk.kind'), applicant_psn: t('services.desk.psn'), applicant_tax_id: t('services.desk.taxId'), applicant_email: t('services.desk.email'), applicant_phone: t('services.desk.phone'), applicant_locale: t('services.desk.locale') };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${path}/new`} crumbs={[{ href: path, label: t('services.desk.title') }, { label: name }]}>
      <h1>{title}</h1>
      <TicketNotice ctx={ctx} ticket={ticket} />
      <LookupNotices ctx={ctx} lookup={lookup} />
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={`${path}/cases`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="service" value={String(service.id)} />
        {ticket && <input type="hidden" name="ticket" value={String(ticket.id)} />}
        <fieldset class="group">
          <legend>{t('services.desk.applicant')}</legend>
          {persons && orgs ? (
            <RadioGroup form={form} name="applicant_kind" legend={labels.applicant_kind}
              items={[{ value: 'person', label: t('services.desk.kind.person') }, { value: 'organization', label: t('services.desk.kind.organization') }]} />
          ) : (
            <input type="hidden" name="applicant_kind" value={persons ? 'person' : 'organization'} />
          )}
          <TextInput form={form} name="applicant_name" label={t(persons && orgs ? 'services.desk.name' : persons ? 'services.desk.personName' : 'services.desk.orgName')} hint={t('services.desk.nameHint')} required />
          {persons && <TextInput form={form} name="applicant_psn" label={labels.applicant_psn} hint={t('services.desk.psnFormHint')} width="m" inputMode="numeric" optional />}
          {orgs && <TextInput form={form} name="applicant_tax_id" label={labels.applicant_tax_id} width="s" inputMode="numeric" optional={persons} />}
          <TextInput form={form} name="applicant_email" type="email" label={labels.applicant_email} width="m" autocomplete="off" optional />
          <TextInput form={form} name="applicant_phone" type="tel" label={labels.applicant_phone} width="m" autocomplete="off" optional />
          <Select form={form} name="applicant_locale" label={labels.applicant_locale} hint={t('services.desk.localeHint')}
            options={[{ value: 'hy', label: 'Հայերեն' }, { value: 'en', label: 'English' }, { value: 'ru', label: 'Русский' }]} />
        </fieldset>
        {spec.fields.length > 0 && (
          <fieldset class="group">
            <legend>{t('services.desk.details')}</legend>
            {spec.fields.map((f) => <ServiceField ctx={ctx} field={f} form={form} />)}
          </fieldset>
        )}
        <p>{t('services.desk.fee')}: {feeSummary(t, locale, spec)} · {t('services.desk.deadline')}: {deadlineText(t, spec.deadline)}</p>
        {spec.documents.length > 0 && (
          <>
            <p>{t(needsScans ? 'services.desk.scansFirst' : 'services.desk.scansLater')}</p>
            <ul>{spec.documents.map((d) => <li>{pick(d.label, locale)}{d.required ? '' : ` ${t('ui.optional')}`}</li>)}</ul>
          </>
        )}
        <Button>{t(needsScans ? 'services.desk.saveDraft' : 'services.desk.file')}</Button>
      </form>
    </StaffLayout>
  );
}
