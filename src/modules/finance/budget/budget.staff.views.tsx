// The accountant's budget page: the year's budget by part and line (approved, adjusted,
// actual), and what may be done with it — start a draft, load its plan from a file, adopt
// it by a council decision, record an amendment, import a Treasury execution report.
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatInstant } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Field, Notice, SummaryList, Table, Tag, TextInput, fieldId, type FormState,
} from '../../../platform/ui/components.tsx';
import type { BudgetReport, LineFigures } from './budget.report.ts';
import type { AmendmentView } from './budget.queries.ts';
import type { RowProblem } from './budget.service.ts';
import { ReportTables, amount, lineName } from './budget-report.views.tsx';
import { Decisions, YearLinks } from './budget.public.views.tsx';

export const staffBase = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/finance/budget`;

function Shell({ ctx, title, sub, children }: { ctx: Ctx; title: string; sub?: boolean; children: ComponentChildren }) {
  const crumbs = sub ? [{ href: staffBase(ctx), label: ctx.t('finance.budget.nav') }, { label: title }] : [{ label: title }];
  return (
    <StaffLayout ctx={ctx} title={title} path={staffBase(ctx)} crumbs={crumbs}>
      <h1>{title}</h1>
      {children}
    </StaffLayout>
  );
}

function FileForm({ ctx, action, form, hint, button }: { ctx: Ctx; action: string; form: FormState; hint: string; button: string }) {
  const t = ctx.t;
  const id = `${form.idPrefix ?? ''}file`;
  const error = form.errors?.file;
  return (
    <form method="post" action={action} enctype="multipart/form-data" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <Field form={form} name="file" label={t('finance.budget.file')} hint={hint}>
        <input class="file-upload" type="file" id={fieldId(id)} name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={[`${fieldId(id)}-hint`, error ? `${fieldId(id)}-error` : ''].filter(Boolean).join(' ')} aria-invalid={error ? 'true' : undefined} />
      </Field>
      <Button>{button}</Button>
    </form>
  );
}

export function Problems({ ctx, problems, caption }: { ctx: Ctx; problems: RowProblem[]; caption: string }) {
  return (
    <Table t={ctx.t} caption={caption} rows={problems} columns={[
      { key: 'line', label: ctx.t('finance.budget.col.fileLine'), numeric: true, render: (p) => String(p.line) },
      { key: 'reason', label: ctx.t('finance.budget.col.problem'), render: (p) => ctx.t(p.reason) },
    ]} />
  );
}

export interface StaffPageProps {
  ctx: Ctx;
  years: number[];
  year: number;
  report: BudgetReport | null;
  amendments: AmendmentView[];
  imports: { id: number; file_name: string; rows_applied: number; rows_rejected: number; created_at: string }[];
  canEdit: boolean;
  done?: string | undefined;
  forms?: { create?: FormState; plan?: FormState; adopt?: FormState; execution?: FormState };
  planProblems?: RowProblem[];
  /** Why a file could not be used at all, in words (with the columns it lacks). */
  problem?: string;
}

export function StaffBudgetPage(p: StaffPageProps) {
  const { ctx, report } = p;
  const t = ctx.t;
  const base = staffBase(ctx);
  const form = (name: keyof NonNullable<StaffPageProps['forms']>): FormState => ({ t, idPrefix: `${name}-`, ...p.forms?.[name] });
  const budget = report?.budget;
  const decisionLabels = { decision_number: t('finance.budget.decisionNumber'), decision_date: t('finance.budget.decisionDate') };
  return (
    <Shell ctx={ctx} title={t('finance.budget.staffTitle', { year: p.year })}>
      {p.done && <Notice title={t(`finance.budget.done.${p.done as 'created'}`)} />}
      {p.problem && <Notice tone="warning" title={p.problem} />}
      <YearLinks ctx={ctx} years={p.years} current={p.year} href={(y) => `${base}?year=${y}`} />
      {!budget && p.canEdit && (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t('finance.budget.create')}</h2>
          <ErrorSummary form={form('create')} labels={{ year: t('finance.budget.year') }} />
          <form method="post" action={base} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput form={form('create')} name="year" label={t('finance.budget.year')} value={p.forms?.create?.values?.year ?? String(p.year)} inputMode="numeric" width="s" required />
            <Button>{t('finance.budget.createButton')}</Button>
          </form>
        </section>
      )}
      {!budget && !p.canEdit && <p>{t('finance.budget.noBudget')}</p>}
      {budget && p.forms?.create?.errors && <ErrorSummary form={form('create')} labels={{}} />}
      {budget && report && (
        <>
          <SummaryList rows={[
            { key: t('finance.budget.status'), value: budget.status === 'adopted' ? <Tag tone="green">{t('finance.budget.status.adopted')}</Tag> : <Tag tone="yellow">{t('finance.budget.status.draft')}</Tag> },
            { key: t('finance.budget.asOf'), value: formatDay(report.asOf) },
          ]} />
          {budget.status === 'adopted' && <Decisions ctx={ctx} report={report} amendments={p.amendments} />}
          {p.canEdit && budget.status === 'draft' && (
            <>
              <section aria-labelledby="plan-title">
                <h2 id="plan-title">{t('finance.budget.planImport')}</h2>
                <ErrorSummary form={form('plan')} labels={{ file: t('finance.budget.file') }} />
                {p.planProblems && p.planProblems.length > 0 && (
                  <Problems ctx={ctx} problems={p.planProblems} caption={t('finance.budget.planProblems', { count: p.planProblems.length })} />
                )}
                <FileForm ctx={ctx} action={`${base}/${budget.id}/plan`} form={form('plan')} hint={t('finance.budget.planHint')} button={t('finance.budget.planButton')} />
              </section>
              <section aria-labelledby="adopt-title">
                <h2 id="adopt-title">{t('finance.budget.adopt')}</h2>
                <ErrorSummary form={form('adopt')} labels={decisionLabels} />
                <form method="post" action={`${base}/${budget.id}/adopt`} novalidate>
                  <CsrfField token={ctx.csrfToken} />
                  <TextInput form={form('adopt')} name="decision_number" label={decisionLabels.decision_number} width="m" required />
                  <TextInput form={form('adopt')} name="decision_date" label={decisionLabels.decision_date} hint={t('finance.budget.dateHint')} width="m" required />
                  <Button>{t('finance.budget.adoptButton')}</Button>
                </form>
              </section>
            </>
          )}
          {p.canEdit && budget.status === 'adopted' && (
            <section aria-labelledby="execution-title">
              <h2 id="execution-title">{t('finance.budget.executionImport')}</h2>
              <p><ButtonLink href={`${base}/${budget.id}/amend`}>{t('finance.budget.amend')}</ButtonLink></p>
              <ErrorSummary form={form('execution')} labels={{ file: t('finance.budget.file') }} />
              <FileForm ctx={ctx} action={`${base}/${budget.id}/execution`} form={form('execution')} hint={t('finance.budget.executionHint')} button={t('finance.budget.executionButton')} />
            </section>
          )}
          <ReportTables ctx={ctx} report={report} />
          {p.imports.length > 0 && (
            <Table t={t} caption={t('finance.budget.imports')} rows={p.imports} columns={[
              { key: 'when', label: t('finance.budget.col.when'), render: (i) => <a href={`${base}/${budget.id}/execution/${i.id}`}>{formatInstant(i.created_at)}</a> },
              { key: 'file', label: t('finance.budget.file'), render: (i) => i.file_name },
              { key: 'applied', label: t('finance.budget.col.applied'), numeric: true, render: (i) => String(i.rows_applied) },
              { key: 'rejected', label: t('finance.budget.col.rejected'), numeric: true, render: (i) => String(i.rows_rejected) },
            ]} />
          )}
        </>
      )}
    </Shell>
  );
}

export function AmendPage({ ctx, report, form }: { ctx: Ctx; report: BudgetReport; form: FormState }) {
  const t = ctx.t;
  const base = staffBase(ctx);
  const labels: Record<string, string> = { decision_number: t('finance.budget.decisionNumber'), decision_date: t('finance.budget.decisionDate'), note: t('finance.budget.note') };
  const planned = report.lines.filter((l): l is LineFigures & { id: number } => l.id !== null);
  for (const l of planned) labels[`line_${l.id}`] = `${l.economicCode} ${lineName(ctx, l)}`;
  return (
    <Shell ctx={ctx} title={t('finance.budget.amendTitle', { year: report.budget.year })} sub>
      <ErrorSummary form={form} labels={labels} />
      <p>{t('finance.budget.amendIntro')}</p>
      <form method="post" action={`${base}/${report.budget.id}/amend`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="decision_number" label={labels.decision_number!} width="m" required />
        <TextInput form={form} name="decision_date" label={labels.decision_date!} hint={t('finance.budget.dateHint')} width="m" required />
        <TextInput form={form} name="note" label={labels.note!} optional />
        <fieldset class="fieldset">
          <legend>{t('finance.budget.amendLines')}</legend>
          {planned.map((l) => (
            <TextInput form={form} name={`line_${l.id}`} label={labels[`line_${l.id}`]!} width="m" inputMode="numeric" optional
              hint={t('finance.budget.amendLineHint', { part: t(l.part === 'fund' ? 'finance.budget.part.fund' : 'finance.budget.part.administrative'), adjusted: amount(ctx, l.adjusted) })} />
          ))}
        </fieldset>
        <Button>{t('finance.budget.amendButton')}</Button>
      </form>
      <p><a href={`${base}?year=${report.budget.year}`}>{t('finance.budget.back')}</a></p>
    </Shell>
  );
}

export function ExecutionResultPage({ ctx, year, run, problems, repeated }: { ctx: Ctx; year: number; run: { file_name: string; rows_applied: number; rows_rejected: number; created_at: string }; problems: RowProblem[]; repeated: boolean }) {
  const t = ctx.t;
  return (
    <Shell ctx={ctx} title={t('finance.budget.executionResult')} sub>
      {repeated && <Notice tone="info" title={t('finance.budget.repeated')} />}
      <Notice tone={run.rows_rejected ? 'warning' : 'success'} title={t('finance.budget.executionCounts', { applied: run.rows_applied, rejected: run.rows_rejected })} />
      <SummaryList rows={[{ key: t('finance.budget.file'), value: run.file_name }, { key: t('finance.budget.col.when'), value: formatInstant(run.created_at) }]} />
      {problems.length > 0 && <Problems ctx={ctx} problems={problems} caption={t('finance.budget.rejectedRows')} />}
      <p><a href={`${staffBase(ctx)}?year=${year}`}>{t('finance.budget.back')}</a></p>
    </Shell>
  );
}
