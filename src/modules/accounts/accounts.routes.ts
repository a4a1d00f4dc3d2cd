// Routes of sign-in, registration, password reset, "my account", the language switch
// and /api/v1/me. Thin: parse → service → render or redirect.
import { z } from 'zod';
import { h } from 'preact';
import QRCode from 'qrcode';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { route } from '../../platform/http/route.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { notFound, unauthorized } from '../../platform/http/errors.ts';
import { LANG_COOKIE } from '../../platform/http/hooks.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { LOCALES, formatInstant, isLocale, type MessageKey } from '../../platform/i18n/index.ts';
import { destroySession, findSession, SESSION_COOKIE, SESSION_DAYS } from '../../platform/auth/sessions.ts';
import { completeTotpSignIn, findPendingSession, homeFor, signInWithPassword, type RequestMeta } from '../../platform/auth/signin.ts';
import { safeLocalPath } from '../../platform/auth/identifiers.ts';
import { sha256 } from '../../platform/auth/tokens.ts';
import { totpUri } from '../../platform/auth/totp.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { unscoped } from '../../platform/db/tenant.ts';
import {
  changePasswordForm, forgotForm, localeForm, meResponse, registerForm, resetForm, signInForm, tokenCreateForm,
  totpConfirmForm, totpDisableForm, totpForm,
} from './accounts.schemas.ts';
import {
  changePassword, confirmTotp, createApiToken, disableTotp, loadAccount, loadMe, pendingTotpSecret, registerCitizen,
  requestPasswordReset, resetLinkIsLive, resetPassword, revokeToken, setLocale, startTotp,
} from './accounts.service.ts';
import {
  AccountPage, ForgotPage, RegisterPage, ResetPage, SignInPage, TotpPage, TotpSetupPage, type AccountPageProps, type FormState,
} from './accounts.views.tsx';

const SIGN_IN_LIMIT = { max: 10, timeWindow: '1 minute' };
const LANG_COOKIE_DAYS = 365;

function metaOf(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, userAgent: typeof ua === 'string' ? ua : null, requestId: String(req.id) };
}

function query(req: FastifyRequest, name: string): unknown {
  return (req.query as Record<string, unknown> | undefined)?.[name];
}

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.ctx.services.config.secureCookies,
    maxAge: SESSION_DAYS * 86400,
  });
}

/** Sign-in rotates the session: whatever session the browser had is ended first. */
async function endCurrentSession(req: FastifyRequest): Promise<void> {
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const db = unscoped(req.ctx.db, 'sessions are global');
  const old = await findSession(db, cookie);
  if (old) await destroySession(db, old.id);
}

function actorUserId(req: FastifyRequest): number {
  const actor = req.ctx.actor;
  if (!actor) throw unauthorized();
  return actor.userId;
}

function lockedMessage(req: FastifyRequest, lockedUntil: string): string {
  return req.ctx.t('auth.signin.locked', { time: formatInstant(lockedUntil) });
}

const DONE_NOTICES: Record<string, MessageKey> = {
  locale: 'accounts.locale.saved',
  password: 'accounts.password.changed',
  totpOn: 'accounts.totp.enabled',
  totpOff: 'accounts.totp.disabled',
  revoked: 'accounts.tokens.revokedDone',
};

async function renderAccount(req: FastifyRequest, reply: FastifyReply, props: Omit<AccountPageProps, 'ctx' | 'account'> = {}, status = 200) {
  const account = await loadAccount(req.ctx.db, actorUserId(req));
  return sendPage(reply, h(AccountPage, { ctx: req.ctx, account, ...props }), status);
}

async function totpSetup(req: FastifyRequest, secret: string) {
  const account = await loadAccount(req.ctx.db, actorUserId(req));
  const label = account.user.email ?? account.user.phone ?? account.user.full_name;
  const uri = totpUri(secret, label);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg };
}

const tokenParams = z.object({ id: z.coerce.number().int().positive() });
const resetParams = z.object({ token: z.string().max(200) });
const langParams = z.object({ locale: z.enum(LOCALES) });

