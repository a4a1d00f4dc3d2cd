// The staff case page: the header (number, service, state, deadline and days left, pause,
// fee, assignee, applicant, channel, office), the forms of the actions this person may
// take, the form values with the labels of the case's own spec version, the documents
// with their files, the output documents, comments and messages, and the full timeline.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay, formatInstant, localized, type MessageKey } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { ErrorSummary, Notice, SummaryList, Table, Tag } from '../../../platform/ui/components.tsx';
import type { CaseRow } from './case-env.ts';
import { isFinal } from './case-rules.ts';
import { CLOCK_STOPPED } from './case-escalation.ts';
import { parseFormData } from './form-values.ts';
import { pick, type ActionSpec, type ServiceSpec } from '../catalogue/spec.ts';
import type { InboxDates } from './cases.queries.ts';
import type { AttachmentRow, CasePageData } from './case-page.queries.ts';
import { DeadlineMarker, StateTag } from './inbox.views.tsx';
import { ActionForms, FeeForm, NoteForm, UploadForm, type FailedForm } from './case-actions.views.tsx';
import { Timeline } from './case-timeline.views.tsx';

export interface CasePageProps {
  ctx: Ctx;
  c: CaseRow;
  spec: ServiceSpec;
  data: CasePageData;
  actions: ActionSpec[];
  dates: InboxDates;
  canWork: boolean;
  /** A draft at the desk: submit and register in one step. */
  deskFile: boolean;
  done?: string | undefined;
  /** Someone else changed the case first, or the action no longer fits its state. */
  conflict?: 'changed' | 'notNow' | undefined;
  failed?: FailedForm | undefined;
}

const DONE: Record<string, MessageKey> = {
  note: 'services.casePage.done.note', message: 'services.casePage.done.message', fee: 'services.casePage.done.fee',
  upload: 'services.casePage.done.upload', filed: 'services.casePage.done.filed', drafted: 'services.casePage.done.drafted',
};

function doneText(ctx: Ctx, spec: ServiceSpec, done: string | undefined): string | null {
  if (!done) return null;
  const action = spec.workflow.actions.find((a) => a.key === done);
  if (action) return ctx.t('services.casePage.done.action', { action: pick(action.label, ctx.locale) });
  return DONE[done] ? ctx.t(DONE[done]) : null;
}

const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function Deadline({ ctx, c, spec, dates }: { ctx: Ctx; c: CaseRow; spec: ServiceSpec; dates: InboxDates }) {
  if (!c.due_date) return <span class="muted">{ctx.t('services.casePage.noDeadline')}</span>;
  const running = !(CLOCK_STOPPED as readonly string[]).includes(c.state) && !isFinal(spec, c.state);
  const left = dayDiff(dates.today, c.due_date);
  return (
    <>
      <time dateTime={c.due_date}>{formatDay(c.due_date)}</time>{' '}
      {running && <span>({left < 0 ? ctx.t('services.casePage.daysOverdue', { n: -left }) : ctx.t('services.casePage.daysLeft', { n: left })}) </span>}
      <DeadlineMarker ctx={ctx} paused={c.paused_at !== null} overdue={running && left < 0} atRisk={running && left >= 0 && c.due_date <= dates.atRiskUntil} />
    </>
  );
}

function InfoRequest({ ctx, c, spec }: { ctx: Ctx; c: CaseRow; spec: ServiceSpec }) {
  if (!c.paused_at) return null;
  const r = c.info_request ? (JSON.parse(c.info_request) as { fields?: string[]; documents?: string[]; message?: string }) : {};
  const items = [
    ...(r.fields ?? []).map((k) => spec.fields.find((f) => f.key === k)?.label),
    ...(r.documents ?? []).map((k) => spec.documents.find((d) => d.key === k)?.label),
  ].filter((l) => l !== undefined).map((l) => pick(l, ctx.locale));
  return (
    <Notice tone="info" title={ctx.t('services.casePage.paused', { since: formatInstant(c.paused_at) })}>
      {items.length > 0 && <p>{ctx.t('services.casePage.requested')}: {items.join(', ')}</p>}
      {r.message && <p class="pre-line">{r.message}</p>}
    </Notice>
  );
}

