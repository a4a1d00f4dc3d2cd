// One upload form per document of the service (the draft's documents step, and the
// documents named in a request for more information), with the files already attached.
// Plain multipart forms to POST /:slug/cases/:caseId/attachments: no JavaScript needed.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { Button, CsrfField, fieldId, type FormState } from '../../../platform/ui/components.tsx';
import type { CaseRow } from '../cases/case-env.ts';
import { pick, type DocumentSpec } from '../catalogue/spec.ts';
import type { PublicAttachment } from './portal.queries.ts';

const ACCEPT: Record<string, string> = { pdf: '.pdf,application/pdf', jpeg: '.jpg,.jpeg,image/jpeg', png: '.png,image/png' };
const TYPE_NAMES: Record<string, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' };

export function sizeText(ctx: Ctx, bytes: number): string {
  return bytes >= 1024 * 1024
    ? ctx.t('files.size.mb', { size: formatNumber(bytes / 1024 / 1024, ctx.locale, { decimals: 1 }) })
    : ctx.t('files.size.kb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024)), ctx.locale) });
}

export function FileLinks({ ctx, c, files }: { ctx: Ctx; c: CaseRow; files: PublicAttachment[] }) {
  if (files.length === 0) return null;
  const base = `/${ctx.requireCommunity().slug}/cases/${c.id}/attachments`;
  return (
    <ul>
      {files.map((a) => <li><a href={`${base}/${a.id}`}>{a.filename}</a> <span class="muted">({sizeText(ctx, a.size)})</span></li>)}
    </ul>
  );
}

function UploadForm({ ctx, c, name, documentKey, label, types, form }: {
  ctx: Ctx; c: CaseRow; name: string; documentKey: string | null; label: string; types: readonly string[]; form: FormState;
}) {
  const { t } = ctx;
  const error = form.errors?.[name];
  const id = fieldId(name);
  return (
    <form method="post" action={`/${ctx.requireCommunity().slug}/cases/${c.id}/attachments`} enctype="multipart/form-data" class="upload-form">
      <CsrfField token={ctx.csrfToken} />
      {documentKey && <input type="hidden" name="document_key" value={documentKey} />}
      <div class={error ? 'field field-error' : 'field'}>
        <label class="label" for={id}>{t('services.portal.upload.choose')}<span class="visually-hidden">: {label}</span></label>
        {error && <p class="error-message" id={`${id}-error`}><span class="visually-hidden">{t('ui.errorPrefix')} </span>{t(error)}</p>}
        <input type="file" id={id} name="file" accept={types.map((x) => ACCEPT[x]).join(',')} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? 'true' : undefined} />
      </div>
      <Button variant="secondary">{t('services.portal.upload.button')}<span class="visually-hidden">: {label}</span></Button>
    </form>
  );
}

/** The error-summary labels of DocumentUploads' forms: each upload is named by its document. */
export function uploadLabels(ctx: Ctx, documents: DocumentSpec[], others = true): Record<string, string> {
  return {
    ...Object.fromEntries(documents.map((d) => [`document_${d.key}`, pick(d.label, ctx.locale)])),
    ...(others ? { document_other: ctx.t('services.portal.upload.other') } : {}),
  };
}

export function DocumentUploads({ ctx, c, documents, attachments, form, others = true }: {
  ctx: Ctx; c: CaseRow; documents: DocumentSpec[]; attachments: PublicAttachment[]; form: FormState; others?: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      {documents.map((d) => {
        const label = pick(d.label, ctx.locale);
        const headId = `doc-${d.key}`;
        return (
          <section class="card upload" aria-labelledby={headId}>
            <h3 id={headId}>{label}{!d.required && <span class="muted"> {t('ui.optional')}</span>}</h3>
            <p class="hint">{t('services.portal.upload.limits', { types: d.types.map((x) => TYPE_NAMES[x]).join(', '), size: d.maxMb })}</p>
            <FileLinks ctx={ctx} c={c} files={attachments.filter((a) => a.document_key === d.key)} />
            <UploadForm ctx={ctx} c={c} name={`document_${d.key}`} documentKey={d.key} label={label} types={d.types} form={form} />
          </section>
        );
      })}
      {others && (
        <section class="card upload" aria-labelledby="doc-other">
          <h3 id="doc-other">{t('services.portal.upload.other')}<span class="muted"> {t('ui.optional')}</span></h3>
          <p class="hint">{t('services.portal.upload.limits', { types: 'PDF, JPEG, PNG', size: 10 })}</p>
          <FileLinks ctx={ctx} c={c} files={attachments.filter((a) => a.document_key === null && a.uploaded_by_user_id === c.applicant_user_id)} />
          <UploadForm ctx={ctx} c={c} name="document_other" documentKey={null} label={t('services.portal.upload.other')} types={['pdf', 'jpeg', 'png']} form={form} />
        </section>
      )}
    </>
  );
}