export const accountsRoutes = [
  // ---- sign in ------------------------------------------------------------------
  route({
    method: 'GET',
    url: '/signin',
    access: 'public',
    kind: 'page',
    handler: async (req, reply) => {
      const next = safeLocalPath(query(req, 'next'));
      const notice = query(req, 'done') === 'reset' ? ('auth.signin.resetDone' as const) : undefined;
      return sendPage(reply, h(SignInPage, { ctx: req.ctx, state: {}, next, notice }));
    },
  }),
  route({
    method: 'POST',
    url: '/signin',
    access: 'public',
    kind: 'form',
    rateLimit: SIGN_IN_LIMIT,
    handler: async (req, reply) => {
      const form = parseForm(signInForm, req.body);
      const rawNext = (req.body as Record<string, unknown> | undefined)?.next;
      const next = safeLocalPath(rawNext);
      if (!form.ok) return sendPage(reply, h(SignInPage, { ctx: req.ctx, state: form, next }), 400);
      const values = { identifier: form.data.identifier };
      const outcome = await signInWithPassword(req.ctx.db, form.data.identifier, form.data.password, metaOf(req));
      if (!outcome.ok) {
        const formError = outcome.reason === 'locked' ? lockedMessage(req, outcome.lockedUntil) : req.ctx.t('auth.signin.invalid');
        return sendPage(reply, h(SignInPage, { ctx: req.ctx, state: { values, formError }, next }), 400);
      }
      await endCurrentSession(req);
      setSessionCookie(req, reply, outcome.session.token);
      if (outcome.mfaPending) {
        return reply.redirect(next ? `/signin/totp?next=${encodeURIComponent(next)}` : '/signin/totp', 303);
      }
      return reply.redirect(next ?? (await homeFor(req.ctx.db, outcome.userId)), 303);
    },
  }),
  route({
    method: 'GET',
    url: '/signin/totp',
    access: 'public',
    kind: 'page',
    handler: async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      const pending = cookie ? await findPendingSession(req.ctx.db, sha256(cookie)) : null;
      if (!pending) return reply.redirect('/signin', 303);
      return sendPage(reply, h(TotpPage, { ctx: req.ctx, state: {}, next: safeLocalPath(query(req, 'next')) }));
    },
  }),
  route({
    method: 'POST',
    url: '/signin/totp',
    access: 'public',
    kind: 'form',
    rateLimit: SIGN_IN_LIMIT,
    handler: async (req, reply) => {
      const next = safeLocalPath((req.body as Record<string, unknown> | undefined)?.next);
      const cookie = req.cookies[SESSION_COOKIE];
      if (!cookie) return reply.redirect('/signin', 303);
      const form = parseForm(totpForm, req.body);
      if (!form.ok) return sendPage(reply, h(TotpPage, { ctx: req.ctx, state: form, next }), 400);
      const outcome = await completeTotpSignIn(req.ctx.db, sha256(cookie), form.data.code, metaOf(req));
      if (outcome.ok) return reply.redirect(next ?? (await homeFor(req.ctx.db, outcome.userId)), 303);
      if (outcome.reason === 'invalid') {
        return sendPage(reply, h(TotpPage, { ctx: req.ctx, state: { errors: { code: 'auth.totp.invalid' } }, next }), 400);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const formError = outcome.reason === 'locked' ? lockedMessage(req, outcome.lockedUntil) : req.ctx.t('auth.totp.expired');
      return sendPage(reply, h(SignInPage, { ctx: req.ctx, state: { formError }, next }), 400);
    },
  }),
  route({
    method: 'POST',
    url: '/signout',
    access: 'public',
    kind: 'form',
    handler: async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        const db = unscoped(req.ctx.db, 'sessions and the national audit chain are global');
        const id = sha256(cookie);
        await db.transaction().execute(async (tx) => {
          const session = await tx.selectFrom('sessions').select(['id', 'user_id']).where('id', '=', id).executeTakeFirst();
          if (!session) return;
          await destroySession(tx, session.id);
          await appendAudit(tx, req.ctx.auditActor(), {
            communityId: null, action: 'auth.signout', entityType: 'user', entityId: session.user_id,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/', 303);
    },
  }),

  // ---- registration -------------------------------------------------------------
  route({
    method: 'GET',
    url: '/register',
    access: 'public',
    kind: 'page',
    handler: async (req, reply) => sendPage(reply, h(RegisterPage, { ctx: req.ctx, state: {} })),
  }),
  route({
    method: 'POST',
    url: '/register',
    access: 'public',
    kind: 'form',
    rateLimit: SIGN_IN_LIMIT,
    handler: async (req, reply) => {
      const form = parseForm(registerForm, req.body);
      if (!form.ok) return sendPage(reply, h(RegisterPage, { ctx: req.ctx, state: form }), 400);
      const result = await registerCitizen(req.ctx.db, form.data, { ...metaOf(req), locale: req.ctx.locale });
      if (!result.ok) {
        return sendPage(reply, h(RegisterPage, { ctx: req.ctx, state: { ...pickValues(req.body), errors: result.errors } }), 400);
      }
      await endCurrentSession(req);
      setSessionCookie(req, reply, result.session.token);
      return reply.redirect('/account', 303);
    },
  }),

  // ---- password reset -----------------------------------------------------------
  route({
    method: 'GET',
    url: '/password/forgot',
    access: 'public',
    kind: 'page',
    handler: async (req, reply) => sendPage(reply, h(ForgotPage, { ctx: req.ctx, state: {}, sent: false })),
  }),
  route({
    method: 'POST',
    url: '/password/forgot',
    access: 'public',
    kind: 'form',
    rateLimit: SIGN_IN_LIMIT,
    handler: async (req, reply) => {
      const form = parseForm(forgotForm, req.body);
      if (!form.ok) return sendPage(reply, h(ForgotPage, { ctx: req.ctx, state: form, sent: false }), 400);
      // Not awaited: an address with an account must not answer slower than one without.
      const { services } = req.ctx;
      void requestPasswordReset(services, form.data.email, metaOf(req)).catch((err: unknown) =>
        services.log.error({ err }, 'password reset request failed'),
      );
      return sendPage(reply, h(ForgotPage, { ctx: req.ctx, state: {}, sent: true }));
    },
  }),
  route({
    method: 'GET',
    url: '/password/reset/:token',
    access: 'public',
    kind: 'page',
    schema: { params: resetParams },
    handler: async (req, reply) => {
      const live = await resetLinkIsLive(req.ctx.db, req.params.token);
      return sendPage(reply, h(ResetPage, { ctx: req.ctx, state: {}, token: live ? req.params.token : null }), live ? 200 : 404);
    },
  }),
  route({
    method: 'POST',
    url: '/password/reset/:token',
    access: 'public',
    kind: 'form',
    rateLimit: SIGN_IN_LIMIT,
    schema: { params: resetParams },
    handler: async (req, reply) => {
      const { token } = req.params;
      if (!(await resetLinkIsLive(req.ctx.db, token))) return sendPage(reply, h(ResetPage, { ctx: req.ctx, state: {}, token: null }), 404);
      const form = parseForm(resetForm, req.body);
      if (!form.ok) return sendPage(reply, h(ResetPage, { ctx: req.ctx, state: form, token }), 400);
      const done = await resetPassword(req.ctx.db, token, form.data.password, metaOf(req));
      if (!done) return sendPage(reply, h(ResetPage, { ctx: req.ctx, state: {}, token: null }), 404);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/signin?done=reset', 303);
    },
  }),

  // ---- my account -----------------------------------------------------------------
  route({
    method: 'GET',
    url: '/account',
    access: 'citizen',
    kind: 'page',
    handler: async (req, reply) => {
      const done = query(req, 'done');
      const key = typeof done === 'string' ? DONE_NOTICES[done] : undefined;
      return renderAccount(req, reply, key ? { notice: req.ctx.t(key) } : {});
    },
  }),
  route({
    method: 'POST',
    url: '/account/locale',
    access: 'citizen',
    kind: 'form',
    handler: async (req, reply) => {
      const form = parseForm(localeForm, req.body);
      if (!form.ok) return renderAccount(req, reply, { state: form }, 400);
      await setLocale(req.ctx.db, req.ctx.auditActor(), actorUserId(req), form.data.locale);
      // The cookie wins over the stored preference (hooks.ts), so both say the same.
      reply.setCookie(LANG_COOKIE, form.data.locale, langCookieOptions(req));
      return reply.redirect('/account?done=locale', 303);
    },
  }),
  route({
    method: 'POST',
    url: '/account/password',
    access: 'citizen',
    kind: 'form',
    rateLimit: SIGN_IN_LIMIT,
    handler: async (req, reply) => {
      const form = parseForm(changePasswordForm, req.body);
      if (!form.ok) return renderAccount(req, reply, { state: form }, 400);
      const errors = await changePassword(
        req.ctx.db, req.ctx.auditActor(), actorUserId(req), req.ctx.session?.id ?? null, form.data.current_password, form.data.new_password,
      );
      if (errors) return renderAccount(req, reply, { state: { errors } }, 400);
      return reply.redirect('/account?done=password', 303);
    },
  }),
  route({
    method: 'POST',
    url: '/account/totp/start',
    access: 'citizen',
    kind: 'form',
    handler: async (req, reply) => {
      const secret = await startTotp(req.ctx.db, req.ctx.auditActor(), actorUserId(req));
      if (!secret) return reply.redirect('/account', 303);
      return sendPage(reply, h(TotpSetupPage, { ctx: req.ctx, setup: await totpSetup(req, secret) }));
    },
  }),
  route({
    method: 'POST',
    url: '/account/totp/confirm',
    access: 'citizen',
    kind: 'form',
    rateLimit: SIGN_IN_LIMIT,
    handler: async (req, reply) => {
      const userId = actorUserId(req);
      const secret = await pendingTotpSecret(req.ctx.db, userId);
      if (!secret) return reply.redirect('/account', 303);
      const form = parseForm(totpConfirmForm, req.body);
      if (!form.ok) return sendPage(reply, h(TotpSetupPage, { ctx: req.ctx, setup: await totpSetup(req, secret), state: form }), 400);
      if (!(await confirmTotp(req.ctx.db, req.ctx.auditActor(), userId, form.data.totp_code))) {
        const state: FormState = { errors: { totp_code: 'auth.totp.invalid' } };
        return sendPage(reply, h(TotpSetupPage, { ctx: req.ctx, setup: await totpSetup(req, secret), state }), 400);
      }
      return reply.redirect('/account?done=totpOn', 303);
    },
  }),
  route({
    method: 'POST',
    url: '/account/totp/disable',
    access: 'citizen',
    kind: 'form',
    rateLimit: SIGN_IN_LIMIT,
    handler: async (req, reply) => {
      const form = parseForm(totpDisableForm, req.body);
      if (!form.ok) return renderAccount(req, reply, { state: form }, 400);
      if (!(await disableTotp(req.ctx.db, req.ctx.auditActor(), actorUserId(req), form.data.totp_password))) {
        return renderAccount(req, reply, { state: { errors: { totp_password: 'accounts.totp.wrongPassword' } } }, 400);
      }
      return reply.redirect('/account?done=totpOff', 303);
    },
  }),
  route({
    method: 'POST',
    url: '/account/tokens',
    access: 'citizen',
    kind: 'form',
    handler: async (req, reply) => {
      const form = parseForm(tokenCreateForm, req.body);
      if (!form.ok) return renderAccount(req, reply, { state: form }, 400);
      const { token } = await createApiToken(req.ctx.db, req.ctx.auditActor(), actorUserId(req), form.data.token_name);
      return renderAccount(req, reply, { newToken: { name: form.data.token_name, token } });
    },
  }),
  route({
    method: 'POST',
    url: '/account/tokens/:id/revoke',
    access: 'citizen',
    kind: 'form',
    schema: { params: tokenParams },
    handler: async (req, reply) => {
      // Another person's token, or one already revoked, is simply not found.
      if (!(await revokeToken(req.ctx.db, req.ctx.auditActor(), actorUserId(req), req.params.id))) throw notFound();
      return reply.redirect('/account?done=revoked', 303);
    },
  }),

  // ---- language ---------------------------------------------------------------------
  route({
    method: 'GET',
    url: '/lang/:locale',
    access: 'public',
    kind: 'page',
    schema: { params: langParams },
    handler: async (req, reply) => {
      const { locale } = req.params;
      if (!isLocale(locale)) throw notFound();
      reply.setCookie(LANG_COOKIE, locale, langCookieOptions(req));
      if (req.ctx.actor) await setLocale(req.ctx.db, req.ctx.auditActor(), req.ctx.actor.userId, locale);
      return reply.redirect(safeLocalPath(query(req, 'back')) ?? '/', 303);
    },
  }),

  // ---- API --------------------------------------------------------------------------
  route({
    method: 'GET',
    url: '/api/v1/me',
    access: 'citizen',
    kind: 'api',
    schema: {
      summary: 'The signed-in account: identity, language, national roles and community roles',
      tags: ['accounts'],
      response: { 200: meResponse },
    },
    handler: async (req) => loadMe(req.ctx.db, actorUserId(req)),
  }),
];

function langCookieOptions(req: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.ctx.services.config.secureCookies,
    maxAge: LANG_COOKIE_DAYS * 86400,
  };
}

/** The text fields of a posted form, to show again (passwords never are). */
function pickValues(body: unknown): { values: Record<string, string> } {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === 'string' && k !== '_csrf' && !/password/i.test(k)) values[k] = v.slice(0, 300);
    }
  }
  return { values };
}
