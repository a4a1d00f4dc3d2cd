// /verify/{code} (anyone, any community: is this paper genuine?) and the staff routes of
// issued documents: the document page, its PDF, and revocation.
import { h } from 'preact';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { AppError, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { localized, todayInYerevan } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { normalizeDocumentCode } from './documents.code.ts';
import { findDocument, findDocumentByCode, type DocumentRow } from './documents.queries.ts';
import { documentBytes, revokeDocument } from './documents.service.ts';
import { DocumentPage, VerifyFormPage, VerifyPage, VerifyUnknownPage } from './documents.views.tsx';

/** Against guessing codes: per address, per minute (the codes themselves carry 50 random bits). */
const VERIFY_LIMIT = { max: 60, timeWindow: '1 minute' };

const codeParams = z.object({ code: z.string().max(64) });
const codeQuery = z.object({ code: z.string().max(64).optional() });
const documentParams = slugParams.extend({ documentId: z.coerce.number().int().positive() });
const revokeForm = z.object({ reason: z.string().trim().min(1, 'field.required').max(1000) });

function can(ctx: Ctx, permission: string): boolean {
  return ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has(permission);
}

/** A document of this community the actor may see; a settlement head sees their settlements' cases only. */
async function visibleDocument(ctx: Ctx, documentId: number): Promise<DocumentRow> {
  const doc = await findDocument(ctx.tenant(), documentId);
  const limited = ctx.actor?.settlementIds ?? null;
  if (!doc || (limited !== null && (doc.settlement_id === null || !limited.includes(doc.settlement_id)))) throw notFound();
  return doc;
}

function renderDocument(ctx: Ctx, reply: FastifyReply, doc: DocumentRow, values: Record<string, string> = {}, errors: FieldErrors = {}) {
  const form = { t: ctx.t, values, errors };
  return sendPage(reply, h(DocumentPage, { ctx, doc, canRevoke: can(ctx, 'services.documents_revoke'), form }), Object.keys(errors).length ? 400 : 200);
}

export const verifyRoutes = [
  route({
    method: 'GET',
    url: '/verify',
    access: 'public',
    kind: 'page',
    rateLimit: VERIFY_LIMIT,
    schema: { querystring: codeQuery },
    handler: async (req, reply) => {
      const typed = req.query.code;
      if (typed === undefined || typed.trim() === '') return sendPage(reply, h(VerifyFormPage, { ctx: req.ctx, values: {}, errors: {} }));
      const code = normalizeDocumentCode(typed);
      if (!code) return sendPage(reply, h(VerifyFormPage, { ctx: req.ctx, values: { code: typed }, errors: { code: 'services.documents.verify.badCode' } }), 400);
      return reply.redirect(`/verify/${code}`, 303);
    },
  }),
  route({
    method: 'GET',
    url: '/verify/:code',
    access: 'public',
    kind: 'page',
    rateLimit: VERIFY_LIMIT,
    schema: { params: codeParams },
    handler: async (req, reply) => {
      const code = normalizeDocumentCode(req.params.code);
      const doc = code ? await findDocumentByCode(req.ctx.db, code) : null;
      // The page names a person: keep it out of search engines.
      reply.header('x-robots-tag', 'noindex');
      if (!doc) return sendPage(reply, h(VerifyUnknownPage, { ctx: req.ctx, typed: req.params.code }), 404);
      return sendPage(reply, h(VerifyPage, { ctx: req.ctx, doc }));
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/verify/:code',
    access: 'public',
    kind: 'api',
    rateLimit: VERIFY_LIMIT,
    schema: {
      summary: 'Verify an issued document by its printed code',
      description: 'Answers only what /verify shows: issuer, date, kind, title, subject as printed, and whether the document is valid.',
      tags: ['services'],
      params: codeParams,
      response: {
        200: z.object({
          valid: z.boolean(),
          status: z.enum(['valid', 'revoked']),
          code: z.string(),
          issuer: z.string(),
          issuedOn: z.string(),
          revokedOn: z.string().nullable(),
          kind: z.string(),
          title: z.string(),
          subject: z.string(),
        }),
      },
    },
    handler: async (req) => {
      const code = normalizeDocumentCode(req.params.code);
      const doc = code ? await findDocumentByCode(req.ctx.db, code) : null;
      if (!doc) throw notFound();
      return {
        valid: doc.status === 'valid',
        status: doc.status,
        code: doc.code,
        issuer: req.ctx.t('services.documents.communityName', { name: localized(doc, 'name', req.ctx.locale) }),
        issuedOn: todayInYerevan(new Date(doc.issued_at)),
        revokedOn: doc.revoked_at ? todayInYerevan(new Date(doc.revoked_at)) : null,
        kind: doc.kind,
        title: doc.title,
        subject: doc.subject,
      };
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/documents/:documentId',
    access: 'staff:services.cases_view',
    kind: 'page',
    idParams: { documentId: 'issued_documents' },
    schema: { params: documentParams },
    handler: async (req, reply) => renderDocument(req.ctx, reply, await visibleDocument(req.ctx, req.params.documentId)),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/documents/:documentId/pdf',
    access: 'staff:services.cases_view',
    kind: 'page',
    idParams: { documentId: 'issued_documents' },
    schema: { params: documentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const doc = await visibleDocument(ctx, req.params.documentId);
      const file = await documentBytes(ctx.tenant(), ctx.services.config.filesDir, doc.id);
      if (!file) throw notFound();
      // Certificates carry register data (PSN, birth date): a staff download is a read of personal data.
      await ctx.tenant().transaction((_scoped, raw) =>
        appendAudit(raw, ctx.auditActor(), { communityId: ctx.requireCommunity().id, action: 'services.document.download', entityType: 'issued_document', entityId: doc.id }),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/documents/:documentId/revoke',
    access: 'staff:services.documents_revoke',
    kind: 'form',
    idParams: { documentId: 'issued_documents' },
    schema: { params: documentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const doc = await visibleDocument(ctx, req.params.documentId);
      const parsed = parseForm(revokeForm, req.body);
      if (!parsed.ok) return renderDocument(ctx, reply, doc, parsed.values, parsed.errors);
      try {
        await revokeDocument(ctx.tenant(), ctx.auditActor(), doc.id, parsed.data.reason);
      } catch (err) {
        // Revoked meanwhile by someone else: show the page as it is now, with the reason why not.
        if (err instanceof AppError && err.status === 409) return renderDocument(ctx, reply, (await findDocument(ctx.tenant(), doc.id)) ?? doc, { reason: parsed.data.reason }, err.fields);
        throw err;
      }
      const slug = ctx.requireCommunity().slug;
      return reply.redirect(doc.case_id !== null ? `/${slug}/staff/cases/${doc.case_id}` : `/${slug}/staff/documents/${doc.id}`, 303);
    },
  }),
];
