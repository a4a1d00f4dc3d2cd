// The staff pages of the assessment: the runs with a form to start one, and a run's page
// (its counts and progress; for a recalculation, the differences and the approval).
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatAmd, formatInstant, formatNumber } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, CsrfField, ErrorSummary, Notice, Select, SummaryList, Table, Tag, type FormState, type Tone } from '../../../platform/ui/components.tsx';
import type { RunRow } from './runs.ts';
import type { DifferenceView } from './assessment.queries.ts';

const TONES: Record<RunRow['status'], Tone> = { queued: 'grey', running: 'yellow', done: 'blue', failed: 'red', approved: 'green', superseded: 'grey' };
const StatusTag = ({ ctx, status }: { ctx: Ctx; status: RunRow['status'] }) => <Tag tone={TONES[status]}>{ctx.t(`finance.assessment.status.${status}`)}</Tag>;
const kindLabel = (ctx: Ctx, kind: RunRow['kind']) => ctx.t(`finance.assessment.kind.${kind}`);

export const assessmentPath = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/finance/assessment`;

export function AssessmentPage({ ctx, runs, years, form, done }: { ctx: Ctx; runs: RunRow[]; years: number[]; form: FormState; done?: string }) {
  const { t } = ctx;
  const path = assessmentPath(ctx);
  const title = t('finance.assessment.title');
  const labels = { year: t('finance.assessment.year'), kind: t('finance.assessment.kind') };
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <ErrorSummary form={form} labels={labels} />
      <h1>{title}</h1>
      <p>{t('finance.assessment.intro')}</p>
      {done === 'started' && <Notice title={t('finance.assessment.done.started')} />}
      <p><a href={`${path}/notices`}>{t('finance.assessment.notices')}</a></p>
      <form method="post" action={`${path}/runs`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="fieldset">
          <legend class="label">{t('finance.assessment.startLegend')}</legend>
          <Select form={form} name="year" label={labels.year} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <Select form={form} name="kind" label={labels.kind} options={(['assessment', 'recalculation'] as const).map((k) => ({ value: k, label: kindLabel(ctx, k) }))} />
        </fieldset>
        <Button>{t('finance.assessment.start')}</Button>
      </form>
      <Table
        t={t}
        caption={t('finance.assessment.runs', { count: runs.length })}
        empty={t('finance.assessment.noRuns')}
        rows={runs}
        columns={[
          { key: 'run', label: t('finance.assessment.col.run'), render: (r) => <a href={`${path}/runs/${r.id}`}>{t('finance.assessment.run', { id: r.id })}</a> },
          { key: 'year', label: t('finance.assessment.year'), render: (r) => String(r.year) },
          { key: 'kind', label: t('finance.assessment.kind'), render: (r) => kindLabel(ctx, r.kind) },
          { key: 'status', label: t('finance.assessment.col.status'), render: (r) => <StatusTag ctx={ctx} status={r.status} /> },
          { key: 'objects', label: t('finance.assessment.objects'), numeric: true, render: (r) => String(r.objects) },
          { key: 'amount', label: t('finance.assessment.amount'), numeric: true, render: (r) => formatAmd(Number(r.amount)) },
          { key: 'started', label: t('finance.assessment.col.started'), render: (r) => formatInstant(r.started_at) },
          { key: 'actor', label: t('finance.assessment.col.actor'), render: (r) => r.actor_label },
        ]}
      />
    </StaffLayout>
  );
}

const reasonLabel = (ctx: Ctx, reason: string) => ctx.t(`finance.assessment.reason.${reason}` as MessageKey);

export function RunPage({ ctx, run, diffs, canApprove, form, done }: { ctx: Ctx; run: RunRow; diffs: DifferenceView[]; canApprove: boolean; form: FormState; done?: string }) {
  const { t } = ctx;
  const path = assessmentPath(ctx);
  const title = t('finance.assessment.run', { id: run.id });
  const busy = run.status === 'queued' || run.status === 'running';
  const count = (key: MessageKey, n: number) => ({ key: t(key), value: formatNumber(n, ctx.locale) });
  const rows = [
    { key: t('finance.assessment.kind'), value: kindLabel(ctx, run.kind) },
    { key: t('finance.assessment.year'), value: String(run.year) },
    { key: t('finance.assessment.col.status'), value: <StatusTag ctx={ctx} status={run.status} /> },
    { key: t('finance.assessment.asOf'), value: run.as_of },
    count('finance.assessment.objects', run.objects),
    ...(run.kind === 'assessment'
      ? [count('finance.assessment.linesCreated', run.lines_created), count('finance.assessment.obligationsCreated', run.obligations_created),
        count('finance.assessment.exempt', run.exempt), count('finance.assessment.unchanged', run.unchanged), count('finance.assessment.changed', run.changed),
        { key: t('finance.assessment.amount'), value: formatAmd(Number(run.amount)) }]
      : [count('finance.assessment.differences', run.differences), count('finance.assessment.unchanged', run.unchanged),
        { key: t('finance.assessment.net'), value: formatAmd(Number(run.amount)) }]),
    { key: t('finance.assessment.col.started'), value: `${formatInstant(run.started_at)} · ${run.actor_label}` },
    ...(run.approved_at ? [{ key: t('finance.assessment.approvedBy'), value: formatInstant(run.approved_at) }] : []),
    ...(run.error ? [{ key: t('finance.assessment.error'), value: run.error }] : []),
  ];
  return (
    <StaffLayout ctx={ctx} title={title} path={`${path}/runs/${run.id}`} crumbs={[{ label: t('finance.assessment.title'), href: path }, { label: title }]}>
      <ErrorSummary form={form} labels={{ run: title }} />
      {done === 'approved' && <Notice title={t('finance.assessment.done.approved')} />}
      <h1>{title}</h1>
      {busy && (
        <p role="status">
          {t('finance.assessment.progress', { done: run.progress_done, total: run.progress_total })} <ButtonLink href={`${path}/runs/${run.id}`}>{t('finance.assessment.refresh')}</ButtonLink>
        </p>
      )}
      <SummaryList rows={rows} />
      {run.kind === 'recalculation' && (
        <Table
          t={t}
          caption={t('finance.assessment.diff.caption', { count: diffs.length })}
          rows={diffs}
          columns={[
            { key: 'object', label: t('finance.assessment.diff.object'), render: (d) => d.object_label },
            { key: 'payer', label: t('finance.assessment.diff.payer'), render: (d) => d.payerLabel },
            { key: 'old', label: t('finance.assessment.diff.old'), numeric: true, render: (d) => formatAmd(d.old_amount) },
            { key: 'new', label: t('finance.assessment.diff.new'), numeric: true, render: (d) => formatAmd(d.new_amount) },
            { key: 'reason', label: t('finance.assessment.diff.reason'), render: (d) => reasonLabel(ctx, d.reason) },
          ]}
        />
      )}
      {canApprove && run.kind === 'recalculation' && run.status === 'done' && diffs.length > 0 && (
        <form method="post" action={`${path}/runs/${run.id}/approve`}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t('finance.assessment.approveHint')}</p>
          <Button>{t('finance.assessment.approve')}</Button>
        </form>
      )}
    </StaffLayout>
  );
}
