// The guided online application: step 1 (who applies) before the draft exists, then the
// draft editor with the service's fields, its documents and a review with the fee and the
// deadline. Plain forms: every step works without JavaScript.
import type { Ctx } from '../../../platform/http/context.ts';
import { localized, type MessageKey } from '../../../platform/i18n/index.ts';
import { Layout, type Crumb } from '../../../platform/ui/layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Notice, SummaryList, TextInput, fieldId, type FormState,
} from '../../../platform/ui/components.tsx';
import type { CaseRow } from '../cases/case-env.ts';
import { pick, type ServiceSpec } from '../catalogue/spec.ts';
import type { AccountPrefill, PublicAttachment } from './portal.queries.ts';
import { fieldInput, type Step } from './portal.schemas.ts';
import { RadioGroup, ServiceField, StepIndicator, deadlineText, feeText } from './portal-form.tsx';
import { DocumentUploads, uploadLabels } from './portal-documents.tsx';

export interface PageNotice {
  tone: 'success' | 'info' | 'warning';
  title: string;
}

function crumbs(ctx: Ctx, spec: ServiceSpec, serviceHref: string): Crumb[] {
  const community = ctx.requireCommunity();
  return [
    { href: `/${community.slug}`, label: localized(community, 'name', ctx.locale) },
    { href: serviceHref, label: pick(spec.name, ctx.locale) },
    { label: ctx.t('services.portal.apply.title') },
  ];
}

export interface ApplyPageProps {
  ctx: Ctx;
  serviceId: number;
  spec: ServiceSpec;
  account: AccountPrefill;
  form: FormState;
}

/** Step 1: the applicant, prefilled from the account. */
export function ApplyPage({ ctx, serviceId, spec, account, form }: ApplyPageProps) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const path = `/${slug}/services/${serviceId}/apply`;
  const kinds = spec.applicants;
  const kind = form.values?.applicant_kind ?? kinds[0]!;
  const orgs = kinds.includes('organization');
  // Only the fields this form shows: an error of a hidden one (the kind, when there is one) links nowhere.
  const labels = {
    ...(kinds.length > 1 ? { applicant_kind: t('services.portal.applicant.kind') } : {}),
    name: t('services.portal.applicant.name'),
    ...(account.verified_psn ? {} : { psn: t('services.portal.applicant.psn') }),
    ...(orgs ? { tax_id: t('services.portal.applicant.taxId'), org_name: t('services.portal.applicant.orgName') } : {}),
    email: t('services.portal.applicant.email'), phone: t('services.portal.applicant.phone'),
  };
  return (
    <Layout ctx={ctx} title={`${t('services.portal.apply.title')}: ${pick(spec.name, ctx.locale)}`} path={path} breadcrumbs={crumbs(ctx, spec, `/${slug}/services/${serviceId}`)}>
      <span class="muted">{t('services.portal.apply.title')}</span>
      <h1>{pick(spec.name, ctx.locale)}</h1>
      <StepIndicator ctx={ctx} current="applicant" hrefOf={() => null} />
      <ErrorSummary form={form} labels={labels} />
      <p>{t('services.portal.apply.intro')}</p>
      <form method="post" action={path} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {kinds.length > 1 ? (
          <RadioGroup form={form} name="applicant_kind" legend={t('services.portal.applicant.kind')} value={kind}
            items={kinds.map((k) => ({ value: k, label: t(`services.portal.applicant.${k}`) }))} />
        ) : (
          <input type="hidden" name="applicant_kind" value={kinds[0]} />
        )}
        <TextInput form={form} name="name" label={labels.name} autocomplete="name" />
        {account.verified_psn ? (
          <SummaryList rows={[{ key: t('services.portal.applicant.psn'), value: <>{account.verified_psn} <span class="muted">({t('services.portal.applicant.psnVerified')})</span></> }]} />
        ) : (
          <TextInput form={form} name="psn" label={t('services.portal.applicant.psn')} hint={t('services.portal.applicant.psnHint')} inputMode="numeric" width="m" spellcheck={false} />
        )}
        {orgs && (
          <fieldset class="group">
            <legend>{t('services.portal.applicant.orgSection')}</legend>
            <TextInput form={form} name="tax_id" label={t('services.portal.applicant.taxId')} hint={t('services.portal.applicant.taxIdHint')} inputMode="numeric" width="s" />
            <TextInput form={form} name="org_name" label={t('services.portal.applicant.orgName')} />
          </fieldset>
        )}
        <TextInput form={form} name="email" type="email" label={labels.email} autocomplete="email" width="m" optional spellcheck={false} />
        <TextInput form={form} name="phone" type="tel" label={labels.phone} hint={t('services.portal.applicant.contactHint')} autocomplete="tel" width="m" optional />
        <Button>{t('services.portal.continue')}</Button>
      </form>
    </Layout>
  );
}

