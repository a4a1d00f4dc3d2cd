// The forms of the staff case page: one per workflow action the person may take now
// (availableActions), a comment or message to the applicant, the fee, and a file upload.
// Each action form names its inputs "<action>-<input>" so several forms on one page never
// share an id; each posts the case version it was shown, so a stale click is refused.
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd } from '../../../platform/i18n/index.ts';
import { Button, Checkboxes, CsrfField, ErrorSummary, Field, Select, Textarea, TextInput, fieldId, type FormState } from '../../../platform/ui/components.tsx';
import type { CaseRow } from './case-env.ts';
import { pick, type ActionSpec, type ServiceSpec } from '../catalogue/spec.ts';

/** A form of the page that came back refused: which one ("note", "fee", "upload" or an action key) and its state. */
export interface FailedForm {
  which: string;
  form: FormState;
}

interface Shared {
  ctx: Ctx;
  c: CaseRow;
  spec: ServiceSpec;
  base: string;
  failed?: FailedForm | undefined;
}

const formOf = (p: Shared, which: string): FormState => (p.failed?.which === which ? p.failed.form : { t: p.ctx.t });

/**
 * Labels for an error summary: submitting checks the whole application, so its errors name
 * the service's fields and documents ("<action>-purpose", "<action>-document_passport").
 */
export function errorLabels(spec: ServiceSpec, locale: string, form: FormState, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(form.errors ?? {})) {
    const key = name.startsWith(prefix) ? name.slice(prefix.length) : name;
    const label = spec.fields.find((f) => f.key === key)?.label ?? spec.documents.find((d) => `document_${d.key}` === key)?.label;
    if (label) out[name] = pick(label, locale);
  }
  return out;
}

function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={String(value)} />;
}

