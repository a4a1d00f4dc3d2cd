// What the portal's routes share: the engine environment of the applicant, loading one of
// the person's own cases, reading the engine's refusals, and sending a stored file.
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../platform/http/context.ts';
import { route, type RouteDef } from '../../../platform/http/route.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { caseEnv, type CaseEnv, type CaseRow } from '../cases/case-env.ts';
import { availableActions } from '../cases/case-rules.ts';
import { specOfVersion } from '../cases/case-spec.ts';
import type { ActionSpec, ServiceSpec } from '../catalogue/spec.ts';
import { myCase } from './portal.queries.ts';
import { caseParams } from './portal.schemas.ts';
import type { PageNotice } from './portal.views.tsx';

/**
 * The engine environment of the portal: the person acts as the applicant only, even when
 * they also work for this community (their staff work happens on the staff pages).
 */
export function portalEnv(ctx: Ctx): CaseEnv {
  const env = caseEnv(ctx);
  return { ...env, actor: { ...env.actor, roles: [], settlementIds: null } };
}

/** The posted strings, to show a refused form again as it was sent. */
export function textValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

export function userIdOf(ctx: Ctx): number {
  if (!ctx.actor) throw notFound();
  return ctx.actor.userId;
}

/** One of the signed-in person's own cases in this community, with its own spec version. */
export async function loadMine(ctx: Ctx, caseId: number): Promise<{ c: CaseRow; spec: ServiceSpec }> {
  const tenant = ctx.tenant();
  const c = await myCase(tenant, userIdOf(ctx), caseId);
  const { spec } = await specOfVersion(tenant, c.service_version_id);
  return { c, spec };
}

/**
 * A form posted to one of the applicant's own cases: the case and its spec are loaded
 * (404 for anyone else's) before `handle` runs.
 */
export function myCaseForm(url: string, handle: (ctx: Ctx, mine: { c: CaseRow; spec: ServiceSpec }, body: unknown, reply: FastifyReply) => Promise<unknown>): RouteDef {
  return route({
    method: 'POST', url, access: 'citizen', kind: 'form', idParams: { caseId: 'cases' }, schema: { params: caseParams },
    handler: async (req, reply) => handle(req.ctx, await loadMine(req.ctx, req.params.caseId), req.body, reply),
  });
}

/** The applicant's action of this kind that leads out of the case's state now, if any. */
export function applicantAction(ctx: Ctx, spec: ServiceSpec, c: CaseRow, kind: ActionSpec['kind']): ActionSpec | undefined {
  return availableActions(spec, portalEnv(ctx).actor, c).find((a) => a.kind === kind);
}

export const DONE_NOTICES: Record<string, MessageKey> = {
  saved: 'services.portal.done.saved',
  uploaded: 'services.portal.done.uploaded',
  submitted: 'services.portal.done.submitted',
  responded: 'services.portal.done.responded',
  message: 'services.portal.done.message',
  withdrawn: 'services.portal.done.withdrawn',
  rated: 'services.portal.done.rated',
};

export function doneNotice(ctx: Ctx, done: string | undefined): PageNotice | undefined {
  const key = done ? DONE_NOTICES[done] : undefined;
  return key ? { tone: 'success', title: ctx.t(key) } : undefined;
}

/** How a refused change is shown on the page it came from. */
export type Refusal =
  | { kind: 'fields'; fields: Record<string, string> }
  | { kind: 'conflict'; notice: PageNotice };

/**
 * Turns the engine's expected refusals into something a page can show: field errors (400),
 * "someone changed the case" or "not possible now" (409). Anything else is rethrown.
 */
export function refusalOf(ctx: Ctx, err: unknown): Refusal {
  if (!(err instanceof AppError)) throw err;
  if (err.status === 400) {
    const fields = Object.keys(err.fields).length ? { ...err.fields } : { _form: err.messageKey };
    return { kind: 'fields', fields };
  }
  if (err.code === 'case_changed') return { kind: 'conflict', notice: { tone: 'warning', title: ctx.t('services.portal.error.changed') } };
  if (err.status === 409 || err.status === 403) return { kind: 'conflict', notice: { tone: 'warning', title: ctx.t('services.portal.error.notNow') } };
  throw err;
}

export function statusOf(r: Refusal): number {
  return r.kind === 'fields' ? 400 : 409;
}

/** A stored file as a download: its sniffed type, never guessed again by the browser. */
export function sendDownload(reply: FastifyReply, bytes: Buffer, filename: string, mime: string): FastifyReply {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  return reply
    .code(200)
    .type(mime)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