export interface EditorProps {
  ctx: Ctx;
  c: CaseRow;
  spec: ServiceSpec;
  step: Step;
  /** Values and errors of the details step, or the upload errors of the documents step. */
  form: FormState;
  attachments: PublicAttachment[];
  fee: number;
  /** Review: what stops submission, keyed by field key or document_<key>. */
  problems?: Record<string, string>;
  notice?: PageNotice | undefined;
}

export function DraftEditorPage(props: EditorProps) {
  const { ctx, c, spec, step } = props;
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const base = `/${slug}/cases/${c.id}`;
  const stepHref = (s: Step) => `${base}/edit?step=${s}`;
  return (
    <Layout ctx={ctx} title={`${t(`services.portal.step.${step}`)}: ${pick(spec.name, ctx.locale)}`} path={stepHref(step)} breadcrumbs={[
      { href: '/account/cases', label: t('services.portal.mine.title') },
      { label: pick(spec.name, ctx.locale) },
    ]}>
      <span class="muted">{t('services.portal.apply.draft')}</span>
      <h1>{pick(spec.name, ctx.locale)}</h1>
      <StepIndicator ctx={ctx} current={step} hrefOf={stepHref} />
      {props.notice && <Notice tone={props.notice.tone} title={props.notice.title} />}
      {step === 'applicant' && <ApplicantStep {...props} />}
      {step === 'details' && <DetailsStep {...props} base={base} />}
      {step === 'documents' && (
        <>
          <ErrorSummary form={props.form} labels={uploadLabels(ctx, spec.documents)} />
          <h2>{t('services.portal.step.documents')}</h2>
          <DocumentUploads ctx={ctx} c={c} documents={spec.documents} attachments={props.attachments} form={props.form} />
          <div class="actions">
            <ButtonLink href={stepHref('review')} variant="primary">{t('services.portal.continue')}</ButtonLink>
            <a href={stepHref('details')}>{t('services.portal.back')}</a>
          </div>
        </>
      )}
      {step === 'review' && <ReviewStep {...props} base={base} />}
    </Layout>
  );
}

function applicantRows(ctx: Ctx, c: CaseRow) {
  const { t } = ctx;
  const rows = [{ key: t('services.portal.applicant.name'), value: c.applicant_name }];
  if (c.applicant_psn) rows.push({ key: t('services.portal.applicant.psn'), value: c.applicant_psn });
  if (c.applicant_tax_id) rows.push({ key: t('services.portal.applicant.taxId'), value: c.applicant_tax_id });
  if (c.applicant_email) rows.push({ key: t('services.portal.applicant.email'), value: c.applicant_email });
  if (c.applicant_phone) rows.push({ key: t('services.portal.applicant.phone'), value: c.applicant_phone });
  return rows;
}

