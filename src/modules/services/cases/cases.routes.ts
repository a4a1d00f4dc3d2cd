// The staff inbox, the case page and workflow actions (and the inbox as JSON). Thin:
// parse, call the engine, render or redirect. A refused change re-renders the case page:
// 400 with the form's errors, 409 with "someone else changed this case" and its current state.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { withUpload, route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { AppError, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { readStoredFile } from '../../../platform/files/store.ts';
import { pick } from '../catalogue/spec.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { caseEnv } from './case-env.ts';
import { actionOf, availableActions } from './case-rules.ts';
import { addNote, loadCaseFor, performAction, setFeeStatus } from './cases.service.ts';
import { attachFile } from './case-attachments.ts';
import { sendDownload } from '../portal/portal.http.ts';
import {
  INBOX_PAGE_SIZE, actForm, actionInputs, apiInbox, apiInboxQuery, attachmentParams, caseParams, casePageQuery, feeForm, inboxQuery, inputsOf, noteForm, uploadForm,
  type InboxFilters, type InboxQuery,
} from './cases.schemas.ts';
import { inboxDates, listInbox } from './cases.queries.ts';
import { casePageData, findAttachment } from './case-page.queries.ts';
import { InboxPage } from './inbox.views.tsx';
import { CasePage, type CasePageProps } from './case-page.views.tsx';
import type { FailedForm } from './case-actions.views.tsx';
import { ATTACHMENT_UPLOAD } from './case-attachments.ts';

export function can(ctx: Ctx, permission: string): boolean {
  return ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has(permission);
}

function filtersOf(ctx: Ctx, q: InboxQuery): InboxFilters {
  return { view: q.view ?? 'open', serviceId: q.service, state: q.state, q: q.q, page: q.page ?? 1, userId: ctx.actor?.userId ?? null };
}

async function inbox(ctx: Ctx, q: InboxQuery) {
  const filters = filtersOf(ctx, q);
  const data = await listInbox(ctx.tenant(), ctx.actor?.settlementIds ?? null, filters, await inboxDates(ctx.db));
  return { filters, data };
}

export interface RenderOptions {
  status?: number;
  done?: string | undefined;
  conflict?: CasePageProps['conflict'];
  failed?: FailedForm;
  /** A page view by staff: the applicant's personal data was shown (audited). */
  audit?: boolean;
}

/** The case page as this person may see it (404 when they may not). */
export async function renderCase(ctx: Ctx, reply: FastifyReply, caseId: number, opts: RenderOptions = {}) {
  const env = caseEnv(ctx);
  const { c, spec } = await loadCaseFor(env, env.tenant, caseId);
  if (opts.audit) {
    await env.tenant.transaction((_tx, raw) => appendAudit(raw, ctx.auditActor(), { communityId: env.community.id, action: 'case.view', entityType: 'case', entityId: c.id, after: { via: 'page' } }));
  }
  const data = await casePageData(env.tenant, c);
  const page = h(CasePage, {
    ctx, c, spec, data, actions: availableActions(spec, env.actor, c), dates: await inboxDates(ctx.db),
    canWork: can(ctx, 'services.cases_work'), deskFile: c.state === 'draft' && can(ctx, 'services.desk'),
    done: opts.done, conflict: opts.conflict, failed: opts.failed,
  });
  return sendPage(reply, page, opts.status ?? 200);
}

/** Posted strings (checkbox lists joined by commas) to put back into a refused form. */
export function postedText(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join(',');
  }
  return out;
}

/**
 * Shows a refused change on the case page: field errors (400) on the form they came from
 * (`prefix` maps the engine's names to the form's), a changed case or an action that no
 * longer fits (409) as a notice above the current state. Anything else propagates.
 */
