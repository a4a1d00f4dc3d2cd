// The hooks every route passes through, in order: context (id, language, visitor
// CSRF cookie) → authentication → community → access decision → CSRF check.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../module/contract.ts';
import { Ctx } from './context.ts';
import { authenticate, loadCommunityRoles } from '../auth/authenticate.ts';
import { decide, type Access } from '../policy/access.ts';
import { AppError, csrfFailed, forbidden, notFound } from './errors.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/index.ts';
import { newSecret } from '../auth/tokens.ts';
import { countUnreadNotices } from '../notify/notices.ts';

export const LANG_COOKIE = 'mmis_lang';
export const CSRF_COOKIE = 'mmis_csrf';

function localeFrom(req: FastifyRequest): Locale {
  const fromCookie = req.cookies[LANG_COOKIE];
  if (isLocale(fromCookie)) return fromCookie;
  const accept = req.headers['accept-language'] ?? '';
  for (const part of accept.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}

export function createContext(services: Services) {
  return async function onRequest(req: FastifyRequest, reply: FastifyReply) {
    const ctx = new Ctx(services, String(req.id), req.ip, localeFrom(req));
    req.ctx = ctx;
    reply.header('x-request-id', req.id);
    // Visitors get a CSRF cookie as soon as a page shows them a form, so forms shown before
    // sign-in (sign in, register) are protected too.
    const existing = req.cookies[CSRF_COOKIE];
    if (existing && existing.length >= 20) ctx.csrfToken = existing;
    else {
      ctx.issueVisitorToken = () => {
        const token = newSecret(24);
        reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: services.config.secureCookies });
        return token;
      };
    }
  };
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Builds the preHandler of one route from its declared access level. */
export function guard(services: Services, access: Access, opts: { csrfExempt?: boolean }) {
  const db = services.db.kysely;
  return async function preHandler(req: FastifyRequest) {
    const ctx = req.ctx;
    const auth = await authenticate(db, req);
    if (auth) {
      ctx.actor = auth.actor;
      ctx.session = auth.session;
      if (auth.session) ctx.csrfToken = auth.session.csrfToken;
      if (!req.cookies[LANG_COOKIE] && isLocale(auth.actor.locale)) ctx.setLocale(auth.actor.locale);
    }

    const slug = (req.params as Record<string, string> | undefined)?.slug;
    if (slug !== undefined) {
      const community = await services.communities.bySlug(slug);
      if (!community) throw notFound();
      ctx.community = community;
      if (ctx.actor) await loadCommunityRoles(db, ctx.actor, community.id);
      // The back-office header shows the unread count; only pages render it.
      if (ctx.actor?.communityRoles.length && req.routeOptions.config.kind === 'page') {
        ctx.unreadNotices = await countUnreadNotices(db, community.id, ctx.actor.userId);
      }
    }

    const decision = decide(access, ctx.actor, services.permissions);
    if (decision === 'unauthenticated') throw new AppError(401, 'unauthorized', 'error.unauthorized');
    if (decision === 'forbidden') throw forbidden();

    // Changes made with a browser's cookie must carry the CSRF token; API tokens cannot be sent by a browser on its own.
    const changes = req.method !== 'GET' && req.method !== 'HEAD';
    if (changes && !opts.csrfExempt && ctx.actor?.via !== 'token') {
      const body = req.body as Record<string, unknown> | undefined;
      const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? (req.headers['x-csrf-token'] as string | undefined);
      if (!sameToken(sent, ctx.csrfToken)) throw csrfFailed();
    }
  };
}

export function newRequestId(req: { headers: Record<string, unknown> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}