function ApplicantStep({ ctx, c }: EditorProps) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/cases/${c.id}`;
  return (
    <>
      <h2>{t('services.portal.step.applicant')}</h2>
      <SummaryList rows={applicantRows(ctx, c)} />
      <p class="muted">{t('services.portal.applicant.fixed')}</p>
      <div class="actions">
        <ButtonLink href={`${base}/edit?step=details`} variant="primary">{t('services.portal.continue')}</ButtonLink>
      </div>
      <form method="post" action={`${base}/withdraw`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(c.version)} />
        <Button variant="warning">{t('services.portal.discard')}</Button>
      </form>
    </>
  );
}

function DetailsStep({ ctx, c, spec, form, base }: EditorProps & { base: string }) {
  const { t } = ctx;
  const labels = Object.fromEntries(spec.fields.map((f) => [fieldInput(f.key), pick(f.label, ctx.locale)]));
  return (
    <>
      <ErrorSummary form={form} labels={labels} />
      <h2>{t('services.portal.step.details')}</h2>
      <form method="post" action={`${base}/draft`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(c.version)} />
        <input type="hidden" name="step" value="details" />
        {spec.fields.length === 0 && <p>{t('services.portal.details.none')}</p>}
        {spec.fields.map((f) => <ServiceField ctx={ctx} field={f} form={form} />)}
        <div class="actions">
          <Button name="go" value="continue">{t('services.portal.continue')}</Button>
          <Button name="go" value="save" variant="secondary">{t('services.portal.saveDraft')}</Button>
        </div>
      </form>
    </>
  );
}

function ReviewStep({ ctx, c, spec, attachments, fee, problems = {}, base }: EditorProps & { base: string }) {
  const { t } = ctx;
  const values = JSON.parse(c.form_data) as Record<string, unknown>;
  const problemList = Object.entries(problems);
  const labelOf = (key: string) => {
    if (key.startsWith('document_')) {
      const d = spec.documents.find((x) => `document_${x.key}` === key);
      if (d) return { label: pick(d.label, ctx.locale), href: `${base}/edit?step=documents#${fieldId(key)}` };
    }
    const f = spec.fields.find((x) => x.key === key);
    return { label: f ? pick(f.label, ctx.locale) : key, href: `${base}/edit?step=details#${fieldId(fieldInput(key))}` };
  };
  const shown = (key: string) => {
    const f = spec.fields.find((x) => x.key === key)!;
    const v = values[key];
    if (v === undefined || v === '') return <span class="muted">{t('services.portal.review.empty')}</span>;
    if (f.type === 'checkbox') return t(v ? 'services.portal.yes' : 'services.portal.no');
    if (f.type === 'select') {
      const o = f.options?.find((x) => x.value === v);
      return o ? pick(o.label, ctx.locale) : String(v);
    }
    return String(v);
  };
  return (
    <>
      {problemList.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="review-problems" tabIndex={-1} autofocus>
          <h2 id="review-problems" class="error-summary-title">{t('services.portal.review.problems')}</h2>
          <ul>
            {problemList.map(([key, message]) => {
              const { label, href } = labelOf(key);
              return <li><a href={href}>{label}: {t(message as MessageKey)}</a></li>;
            })}
          </ul>
        </div>
      )}
      <h2>{t('services.portal.step.applicant')}</h2>
      <SummaryList rows={applicantRows(ctx, c)} />
      <h2>{t('services.portal.step.details')}</h2>
      <SummaryList rows={spec.fields.map((f) => ({
        key: pick(f.label, ctx.locale), value: shown(f.key), action: { href: `${base}/edit?step=details#${fieldId(fieldInput(f.key))}`, label: t('services.portal.change') },
      }))} />
      <h2>{t('services.portal.step.documents')}</h2>
      <SummaryList rows={spec.documents.map((d) => {
        const files = attachments.filter((a) => a.document_key === d.key);
        return {
          key: pick(d.label, ctx.locale),
          value: files.length ? files.map((a) => a.filename).join(', ') : <span class="muted">{t(d.required ? 'services.portal.review.missing' : 'services.portal.review.notAttached')}</span>,
          action: { href: `${base}/edit?step=documents`, label: t('services.portal.change') },
        };
      })} />
      <h2>{t('services.portal.review.terms')}</h2>
      <SummaryList rows={[
        { key: t('services.portal.fee'), value: feeText(ctx, fee) },
        { key: t('services.portal.deadline'), value: deadlineText(ctx, spec) },
      ]} />
      <form method="post" action={`${base}/submit`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(c.version)} />
        <p>{t('services.portal.review.declaration')}</p>
        <Button>{t('services.portal.submit')}</Button>
      </form>
    </>
  );
}