export async function refused(ctx: Ctx, reply: FastifyReply, caseId: number, which: string, body: unknown, err: unknown, prefix = '') {
  if (!(err instanceof AppError)) throw err;
  if (err.status === 400) {
    const errors: FieldErrors = {};
    for (const [k, v] of Object.entries(err.fields)) errors[`${prefix}${k}`] = v;
    if (Object.keys(errors).length === 0) errors[`${prefix}_form`] = err.messageKey;
    return renderCase(ctx, reply, caseId, { status: 400, failed: { which, form: { t: ctx.t, errors, values: postedText(body) } } });
  }
  if (err.status === 409) return renderCase(ctx, reply, caseId, { status: 409, conflict: err.code === 'case_changed' ? 'changed' : 'notNow' });
  throw err;
}

/** A form posted to a case: the case is loaded first, so another community's id is 404 before anything else. */
function caseForm(url: string, run: (ctx: Ctx, reply: FastifyReply, caseId: number, body: unknown) => Promise<unknown>): RouteDef {
  return route({
    method: 'POST',
    url,
    access: 'staff:services.cases_work',
    kind: 'form',
    idParams: { caseId: 'cases' },
    schema: { params: caseParams },
    handler: async (req, reply) => {
      const env = caseEnv(req.ctx);
      await loadCaseFor(env, env.tenant, req.params.caseId);
      return run(req.ctx, reply, req.params.caseId, req.body);
    },
  });
}

const done = (ctx: Ctx, caseId: number, what: string, reply: FastifyReply) => reply.redirect(`/${ctx.requireCommunity().slug}/staff/cases/${caseId}?done=${what}`, 303);

