// Pages of the statements: upload with the recent imports, and an import's report.
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatAmd, formatDay, formatInstant } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Field, Notice, Select, SummaryList, Table, Tag, fieldId, type FormState, type Tone,
} from '../../../platform/ui/components.tsx';
import { MAPPINGS, SOURCES } from './mappings.ts';
import type { LineRow } from './queue.service.ts';
import type { FinStmtImportsTable, StatementLineStatus } from './statements.table.ts';
import type { Selectable } from 'kysely';

export type ImportRow = Selectable<FinStmtImportsTable>;

export const statementsBase = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/finance/statements`;

export function Shell({ ctx, title, crumb, children }: { ctx: Ctx; title: string; crumb?: boolean; children: ComponentChildren }) {
  const base = statementsBase(ctx);
  const crumbs = crumb ? [{ href: base, label: ctx.t('finance.statements.title') }, { label: title }] : [{ label: title }];
  return (
    <StaffLayout ctx={ctx} title={title} path={base} crumbs={crumbs}>
      <h1>{title}</h1>
      {children}
    </StaffLayout>
  );
}

const STATUS_TONE: Record<StatementLineStatus, Tone> = { matched: 'green', unmatched: 'yellow', rejected: 'red', ignored: 'grey' };

export const sourceLabel = (ctx: Ctx, source: string) => ((SOURCES as readonly string[]).includes(source) ? ctx.t(MAPPINGS[source as keyof typeof MAPPINGS].label) : source);

export function StatusTag({ ctx, status }: { ctx: Ctx; status: StatementLineStatus }) {
  return <Tag tone={STATUS_TONE[status]}>{ctx.t(`finance.statements.status.${status}`)}</Tag>;
}

/** Every reason of a line, translated with its parameters. */
export function reasonsText(ctx: Ctx, line: Pick<LineRow, 'reasons'>): string {
  const list = JSON.parse(line.reasons) as { reason: MessageKey; params?: Record<string, string> }[];
  return list.map((p) => ctx.t(p.reason, p.params)).join('; ');
}

export function UploadPage({ ctx, form, problem, imports, waiting }: { ctx: Ctx; form: FormState; problem?: string; imports: ImportRow[]; waiting: number }) {
  const t = ctx.t;
  const base = statementsBase(ctx);
  const labels = { source: t('finance.statements.source'), file: t('finance.statements.file') };
  const error = form.errors?.file;
  const columns = [
    { key: 'file', label: t('finance.statements.col.file'), render: (r: ImportRow) => <a href={`${base}/imports/${r.id}`}>{r.file_name}</a> },
    { key: 'source', label: t('finance.statements.source'), render: (r: ImportRow) => sourceLabel(ctx, r.source) },
    { key: 'when', label: t('finance.statements.col.when'), render: (r: ImportRow) => formatInstant(r.created_at) },
    { key: 'matched', label: t('finance.statements.col.matched'), numeric: true, render: (r: ImportRow) => String(r.matched_count) },
    { key: 'unmatched', label: t('finance.statements.col.unmatched'), numeric: true, render: (r: ImportRow) => String(r.unmatched_count) },
    { key: 'rejected', label: t('finance.statements.col.rejected'), numeric: true, render: (r: ImportRow) => String(r.rejected_count) },
  ];
  return (
    <Shell ctx={ctx} title={t('finance.statements.title')}>
      <ErrorSummary form={form} labels={labels} />
      {problem && <Notice tone="warning" title={problem} />}
      <p>{t('finance.statements.intro')}</p>
      <p><a href={`${base}/queue`}>{t('finance.statements.queueLink', { count: waiting })}</a></p>
      <form method="post" action={base} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select form={form} name="source" label={labels.source} required placeholder={t('ui.choose')} hint={t('finance.statements.toCheck')}
          options={SOURCES.map((s) => ({ value: s, label: t(MAPPINGS[s].label) }))} />
        <Field form={form} name="file" label={labels.file} hint={t('finance.statements.fileHint')}>
          <input class="file-upload" type="file" id={fieldId('file')} name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={[`${fieldId('file')}-hint`, error ? `${fieldId('file')}-error` : ''].filter(Boolean).join(' ')} aria-invalid={error ? 'true' : undefined} />
        </Field>
        <Button>{t('finance.statements.upload')}</Button>
      </form>
      <p class="hint">{t('finance.statements.docs')}</p>
      <Table t={t} caption={t('finance.statements.recent')} columns={columns} rows={imports} />
    </Shell>
  );
}

/** The columns of a list of lines; `open` adds the link to match a waiting line. */
export function lineColumns(ctx: Ctx, open: boolean) {
  const t = ctx.t;
  const base = statementsBase(ctx);
  return [
    { key: 'line', label: t('finance.statements.col.line'), numeric: true, render: (r: LineRow) => String(r.line_no) },
    { key: 'date', label: t('finance.statements.col.date'), render: (r: LineRow) => (r.paid_on ? formatDay(r.paid_on) : '') },
    { key: 'amount', label: t('finance.statements.col.amount'), numeric: true, render: (r: LineRow) => (r.amount === null ? '' : formatAmd(r.amount)) },
    { key: 'payer', label: t('finance.statements.col.payer'), render: (r: LineRow) => r.payer_name ?? '' },
    { key: 'id', label: t('finance.statements.col.identifier'), render: (r: LineRow) => r.payer_identifier ?? '' },
    { key: 'purpose', label: t('finance.statements.col.purpose'), render: (r: LineRow) => r.purpose ?? '' },
    { key: 'status', label: t('finance.statements.col.status'), render: (r: LineRow) => <StatusTag ctx={ctx} status={r.status} /> },
    { key: 'reason', label: t('finance.statements.col.reason'), render: (r: LineRow) => reasonsText(ctx, r) },
    ...(open ? [{ key: 'open', label: t('finance.statements.queue.open'), render: (r: LineRow) => (r.status === 'unmatched'
      ? <a href={`${base}/lines/${r.id}`}>{t('finance.statements.queue.open')}<span class="visually-hidden"> {t('finance.statements.line.title', { line: r.line_no })}</span></a> : '') }] : []),
  ];
}

export function ReportPage({ ctx, imp, lines, repeated }: { ctx: Ctx; imp: ImportRow; lines: LineRow[]; repeated: boolean }) {
  const t = ctx.t;
  const counts = { lines: imp.line_count, matched: imp.matched_count, unmatched: imp.unmatched_count, rejected: imp.rejected_count, duplicates: imp.duplicate_count };
  return (
    <Shell ctx={ctx} title={t('finance.statements.report.title')} crumb>
      {repeated && <Notice tone="info" title={t('finance.statements.report.repeated')} />}
      <Notice tone={imp.rejected_count || imp.unmatched_count ? 'warning' : 'success'} title={t('finance.statements.report.counts', counts)} />
      <SummaryList rows={[
        { key: t('finance.statements.col.file'), value: imp.file_name },
        { key: t('finance.statements.source'), value: sourceLabel(ctx, imp.source) },
        { key: t('finance.statements.col.when'), value: formatInstant(imp.created_at) },
      ]} />
      <Table t={t} caption={t('finance.statements.report.lines')} columns={lineColumns(ctx, true)} rows={lines} stack />
      <ButtonLink href={`${statementsBase(ctx)}/queue`}>{t('finance.statements.queue.title')}</ButtonLink>
    </Shell>
  );
}