function Card({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="card">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

/** The inputs an action of this kind asks for. */
function ActionInputs({ p, a, form, staff }: { p: Shared; a: ActionSpec; form: FormState; staff: { id: number; name: string }[] }) {
  const { t, locale } = p.ctx;
  const n = (input: string) => `${a.key}-${input}`;
  const checked = (input: string) => (form.values?.[n(input)] ?? '').split(',').filter(Boolean);
  switch (a.kind) {
    case 'assign':
      return (
        <>
          <Select form={form} name={n('assignee')} label={t('services.casePage.assignee')} options={staff.map((s) => ({ value: String(s.id), label: s.name }))} placeholder={t('ui.choose')} required />
          <TextInput form={form} name={n('department')} label={t('services.casePage.department')} hint={t('services.casePage.departmentHint')} width="m" optional />
        </>
      );
    case 'request_info':
      return (
        <>
          <Checkboxes form={form} name={n('fields')} label={t('services.casePage.requestFields')} hint={t('services.casePage.requestHint')}
            items={p.spec.fields.map((f) => ({ value: f.key, label: pick(f.label, locale) }))} checked={checked('fields')} />
          {p.spec.documents.length > 0 && (
            <Checkboxes form={form} name={n('documents')} label={t('services.casePage.requestDocuments')}
              items={p.spec.documents.map((d) => ({ value: d.key, label: pick(d.label, locale) }))} checked={checked('documents')} />
          )}
          <Textarea form={form} name={n('message')} label={t('services.casePage.requestMessage')} hint={t('services.casePage.requestMessageHint')} rows={3} required />
        </>
      );
    case 'reject':
      return <Textarea form={form} name={n('reason')} label={t('services.casePage.rejectReason')} hint={t('services.casePage.rejectReasonHint')} rows={3} required />;
    case 'approve':
      return <Textarea form={form} name={n('reason')} label={t('services.casePage.approveNote')} rows={2} optional />;
    case 'withdraw':
      return <Textarea form={form} name={n('reason')} label={t('services.casePage.withdrawReason')} rows={2} optional />;
    case 'resume':
    case 'move':
      return <Textarea form={form} name={n('message')} label={t('services.casePage.actionNote')} rows={2} optional />;
    default:
      return null;
  }
}

export function ActionForms(props: Shared & { actions: ActionSpec[]; staff: { id: number; name: string }[]; deskFile: boolean }) {
  const { ctx, c, base, actions, staff, deskFile } = props;
  const { t, locale } = ctx;
  const me = ctx.actor?.userId;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('services.casePage.actions')}</h2>
      {actions.length === 0 && <p class="muted">{t('services.casePage.noActions')}</p>}
      {actions.map((a) => {
        const form = formOf(props, a.key);
        // At the desk a draft is filed in one step: submitted and registered together.
        const filing = deskFile && a.kind === 'submit';
        const warning = a.kind === 'reject' || a.kind === 'withdraw';
        return (
          <Card title={filing ? t('services.casePage.fileDraft') : pick(a.label, locale)}>
            <ErrorSummary form={form} labels={errorLabels(props.spec, locale, form, `${a.key}-`)} />
            <form method="post" action={filing ? `/${ctx.requireCommunity().slug}/staff/desk/cases/${c.id}/file` : `${base}/act`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <Hidden name="action" value={a.key} />
              <Hidden name="version" value={c.version} />
              <ActionInputs p={props} a={a} form={form} staff={staff} />
              <Button variant={warning ? 'warning' : 'primary'}>{filing ? t('services.casePage.fileDraft') : pick(a.label, locale)}</Button>
            </form>
            {a.kind === 'assign' && me !== undefined && staff.some((s) => s.id === me) && c.assignee_user_id !== me && (
              <form method="post" action={`${base}/act`}>
                <CsrfField token={ctx.csrfToken} />
                <Hidden name="action" value={a.key} />
                <Hidden name="version" value={c.version} />
                <Hidden name={`${a.key}-assignee`} value={me} />
                <Button variant="secondary">{t('services.casePage.assignToMe')}</Button>
              </form>
            )}
          </Card>
        );
      })}
    </section>
  );
}

export function NoteForm(props: Shared) {
  const { ctx, base } = props;
  const form = formOf(props, 'note');
  const labels = { body: ctx.t('services.casePage.note.body'), to_applicant: ctx.t('services.casePage.note.audience') };
  return (
    <section aria-labelledby="note-title">
      <h2 id="note-title">{ctx.t('services.casePage.note.title')}</h2>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={`${base}/notes`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Textarea form={form} name="body" label={labels.body} rows={3} required />
        <Checkboxes form={form} name="to_applicant" label={labels.to_applicant}
          items={[{ value: '1', label: ctx.t('services.casePage.note.toApplicant'), hint: ctx.t('services.casePage.note.toApplicantHint') }]}
          checked={form.values?.to_applicant === '1' ? ['1'] : []} />
        <Button variant="secondary">{ctx.t('services.casePage.note.add')}</Button>
      </form>
    </section>
  );
}

/** Marks the fee paid at the cash desk or waived; shown while it is due. */
export function FeeForm(props: Shared) {
  const { ctx, c, base } = props;
  if (c.fee_amount <= 0 || c.fee_status !== 'due') return null;
  const form = formOf(props, 'fee');
  return (
    <Card title={ctx.t('services.casePage.fee.title', { amount: formatAmd(c.fee_amount) })}>
      {/* Buttons and a hidden version: any error is about the whole form. */}
      <ErrorSummary form={form} labels={{}} />
      <form method="post" action={`${base}/fee`}>
        <CsrfField token={ctx.csrfToken} />
        <Hidden name="version" value={c.version} />
        <div class="actions">
          <Button name="status" value="paid">{ctx.t('services.casePage.fee.markPaid')}</Button>
          <Button name="status" value="waived" variant="secondary">{ctx.t('services.casePage.fee.waive')}</Button>
        </div>
      </form>
    </Card>
  );
}

/** Staff attach scans (at the desk) or any other file while the case is open. */
export function UploadForm(props: Shared) {
  const { ctx, spec, base } = props;
  const form = formOf(props, 'upload');
  const error = form.errors?.file;
  const labels = { document_key: ctx.t('services.casePage.upload.document'), file: ctx.t('services.casePage.upload.file') };
  return (
    <div class="card">
      <h3 id="upload-title">{ctx.t('services.casePage.upload.title')}</h3>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={`${base}/attachments`} enctype="multipart/form-data" novalidate aria-labelledby="upload-title">
        <CsrfField token={ctx.csrfToken} />
        <Select form={form} name="document_key" label={labels.document_key}
          options={spec.documents.map((d) => ({ value: d.key, label: pick(d.label, ctx.locale) }))} placeholder={ctx.t('services.casePage.upload.other')} />
        <Field form={form} name="file" label={labels.file} hint={ctx.t('services.casePage.upload.hint')}>
          <input class="input" type="file" id={fieldId('file')} name="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-describedby={[`${fieldId('file')}-hint`, error ? `${fieldId('file')}-error` : ''].filter(Boolean).join(' ')} aria-invalid={error ? 'true' : undefined} required />
        </Field>
        <Button variant="secondary">{ctx.t('services.casePage.upload.submit')}</Button>
      </form>
    </div>
  );
}
