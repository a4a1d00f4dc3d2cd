// The applicant's case page and what they can do there: answer a request for more
// information, write to the municipality, withdraw, rate, pay (when a payment connection
// exists), and download the output document (which delivers an approved case online) and
// their own files. Every route answers 404 for anyone but the applicant.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, type RouteDef } from '../../../platform/http/route.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import type { FormState } from '../../../platform/ui/components.tsx';
import { sendPage } from '../../../platform/ui/render.ts';
import { readStoredFile } from '../../../platform/files/store.ts';
import { availableActions } from '../cases/case-rules.ts';
import { addNote, performAction, rateCase } from '../cases/cases.service.ts';
import { documentBytes } from '../documents/documents.service.ts';
import { documentsOfCase } from '../documents/documents.queries.ts';
import { findPublicAttachment, publicAttachments, publicTimeline } from './portal.queries.ts';
import { caseAttachmentParams, caseDocumentParams, caseParams, doneQuery, messageForm, ratingForm, respondForm, withdrawForm } from './portal.schemas.ts';
import { CasePage, infoRequestOf } from './portal-case.views.tsx';
import type { PageNotice } from './portal.views.tsx';
import { errorsForInputs, postedValues } from './portal-form.tsx';
import { applicantAction, doneNotice, loadMine, myCaseForm, portalEnv, refusalOf, sendDownload, statusOf, textValues } from './portal.http.ts';
import { paymentProvider } from '../cases/payments.ts';

export interface CaseRenderOptions {
  form?: Omit<FormState, 't'> | undefined;
  notice?: PageNotice | undefined;
  status?: number | undefined;
}

/** The case page as it is now (after a refusal too: someone may have changed the case). */
export async function renderCase(ctx: Ctx, reply: FastifyReply, caseId: number, opts: CaseRenderOptions = {}) {
  const { c, spec } = await loadMine(ctx, caseId);
  const tenant = ctx.tenant();
  const [events, attachments, documents] = await Promise.all([publicTimeline(tenant, c.id), publicAttachments(tenant, c.id), documentsOfCase(tenant, c.id)]);
  const actions = availableActions(spec, portalEnv(ctx).actor, c);
  const page = h(CasePage, {
    ctx, c, spec, events, attachments, documents, actions,
    // Paying needs a connection and a registration number: the number is the payment reference.
    canPay: c.reg_number !== null && (await paymentProvider(c.community_id, ctx.db)) !== null,
    form: { t: ctx.t, errors: opts.form?.errors ?? {}, values: opts.form?.values ?? {} },
    notice: opts.notice,
  });
  return sendPage(reply, page, opts.status ?? 200);
}

/** Runs a change; a refusal re-renders the case page (400 with errors, 409 with the current state). */
async function change(ctx: Ctx, reply: FastifyReply, caseId: number, body: unknown, done: string, run: () => Promise<unknown>, mapErrors = (e: Record<string, string>) => e) {
  try {
    await run();
  } catch (err) {
    const r = refusalOf(ctx, err);
    const form = r.kind === 'fields' ? { errors: mapErrors(r.fields) as FormState['errors'], values: textValues(body) } : undefined;
    return renderCase(ctx, reply, caseId, { form, notice: r.kind === 'conflict' ? r.notice : undefined, status: statusOf(r) });
  }
  return reply.redirect(`/${ctx.requireCommunity().slug}/cases/${caseId}?done=${done}`, 303);
}

const notNowNotice = (ctx: Ctx): PageNotice => ({ tone: 'warning', title: ctx.t('services.portal.error.notNow') });

