// Pages of output documents: the public /verify page (only the facts printed on the paper
// and whether the document is valid), its "code not known" page and code form, and the
// staff page of one issued document with its download link and the revoke form.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatInstant, localized, todayInYerevan, type MessageKey } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, CsrfField, ErrorSummary, Notice, SummaryList, Tag, Textarea, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import type { DocumentRow, VerifiedDocument } from './documents.queries.ts';

export const kindLabel = (ctx: Ctx, kind: string) => ctx.t(`services.documents.kind.${kind}` as MessageKey);
const day = (iso: string) => formatDay(todayInYerevan(new Date(iso)));

/** The code form: GET /verify?code=…, for people who type the code from the paper. */
function CodeForm({ ctx, form }: { ctx: Ctx; form: FormState }) {
  const { t } = ctx;
  return (
    <form method="get" action="/verify" class="verify-form" novalidate>
      <TextInput form={form} name="code" label={t('services.documents.verify.code')} hint={t('services.documents.verify.codeHint')} width="m" autocomplete="off" spellcheck={false} />
      <Button>{t('services.documents.verify.check')}</Button>
    </form>
  );
}

export function VerifyFormPage({ ctx, values, errors }: { ctx: Ctx; values: Record<string, string>; errors: FormState['errors'] }) {
  const { t } = ctx;
  const title = t('services.documents.verify.title');
  const form: FormState = { t, values, errors: errors ?? {} };
  return (
    <Layout ctx={ctx} title={title} path="/verify">
      <ErrorSummary form={form} labels={{ code: t('services.documents.verify.code') }} />
      <h1>{title}</h1>
      <CodeForm ctx={ctx} form={form} />
    </Layout>
  );
}

export function VerifyPage({ ctx, doc }: { ctx: Ctx; doc: VerifiedDocument }) {
  const { t } = ctx;
  const title = t('services.documents.verify.title');
  const valid = doc.status === 'valid';
  const rows = [
    { key: t('services.documents.verify.code'), value: <code>{doc.code}</code> },
    { key: t('services.documents.verify.status'), value: valid ? <Tag tone="green">{t('services.documents.verify.valid')}</Tag> : <Tag tone="red">{t('services.documents.verify.revoked')}</Tag> },
    ...(doc.revoked_at ? [{ key: t('services.documents.verify.revokedOn'), value: day(doc.revoked_at) }] : []),
    { key: t('services.documents.verify.issuer'), value: t('services.documents.communityName', { name: localized(doc, 'name', ctx.locale) }) },
    { key: t('services.documents.verify.issuedOn'), value: day(doc.issued_at) },
    { key: t('services.documents.verify.kind'), value: kindLabel(ctx, doc.kind) },
    // Printed in Armenian on the paper, so shown as printed.
    { key: t('services.documents.verify.docTitle'), value: <span lang="hy">{doc.title}</span> },
    { key: t('services.documents.verify.subject'), value: <span lang="hy">{doc.subject}</span> },
  ];
  return (
    <Layout ctx={ctx} title={title} path={`/verify/${doc.code}`}>
      <h1>{title}</h1>
      {valid ? (
        <Notice tone="success" title={t('services.documents.verify.valid')}>{t('services.documents.verify.validNotice')}</Notice>
      ) : (
        <Notice tone="warning" title={t('services.documents.verify.revoked')}>{t('services.documents.verify.revokedNotice')}</Notice>
      )}
      <p>{t('services.documents.verify.intro')}</p>
      <SummaryList rows={rows} />
      <p><a href="/verify">{t('services.documents.verify.another')}</a></p>
    </Layout>
  );
}

export function VerifyUnknownPage({ ctx, typed }: { ctx: Ctx; typed: string }) {
  const { t } = ctx;
  const title = t('services.documents.verify.unknownTitle');
  return (
    <Layout ctx={ctx} title={title} path="/verify">
      <h1>{title}</h1>
      <p>{t('services.documents.verify.unknownBody')}</p>
      <h2>{t('services.documents.verify.another')}</h2>
      <CodeForm ctx={ctx} form={{ t, values: { code: typed } }} />
    </Layout>
  );
}

export interface DocumentPageProps {
  ctx: Ctx;
  doc: DocumentRow;
  canRevoke: boolean;
  form?: FormState;
}

/** One issued document for staff: the facts, the PDF, the public page, and revocation. */
export function DocumentPage({ ctx, doc, canRevoke, form }: DocumentPageProps) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const path = `/${slug}/staff/documents/${doc.id}`;
  const caseHref = doc.case_id !== null ? `/${slug}/staff/cases/${doc.case_id}` : null;
  const title = `${kindLabel(ctx, doc.kind)} ${doc.code}`;
  const state: FormState = form ?? { t, values: {}, errors: {} };
  const rows = [
    { key: t('services.documents.verify.status'), value: doc.status === 'valid' ? <Tag tone="green">{t('services.documents.verify.valid')}</Tag> : <Tag tone="red">{t('services.documents.verify.revoked')}</Tag> },
    ...(doc.revoked_at ? [{ key: t('services.documents.verify.revokedOn'), value: formatInstant(doc.revoked_at) }, { key: t('services.documents.staff.revokeReason'), value: doc.revoke_reason ?? '' }] : []),
    { key: t('services.documents.verify.code'), value: <code>{doc.code}</code> },
    { key: t('services.documents.verify.kind'), value: kindLabel(ctx, doc.kind) },
    { key: t('services.documents.verify.docTitle'), value: <span lang="hy">{doc.title}</span> },
    { key: t('services.documents.verify.subject'), value: <span lang="hy">{doc.subject}</span> },
    { key: t('services.documents.staff.issuerName'), value: <span lang="hy">{doc.issuer_name}</span> },
    { key: t('services.documents.verify.issuedOn'), value: formatInstant(doc.issued_at) },
    ...(caseHref ? [{ key: t('services.documents.staff.case'), value: <a href={caseHref}>{doc.reg_number ?? `#${doc.case_id}`}</a> }] : []),
  ];
  const crumbs = caseHref ? [{ href: caseHref, label: `${t('services.documents.staff.case')} ${doc.reg_number ?? `#${doc.case_id}`}` }, { label: doc.code }] : [{ label: doc.code }];
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={crumbs}>
      <ErrorSummary form={state} labels={{ reason: t('services.documents.staff.revokeReason') }} />
      <span class="muted">{t('services.documents.staff.title')}</span>
      <h1>{title}</h1>
      <p>
        <ButtonLink href={`${path}/pdf`}>{t('services.documents.staff.download')}</ButtonLink>{' '}
        <a href={`/verify/${doc.code}`}>{t('services.documents.staff.verifyPage')}</a>
      </p>
      <SummaryList rows={rows} />
      {canRevoke && doc.status === 'valid' && (
        <section aria-labelledby="revoke-title">
          <h2 id="revoke-title">{t('services.documents.staff.revokeTitle')}</h2>
          <form method="post" action={`${path}/revoke`}>
            <CsrfField token={ctx.csrfToken} />
            <Textarea form={state} name="reason" label={t('services.documents.staff.revokeReason')} hint={t('services.documents.staff.revokeHint')} rows={3} />
            <Button variant="warning">{t('services.documents.staff.revokeSubmit')}</Button>
          </form>
        </section>
      )}
    </StaffLayout>
  );
}