export const caseRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/staff/cases',
    access: 'staff:services.cases_view',
    kind: 'page',
    schema: { params: slugParams, querystring: inboxQuery },
    handler: async (req, reply) => {
      const { filters, data } = await inbox(req.ctx, req.query);
      return sendPage(reply, h(InboxPage, { ctx: req.ctx, view: filters.view, query: req.query, data, canDesk: can(req.ctx, 'services.desk') }));
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/communities/:slug/cases',
    access: 'staff:services.cases_view',
    kind: 'api',
    schema: {
      summary: 'The staff inbox: cases of one view (mine, unassigned, open, overdue, at_risk, submitted, closed, all), 25 a page, with the count of every view (counts stop at 1001)',
      tags: ['services'],
      params: slugParams,
      querystring: apiInboxQuery,
      response: { 200: apiInbox },
    },
    handler: async (req) => {
      const { filters, data } = await inbox(req.ctx, req.query);
      const { locale } = req.ctx;
      return {
        view: filters.view, page: data.page, pageSize: INBOX_PAGE_SIZE, total: data.total, counts: data.counts,
        items: data.items.map((r) => ({
          id: r.id, number: r.reg_number, serviceId: r.service_id, service: pick(r.serviceName, locale), state: r.state, stateLabel: pick(r.stateLabel, locale),
          applicantName: r.applicant_name, assigneeUserId: r.assignee_user_id, assignee: r.assignee_name, dueDate: r.due_date,
          overdue: r.overdue, atRisk: r.atRisk, paused: r.paused_at !== null, updatedAt: r.updated_at,
        })),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/cases/:caseId',
    access: 'staff:services.cases_view',
    kind: 'page',
    idParams: { caseId: 'cases' },
    schema: { params: caseParams, querystring: casePageQuery },
    handler: async (req, reply) => renderCase(req.ctx, reply, req.params.caseId, { audit: true, done: req.query.done }),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/cases/:caseId/attachments/:attachmentId',
    access: 'staff:services.cases_view',
    kind: 'page',
    idParams: { caseId: 'cases', attachmentId: 'case_attachments' },
    schema: { params: attachmentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const env = caseEnv(ctx);
      const { c } = await loadCaseFor(env, env.tenant, req.params.caseId);
      const a = await findAttachment(env.tenant, c.id, req.params.attachmentId);
      if (!a) throw notFound();
      // The applicant's scans are personal data: reading one is audited like a register read.
      await env.tenant.transaction((_tx, raw) => appendAudit(raw, ctx.auditActor(), { communityId: env.community.id, action: 'case.attachment_view', entityType: 'case', entityId: c.id, after: { attachment: a.id } }));
      return sendDownload(reply, await readStoredFile(ctx.services.config.filesDir, a.sha256), a.filename, a.mime);
    },
  }),
  caseForm('/:slug/staff/cases/:caseId/act', async (ctx, reply, caseId, body) => {
    const env = caseEnv(ctx);
    const parsed = parseForm(actForm, body);
    if (!parsed.ok) return renderCase(ctx, reply, caseId, { status: 400, failed: { which: 'page', form: { t: ctx.t, errors: parsed.errors } } });
    const key = parsed.data.action;
    const { spec } = await loadCaseFor(env, env.tenant, caseId);
    if (!actionOf(spec, key)) return renderCase(ctx, reply, caseId, { status: 400, failed: { which: 'page', form: { t: ctx.t, errors: { action: 'services.cases.error.unknownAction' } } } });
    const inputs = parseForm(actionInputs, inputsOf(body, key));
    if (!inputs.ok) {
      const errors: FieldErrors = Object.fromEntries(Object.entries(inputs.errors).map(([k, v]) => [`${key}-${k}`, v]));
      return renderCase(ctx, reply, caseId, { status: 400, failed: { which: key, form: { t: ctx.t, errors, values: postedText(body) } } });
    }
    const i = inputs.data;
    try {
      await performAction(env, caseId, key, {
        expectedVersion: parsed.data.version, assigneeUserId: i.assignee, department: i.department, reason: i.reason, message: i.message, fields: i.fields, documents: i.documents,
      });
    } catch (err) {
      return refused(ctx, reply, caseId, key, body, err, `${key}-`);
    }
    return done(ctx, caseId, key, reply);
  }),
  caseForm('/:slug/staff/cases/:caseId/notes', async (ctx, reply, caseId, body) => {
    const parsed = parseForm(noteForm, body);
    if (!parsed.ok) return renderCase(ctx, reply, caseId, { status: 400, failed: { which: 'note', form: { t: ctx.t, errors: parsed.errors, values: parsed.values } } });
    try {
      await addNote(caseEnv(ctx), caseId, parsed.data.body, { toApplicant: parsed.data.to_applicant });
    } catch (err) {
      return refused(ctx, reply, caseId, 'note', body, err);
    }
    return done(ctx, caseId, parsed.data.to_applicant ? 'message' : 'note', reply);
  }),
  caseForm('/:slug/staff/cases/:caseId/fee', async (ctx, reply, caseId, body) => {
    const parsed = parseForm(feeForm, body);
    if (!parsed.ok) return renderCase(ctx, reply, caseId, { status: 400, failed: { which: 'fee', form: { t: ctx.t, errors: parsed.errors } } });
    try {
      await setFeeStatus(caseEnv(ctx), caseId, parsed.data.version, parsed.data.status);
    } catch (err) {
      return refused(ctx, reply, caseId, 'fee', body, err);
    }
    return done(ctx, caseId, 'fee', reply);
  }),
  // Multipart (app.ts accepts a file on exactly this URL): the fields arrive as strings, the file as { filename, data }.
  withUpload(caseForm('/:slug/staff/cases/:caseId/attachments', async (ctx, reply, caseId, body) => {
    const parsed = parseForm(uploadForm, body);
    if (!parsed.ok) return renderCase(ctx, reply, caseId, { status: 400, failed: { which: 'upload', form: { t: ctx.t, errors: parsed.errors, values: parsed.values } } });
    try {
      await attachFile(caseEnv(ctx), caseId, { documentKey: parsed.data.document_key ?? null, filename: parsed.data.file.filename, bytes: parsed.data.file.data });
    } catch (err) {
      return refused(ctx, reply, caseId, 'upload', body, err);
    }
    return done(ctx, caseId, 'upload', reply);
  }), ATTACHMENT_UPLOAD),
];