function valueText(ctx: Ctx, spec: ServiceSpec, key: string, v: unknown): string {
  const field = spec.fields.find((f) => f.key === key);
  if (v === undefined || v === null || v === '') return '—';
  if (field?.type === 'checkbox') return ctx.t(v === true ? 'services.casePage.yes' : 'services.casePage.no');
  if (field?.type === 'select') {
    const option = field.options?.find((o) => o.value === String(v));
    return option ? pick(option.label, ctx.locale) : String(v);
  }
  if (field?.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v);
  return String(v);
}

function FileList({ ctx, base, files }: { ctx: Ctx; base: string; files: AttachmentRow[] }) {
  return (
    <ul>
      {files.map((a) => (
        <li>
          <a href={`${base}/attachments/${a.id}`}>{a.filename}</a>{' '}
          <span class="muted">({Math.max(1, Math.round(a.size / 1024))} KB, {formatInstant(a.uploaded_at)}{a.public ? '' : `, ${ctx.t('services.casePage.internal')}`})</span>
        </li>
      ))}
    </ul>
  );
}

function Documents({ ctx, c, spec, base, data, canUpload, failed }: { ctx: Ctx; c: CaseRow; spec: ServiceSpec; base: string; data: CasePageData; canUpload: boolean; failed?: FailedForm | undefined }) {
  const { t, locale } = ctx;
  const others = data.attachments.filter((a) => a.document_key === null || !spec.documents.some((d) => d.key === a.document_key));
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('services.casePage.documents')}</h2>
      {spec.documents.length === 0 && others.length === 0 && <p class="muted">{t('services.casePage.noDocuments')}</p>}
      {spec.documents.map((d) => {
        const files = data.attachments.filter((a) => a.document_key === d.key);
        return (
          <div>
            <h3>{pick(d.label, locale)} {d.required ? <Tag tone="blue">{t('services.casePage.required')}</Tag> : <span class="muted">{t('ui.optional')}</span>}</h3>
            {files.length ? <FileList ctx={ctx} base={base} files={files} /> : <p>{d.required ? <Tag tone="red">{t('services.casePage.missing')}</Tag> : <span class="muted">{t('services.casePage.notAttached')}</span>}</p>}
          </div>
        );
      })}
      {others.length > 0 && (
        <>
          <h3>{t('services.casePage.otherFiles')}</h3>
          <FileList ctx={ctx} base={base} files={others} />
        </>
      )}
      {canUpload && <UploadForm ctx={ctx} c={c} spec={spec} base={base} failed={failed} />}
    </section>
  );
}