export const caseRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/cases/:caseId',
    access: 'citizen',
    kind: 'page',
    idParams: { caseId: 'cases' },
    schema: { params: caseParams, querystring: doneQuery },
    handler: async (req, reply) => renderCase(req.ctx, reply, req.params.caseId, { notice: doneNotice(req.ctx, req.query.done) }),
  }),
  myCaseForm('/:slug/cases/:caseId/respond', async (ctx, { c, spec }, body, reply) => {
    const parsed = parseForm(respondForm, body);
    if (!parsed.ok) return renderCase(ctx, reply, c.id, { form: { errors: parsed.errors, values: textValues(body) }, status: 400 });
    const action = applicantAction(ctx, spec, c, 'resume');
    const request = infoRequestOf(c);
    if (!action || !request) return renderCase(ctx, reply, c.id, { notice: notNowNotice(ctx), status: 409 });
    const formData = request.fields.length ? postedValues(spec, body, request.fields) : undefined;
    return change(ctx, reply, c.id, body, 'responded',
      () => performAction(portalEnv(ctx), c.id, action.key, { expectedVersion: parsed.data.version, formData, message: parsed.data.message }),
      (e) => errorsForInputs(spec, e));
  }),
  myCaseForm('/:slug/cases/:caseId/messages', async (ctx, { c }, body, reply) => {
    const parsed = parseForm(messageForm, body);
    if (!parsed.ok) return renderCase(ctx, reply, c.id, { form: { errors: parsed.errors, values: textValues(body) }, status: 400 });
    if (c.state === 'draft') return renderCase(ctx, reply, c.id, { notice: notNowNotice(ctx), status: 409 });
    return change(ctx, reply, c.id, body, 'message', () => addNote(portalEnv(ctx), c.id, parsed.data.body, { toApplicant: true }));
  }),
  myCaseForm('/:slug/cases/:caseId/withdraw', async (ctx, { c, spec }, body, reply) => {
    const parsed = parseForm(withdrawForm, body);
    if (!parsed.ok) return renderCase(ctx, reply, c.id, { form: { errors: parsed.errors, values: textValues(body) }, status: 400 });
    const action = applicantAction(ctx, spec, c, 'withdraw');
    if (!action) return renderCase(ctx, reply, c.id, { notice: notNowNotice(ctx), status: 409 });
    return change(ctx, reply, c.id, body, 'withdrawn',
      () => performAction(portalEnv(ctx), c.id, action.key, { expectedVersion: parsed.data.version, reason: parsed.data.reason }));
  }),
  myCaseForm('/:slug/cases/:caseId/rating', async (ctx, { c }, body, reply) => {
    const parsed = parseForm(ratingForm, body);
    if (!parsed.ok) return renderCase(ctx, reply, c.id, { form: { errors: parsed.errors, values: textValues(body) }, status: 400 });
    return change(ctx, reply, c.id, body, 'rated', () => rateCase(portalEnv(ctx), c.id, parsed.data.rating, parsed.data.comment));
  }),
  myCaseForm('/:slug/cases/:caseId/pay', async (ctx, { c }, _body, reply) => {
    const provider = await paymentProvider(c.community_id, ctx.db);
    if (!provider || c.reg_number === null) throw notFound();
    if (c.fee_status !== 'due' || c.fee_amount <= 0) return renderCase(ctx, reply, c.id, { notice: notNowNotice(ctx), status: 409 });
    const back = `${ctx.services.config.publicUrl}/${ctx.requireCommunity().slug}/cases/${c.id}`;
    const { redirectUrl } = await provider.startPayment(c.reg_number ?? `#${c.id}`, c.fee_amount, back);
    return reply.redirect(redirectUrl, 303);
  }),
  route({
    method: 'GET',
    url: '/:slug/cases/:caseId/documents/:documentId',
    access: 'citizen',
    kind: 'page',
    idParams: { caseId: 'cases', documentId: 'issued_documents' },
    schema: { params: caseDocumentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { c, spec } = await loadMine(ctx, req.params.caseId);
      const doc = await documentBytes(ctx.tenant(), ctx.services.config.filesDir, req.params.documentId);
      if (!doc || doc.caseId !== c.id) throw notFound();
      // Downloading the approved case's document is its online delivery, when the workflow lets the applicant deliver.
      const deliver = c.decision === 'approved' && doc.status === 'valid' ? applicantAction(ctx, spec, c, 'deliver') : undefined;
      if (deliver) {
        try {
          await performAction(portalEnv(ctx), c.id, deliver.key, { expectedVersion: c.version });
        } catch (err) {
          // Delivered meanwhile by someone else (or a second download at once): the file is still theirs.
          refusalOf(ctx, err);
        }
      }
      return sendDownload(reply, doc.bytes, doc.filename, 'application/pdf');
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/cases/:caseId/attachments/:attachmentId',
    access: 'citizen',
    kind: 'page',
    idParams: { caseId: 'cases', attachmentId: 'case_attachments' },
    schema: { params: caseAttachmentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { c } = await loadMine(ctx, req.params.caseId);
      const a = await findPublicAttachment(ctx.tenant(), c.id, req.params.attachmentId);
      return sendDownload(reply, await readStoredFile(ctx.services.config.filesDir, a.sha256), a.filename, a.mime);
    },
  }),
];
