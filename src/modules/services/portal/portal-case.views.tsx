// The applicant's page of a case: where it is, the deadline, the fee, what the municipality
// asks for (and the form to answer), the decision and its document, the public timeline,
// messages, rating and withdrawal. Only the applicant's part: never internal comments.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatInstant, localized, type MessageKey } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Notice, SummaryList, Tag, Textarea, type FormState,
} from '../../../platform/ui/components.tsx';
import type { CaseRow } from '../cases/case-env.ts';
import { pick, type ActionSpec, type ServiceSpec } from '../catalogue/spec.ts';
import { parseFormData } from '../cases/form-values.ts';
import type { PublicAttachment, PublicEvent } from './portal.queries.ts';
import type { documentsOfCase } from '../documents/documents.queries.ts';
import { RadioGroup, ServiceField, feeText, valuesAsText } from './portal-form.tsx';
import { DocumentUploads, FileLinks, uploadLabels } from './portal-documents.tsx';
import { fieldInput } from './portal.schemas.ts';
import { CaseProgress, PublicTimeline, StateTag, deadlineLine } from './portal-status.tsx';
import type { PageNotice } from './portal.views.tsx';

type IssuedDocument = Awaited<ReturnType<typeof documentsOfCase>>[number];

export interface CasePageProps {
  ctx: Ctx;
  c: CaseRow;
  spec: ServiceSpec;
  events: PublicEvent[];
  attachments: PublicAttachment[];
  documents: IssuedDocument[];
  /** Workflow actions the applicant may take now. */
  actions: ActionSpec[];
  /** An online payment connection exists for this community. */
  canPay: boolean;
  /** Errors and values of the form that was posted (respond, message, rating, withdraw). */
  form: FormState;
  notice?: PageNotice | undefined;
}

interface InfoRequest {
  fields: string[];
  documents: string[];
  message: string | null;
}

export function infoRequestOf(c: CaseRow): InfoRequest | null {
  if (c.state !== 'info_requested' || !c.info_request) return null;
  const r = JSON.parse(c.info_request) as Partial<InfoRequest>;
  return { fields: r.fields ?? [], documents: r.documents ?? [], message: r.message ?? null };
}