export function CasePage(props: CasePageProps) {
  const { ctx, c, spec, data, actions, dates, canWork, deskFile, done, conflict, failed } = props;
  const { t, locale } = ctx;
  const slug = ctx.requireCommunity().slug;
  const inbox = `/${slug}/staff/cases`;
  const base = `${inbox}/${c.id}`;
  const number = c.reg_number ?? t('services.inbox.unregistered', { id: c.id });
  const title = t('services.casePage.title', { number });
  const stateLabel = spec.workflow.states.find((s) => s.key === c.state)?.label;
  const values = parseFormData(c.form_data);
  const assignee = c.assignee_user_id !== null ? (data.names.get(c.assignee_user_id) ?? `#${c.assignee_user_id}`) : null;
  const notice = doneText(ctx, spec, done);
  const shared = { ctx, c, spec, base, failed };
  return (
    <StaffLayout ctx={ctx} title={title} path={base} crumbs={[{ href: inbox, label: t('services.inbox.title') }, { label: number }]}>
      {notice && <Notice title={notice} />}
      {conflict && (
        <Notice tone="warning" title={t(conflict === 'changed' ? 'services.casePage.conflict.changed' : 'services.casePage.conflict.notNow')}>
          <p>{t('services.casePage.conflict.current')}</p>
        </Notice>
      )}
      {failed?.which === 'page' && <ErrorSummary form={failed.form} labels={{}} />}
      <span class="muted">{pick(spec.name, locale)}</span>
      <h1>{title}</h1>
      <p><StateTag state={c.state} label={stateLabel ? pick(stateLabel, locale) : c.state} /></p>
      <InfoRequest ctx={ctx} c={c} spec={spec} />
      <SummaryList rows={[
        { key: t('services.casePage.number'), value: number },
        { key: t('services.inbox.col.service'), value: pick(spec.name, locale) },
        { key: t('services.inbox.col.deadline'), value: <Deadline ctx={ctx} c={c} spec={spec} dates={dates} /> },
        { key: t('services.casePage.fee'), value: c.fee_amount > 0 ? `${formatAmd(c.fee_amount)} · ${t(`services.casePage.feeStatus.${c.fee_status}`)}` : t('services.casePage.feeStatus.none') },
        { key: t('services.inbox.col.assignee'), value: [assignee, c.department].filter(Boolean).join(' · ') || t('services.inbox.nobody') },
        { key: t('services.casePage.applicant'), value: c.applicant_name },
        { key: t(c.applicant_kind === 'organization' ? 'services.casePage.taxId' : 'services.casePage.psn'), value: (c.applicant_kind === 'organization' ? c.applicant_tax_id : c.applicant_psn) ?? '—' },
        { key: t('services.casePage.contacts'), value: [c.applicant_email, c.applicant_phone].filter(Boolean).join(' · ') || '—' },
        { key: t('services.casePage.account'), value: t(c.applicant_user_id !== null ? 'services.casePage.account.linked' : 'services.casePage.account.none') },
        { key: t('services.casePage.channel'), value: t(`services.casePage.channel.${c.channel}`) },
        { key: t('services.casePage.office'), value: data.office ? localized(data.office, 'name', locale) : t('services.casePage.office.central') },
        { key: t('services.casePage.submitted'), value: c.submitted_at ? formatInstant(c.submitted_at) : '—' },
        { key: t('services.casePage.registered'), value: c.registered_at ? formatInstant(c.registered_at) : '—' },
        ...(c.decision_reason ? [{ key: t('services.casePage.decisionReason'), value: <span class="pre-line">{c.decision_reason}</span> }] : []),
      ]} />
      {canWork && <ActionForms {...shared} actions={actions} staff={data.staff} deskFile={deskFile} />}
      {canWork && <FeeForm {...shared} />}
      <h2>{t('services.casePage.values')}</h2>
      <SummaryList rows={spec.fields.map((f) => ({ key: pick(f.label, locale), value: valueText(ctx, spec, f.key, values[f.key]) }))} />
      <Documents ctx={ctx} c={c} spec={spec} base={base} data={data} canUpload={canWork && !isFinal(spec, c.state)} failed={failed} />
      <h2>{t('services.casePage.outputs')}</h2>
      <Table
        t={t}
        caption={t('services.casePage.outputs')}
        captionHidden
        rows={data.documents}
        empty={t('services.casePage.noOutputs')}
        columns={[
          { key: 'code', label: t('services.casePage.output.code'), render: (d) => <a href={`/${slug}/staff/documents/${d.id}`}>{d.code}</a> },
          { key: 'title', label: t('services.casePage.output.title'), render: (d) => d.title },
          { key: 'status', label: t('services.casePage.output.status'), render: (d) => <Tag tone={d.status === 'valid' ? 'green' : 'red'}>{t(d.status === 'valid' ? 'services.casePage.output.valid' : 'services.casePage.output.revoked')}</Tag> },
          { key: 'issued', label: t('services.casePage.output.issued'), render: (d) => formatInstant(d.issued_at) },
          { key: 'pdf', label: t('services.casePage.output.file'), render: (d) => <a href={`/${slug}/staff/documents/${d.id}/pdf`}>PDF<span class="visually-hidden"> {d.code}</span></a> },
        ]}
      />
      {canWork && <NoteForm {...shared} />}
      <h2>{t('services.casePage.timeline')}</h2>
      <Timeline ctx={ctx} spec={spec} events={data.events} names={data.names} />
    </StaffLayout>
  );
}
