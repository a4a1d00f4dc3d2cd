// Request helpers shared by the accounts routes: request metadata for the audit trail,
// the session and language cookies, and who is asking.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { unauthorized } from '../../platform/http/errors.ts';
import { destroySession, findSession, SESSION_COOKIE, SESSION_DAYS } from '../../platform/auth/sessions.ts';
import type { RequestMeta } from '../../platform/auth/signin.ts';
import { safeLocalPath } from '../../platform/auth/identifiers.ts';
import { unscoped } from '../../platform/db/tenant.ts';

/** For routes that guess at secrets: sign-in, TOTP, registration, reset, password changes. */
export const SIGN_IN_LIMIT = { max: 10, timeWindow: '1 minute' };
const LANG_COOKIE_DAYS = 365;

export function metaOf(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, userAgent: typeof ua === 'string' ? ua : null, requestId: String(req.id) };
}

export function query(req: FastifyRequest, name: string): unknown {
  return (req.query as Record<string, unknown> | undefined)?.[name];
}

/** Where to go after signing in, as posted in the form's hidden `next` field (local paths only). */
export function postedNext(req: FastifyRequest): string | null {
  return safeLocalPath((req.body as Record<string, unknown> | undefined)?.next);
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.ctx.services.config.secureCookies,
    maxAge: SESSION_DAYS * 86400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Sign-in rotates the session: whatever session the browser had is ended first. */
export async function endCurrentSession(req: FastifyRequest): Promise<void> {
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const db = unscoped(req.ctx.db, 'sessions are global');
  const old = await findSession(db, cookie);
  if (old) await destroySession(db, old.id);
}

export function actorUserId(req: FastifyRequest): number {
  const actor = req.ctx.actor;
  if (!actor) throw unauthorized();
  return actor.userId;
}

export function langCookieOptions(req: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.ctx.services.config.secureCookies,
    maxAge: LANG_COOKIE_DAYS * 86400,
  };
}