export function CasePage(props: CasePageProps) {
  const { ctx, c, spec, form } = props;
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const path = `/${slug}/cases/${c.id}`;
  const name = pick(spec.name, ctx.locale);
  const withdraw = props.actions.find((a) => a.kind === 'withdraw');
  const labels = caseFormLabels(props, Boolean(withdraw));
  return (
    <Layout ctx={ctx} title={name} path={path} breadcrumbs={[{ href: '/account/cases', label: t('services.portal.mine.title') }, { label: c.reg_number ?? name }]}>
      <span class="muted">{c.reg_number ? t('services.portal.case.number', { number: c.reg_number }) : t('services.portal.case.unnumbered')}</span>
      <h1>{name}</h1>
      {props.notice && <Notice tone={props.notice.tone} title={props.notice.title} />}
      <ErrorSummary form={form} labels={labels} />
      <CaseProgress ctx={ctx} c={c} spec={spec} />
      {c.state === 'draft' && (
        <Notice tone="info" title={t('services.portal.case.isDraft')}>
          <ButtonLink href={`${path}/edit?step=details`} variant="primary">{t('services.portal.mine.continue')}</ButtonLink>
        </Notice>
      )}
      <SummaryList rows={[
        { key: t('services.portal.case.status'), value: <StateTag ctx={ctx} spec={spec} state={c.state} /> },
        { key: t('services.portal.case.community'), value: localized(ctx.requireCommunity(), 'name', ctx.locale) },
        { key: t('services.portal.case.submitted'), value: c.submitted_at ? formatInstant(c.submitted_at) : '—' },
        { key: t('services.portal.deadline'), value: deadlineLine(ctx, c, spec) },
        { key: t('services.portal.fee'), value: <FeeValue {...props} /> },
      ]} />
      <InfoRequestSection {...props} />
      <Decision ctx={ctx} c={c} />
      <Documents ctx={ctx} c={c} documents={props.documents} />
      <FilesSection ctx={ctx} c={c} attachments={props.attachments} />
      <Rating ctx={ctx} c={c} form={form} />
      {c.state !== 'draft' && (
        <section aria-labelledby="messages">
          <h2 id="messages">{t('services.portal.message.title')}</h2>
          <form method="post" action={`${path}/messages`}>
            <CsrfField token={ctx.csrfToken} />
            <Textarea form={form} name="body" label={t('services.portal.message.label')} hint={t('services.portal.message.hint')} rows={3} />
            <Button variant="secondary">{t('services.portal.message.send')}</Button>
          </form>
        </section>
      )}
      <h2>{t('services.portal.timeline')}</h2>
      <PublicTimeline ctx={ctx} c={c} events={props.events} />
      {withdraw && (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw">{t('services.portal.withdraw.title')}</h2>
          <p>{t('services.portal.withdraw.hint')}</p>
          <form method="post" action={`${path}/withdraw`}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="version" value={String(c.version)} />
            <Textarea form={form} name="reason" label={t('services.portal.withdraw.reason')} rows={2} optional />
            <Button variant="warning">{t('services.portal.withdraw.button')}</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}

/** The labels of every form the page shows (they share one form state), for the error summary. */
function caseFormLabels({ ctx, c, spec }: CasePageProps, canWithdraw: boolean): Record<string, string> {
  const { t } = ctx;
  const request = infoRequestOf(c);
  return {
    ...(c.state !== 'draft' ? { body: t('services.portal.message.label') } : {}),
    ...(canWithdraw ? { reason: t('services.portal.withdraw.reason') } : {}),
    ...(c.decided_at && !c.rated_at ? { rating: t('services.portal.rating.question'), comment: t('services.portal.rating.comment') } : {}),
    ...(request
      ? {
          message: t('services.portal.info.message'),
          ...Object.fromEntries(spec.fields.filter((f) => request.fields.includes(f.key)).map((f) => [fieldInput(f.key), pick(f.label, ctx.locale)])),
          ...uploadLabels(ctx, spec.documents.filter((d) => request.documents.includes(d.key)), false),
        }
      : {}),
  };
}

function FeeValue({ ctx, c, canPay }: CasePageProps) {
  const { t } = ctx;
  if (c.fee_amount <= 0) return <>{feeText(ctx, 0)}</>;
  const tone = c.fee_status === 'due' ? 'yellow' : 'green';
  return (
    <>
      {feeText(ctx, c.fee_amount)} <Tag tone={tone}>{t(`services.portal.feeStatus.${c.fee_status}`)}</Tag>
      {c.fee_status === 'due' && (
        <>
          {/* The number is the payment reference: without one there is nothing to quote yet. */}
          <p>{c.reg_number ? t('services.portal.fee.howToPay', { number: c.reg_number }) : t('services.portal.fee.afterRegistration')}</p>
          {canPay && (
            <form method="post" action={`/${ctx.requireCommunity().slug}/cases/${c.id}/pay`}>
              <CsrfField token={ctx.csrfToken} />
              <Button>{t('services.portal.fee.pay')}</Button>
            </form>
          )}
        </>
      )}
    </>
  );
}

function InfoRequestSection({ ctx, c, spec, attachments, form }: CasePageProps) {
  const { t } = ctx;
  const request = infoRequestOf(c);
  if (!request) return null;
  const path = `/${ctx.requireCommunity().slug}/cases/${c.id}`;
  const fields = spec.fields.filter((f) => request.fields.includes(f.key));
  const documents = spec.documents.filter((d) => request.documents.includes(d.key));
  const fieldForm: FormState = { t, errors: form.errors ?? {}, values: { ...valuesAsText(parseFormData(c.form_data)), ...(form.values ?? {}) } };
  return (
    <section aria-labelledby="info-request" class="card">
      <h2 id="info-request">{t('services.portal.info.title')}</h2>
      {request.message && <p class="pre-line">{request.message}</p>}
      <p>{t('services.portal.info.paused')}</p>
      {documents.length > 0 && (
        <>
          <h3>{t('services.portal.info.documents')}</h3>
          <DocumentUploads ctx={ctx} c={c} documents={documents} attachments={attachments} form={form} others={false} />
        </>
      )}
      <form method="post" action={`${path}/respond`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(c.version)} />
        {fields.length > 0 && <h3>{t('services.portal.info.fields')}</h3>}
        {fields.map((f) => <ServiceField ctx={ctx} field={f} form={fieldForm} />)}
        <Textarea form={fieldForm} name="message" label={t('services.portal.info.message')} rows={3} optional />
        <Button>{t('services.portal.info.send')}</Button>
      </form>
    </section>
  );
}

function Decision({ ctx, c }: { ctx: Ctx; c: CaseRow }) {
  const { t } = ctx;
  if (!c.decision) return null;
  return (
    <section aria-labelledby="decision">
      <h2 id="decision">{t('services.portal.decision.title')}</h2>
      <p>{t(c.decision === 'approved' ? 'services.portal.decision.approved' : 'services.portal.decision.rejected')}{c.decided_at && ` (${formatDay(c.decided_at.slice(0, 10))})`}</p>
      {c.decision_reason && <p class="pre-line">{c.decision_reason}</p>}
    </section>
  );
}

function Documents({ ctx, c, documents }: { ctx: Ctx; c: CaseRow; documents: IssuedDocument[] }) {
  const { t } = ctx;
  if (documents.length === 0) return null;
  const base = `/${ctx.requireCommunity().slug}/cases/${c.id}/documents`;
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('services.portal.documents.title')}</h2>
      <ul class="card-list">
        {documents.map((d) => (
          <li class="card">
            <h3>{t(`services.documents.kind.${d.kind}` as MessageKey)}</h3>
            <p>{d.title}</p>
            <p>
              {t('services.portal.documents.code')}: <strong class="document-code">{d.code}</strong>{' '}
              <Tag tone={d.status === 'valid' ? 'green' : 'red'}>{t(d.status === 'valid' ? 'services.portal.documents.valid' : 'services.portal.documents.revoked')}</Tag>
            </p>
            <p>
              <a href={`${base}/${d.id}`}>{t('services.portal.documents.download')}<span class="visually-hidden"> {d.code}</span></a>
              {' · '}
              <a href={`/verify/${encodeURIComponent(d.code)}`}>{t('services.portal.documents.verify')}<span class="visually-hidden"> {d.code}</span></a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FilesSection({ ctx, c, attachments }: { ctx: Ctx; c: CaseRow; attachments: PublicAttachment[] }) {
  // The applicant's uploads and files attached to a required document; output PDFs are listed above.
  const files = attachments.filter((a) => a.uploaded_by_user_id === c.applicant_user_id || a.document_key !== null);
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="files">
      <h2 id="files">{ctx.t('services.portal.files')}</h2>
      <FileLinks ctx={ctx} c={c} files={files} />
    </section>
  );
}

function Rating({ ctx, c, form }: { ctx: Ctx; c: CaseRow; form: FormState }) {
  const { t } = ctx;
  if (!c.decided_at) return null;
  if (c.rated_at) return <p>{t('services.portal.rating.given', { rating: c.rating ?? 0 })}</p>;
  return (
    <section aria-labelledby="rating" class="card">
      <h2 id="rating">{t('services.portal.rating.title')}</h2>
      <form method="post" action={`/${ctx.requireCommunity().slug}/cases/${c.id}/rating`}>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup form={form} name="rating" legend={t('services.portal.rating.question')}
          items={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`services.portal.rating.${n as 1}`) }))} />
        <Textarea form={form} name="comment" label={t('services.portal.rating.comment')} rows={3} optional />
        <Button>{t('services.portal.rating.send')}</Button>
      </form>
    </section>
  );
}
