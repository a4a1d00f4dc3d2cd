// Pages of the staff import: choose a register and a file, preview, result.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatInstant } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Field, Notice, Select, SummaryList, Table, Tag, fieldId, type FormState,
} from '../../../platform/ui/components.tsx';
import { REGISTERS, type Register } from './types.ts';
import type { Preview, PreviewRow } from './import.service.ts';

export const REGISTER_LABELS: Record<Register, MessageKey> = {
  residents: 'registry.import.reg.residents',
  households: 'registry.import.reg.households',
  parcels: 'registry.import.reg.parcels',
  buildings: 'registry.import.reg.buildings',
  ownership: 'registry.import.reg.ownership',
  organizations: 'registry.import.reg.organizations',
};

const base = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/registry/import`;

function Shell({ ctx, title, children, sub }: { ctx: Ctx; title: string; children: preact.ComponentChildren; sub?: boolean }) {
  const crumbs = sub ? [{ href: base(ctx), label: ctx.t('registry.import.title') }, { label: title }] : [{ label: title }];
  return (
    <StaffLayout ctx={ctx} title={title} path={base(ctx)} crumbs={crumbs}>
      <h1>{title}</h1>
      {children}
    </StaffLayout>
  );
}

export function UploadPage({ ctx, form, problem }: { ctx: Ctx; form: FormState; problem?: string }) {
  const t = ctx.t;
  const labels = { register: t('registry.import.register'), file: t('registry.import.file') };
  const error = form.errors?.file;
  return (
    <Shell ctx={ctx} title={t('registry.import.title')}>
      <ErrorSummary form={form} labels={labels} />
      {problem && <Notice tone="warning" title={problem} />}
      <p>{t('registry.import.intro')}</p>
      <form method="post" action={base(ctx)} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select form={form} name="register" label={labels.register} required placeholder={t('ui.choose')}
          options={REGISTERS.map((r) => ({ value: r, label: t(REGISTER_LABELS[r]) }))} />
        <Field form={form} name="file" label={labels.file} hint={t('registry.import.fileHint')}>
          <input class="file-upload" type="file" id={fieldId('file')} name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={[`${fieldId('file')}-hint`, error ? `${fieldId('file')}-error` : ''].filter(Boolean).join(' ')} aria-invalid={error ? 'true' : undefined} />
        </Field>
        <Button>{t('registry.import.preview')}</Button>
      </form>
    </Shell>
  );
}

export function PreviewPage({ ctx, register, sha256, fileName, preview }: { ctx: Ctx; register: Register; sha256: string; fileName: string; preview: Preview }) {
  const t = ctx.t;
  const columns = [
    { key: 'line', label: t('registry.import.col.line'), numeric: true, render: (r: PreviewRow) => String(r.line) },
    { key: 'status', label: t('registry.import.col.status'), render: (r: PreviewRow) => r.errors.length
      ? <Tag tone="red">{t('registry.import.status.rejected')}</Tag> : <Tag tone="green">{t('registry.import.status.ok')}</Tag> },
    ...preview.columns.map((c, i) => ({ key: c, label: c, render: (r: PreviewRow) => r.cells[i] ?? '' })),
    { key: 'problems', label: t('registry.import.col.problems'), render: (r: PreviewRow) => r.errors.map((e) => `${e.column}: ${t(e.reason)}`).join('; ') },
  ];
  return (
    <Shell ctx={ctx} title={t('registry.import.previewTitle')} sub>
      <SummaryList rows={[
        { key: t('registry.import.register'), value: t(REGISTER_LABELS[register]) },
        { key: t('registry.import.file'), value: fileName },
      ]} />
      <p>{t('registry.import.counts', { total: preview.total, valid: preview.valid, rejected: preview.rejected })}</p>
      <Table t={t} caption={t('registry.import.previewCaption')} columns={columns} rows={preview.rows} />
      <form method="post" action={`${base(ctx)}/confirm`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="register" value={register} />
        <input type="hidden" name="sha256" value={sha256} />
        <input type="hidden" name="file_name" value={fileName} />
        <Button>{t('registry.import.confirm')}</Button>
      </form>
      <p><a href={base(ctx)}>{t('registry.import.cancel')}</a></p>
    </Shell>
  );
}

export interface RunView {
  id: number;
  register: string;
  file_name: string;
  imported: number;
  unchanged: number;
  rejected: number;
  report_path: string | null;
  created_at: string;
}

export function ResultPage({ ctx, run }: { ctx: Ctx; run: RunView }) {
  const t = ctx.t;
  const label = (REGISTERS as readonly string[]).includes(run.register) ? t(REGISTER_LABELS[run.register as Register]) : run.register;
  return (
    <Shell ctx={ctx} title={t('registry.import.resultTitle')} sub>
      <Notice tone={run.rejected ? 'warning' : 'success'} title={t('registry.import.result', { imported: run.imported, unchanged: run.unchanged, rejected: run.rejected })} />
      <SummaryList rows={[
        { key: t('registry.import.register'), value: label },
        { key: t('registry.import.file'), value: run.file_name },
        { key: t('registry.import.when'), value: formatInstant(run.created_at) },
      ]} />
      {run.report_path && <p><a href={`${base(ctx)}/runs/${run.id}/report`} download>{t('registry.import.report')}</a></p>}
      <ButtonLink href={base(ctx)}>{t('registry.import.again')}</ButtonLink>
    </Shell>
  );
}
