// Sign in with a password, the TOTP step that may follow, and sign out.
import { h } from 'preact';
import type { FastifyRequest } from 'fastify';
import { queryKeys } from '../../platform/http/strict-query.ts';
import { route } from '../../platform/http/route.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { formatInstant } from '../../platform/i18n/index.ts';
import { destroySession, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { completeTotpSignIn, findPendingSession, homeFor, signInWithPassword } from '../../platform/auth/signin.ts';
import { safeLocalPath } from '../../platform/auth/identifiers.ts';
import { sha256 } from '../../platform/auth/tokens.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { unscoped } from '../../platform/db/tenant.ts';
import { signInForm, totpForm } from './accounts.schemas.ts';
import { SignInPage, TotpPage } from './signin.views.tsx';
import { clearSessionCookie, endCurrentSession, metaOf, postedNext, query, setSessionCookie, SIGN_IN_LIMIT } from './accounts.http.ts';

function lockedMessage(req: FastifyRequest, lockedUntil: string): string {
  return req.ctx.t('auth.signin.locked', { time: formatInstant(lockedUntil) });
}

export const signinRoutes = [
  route({
    method: 'GET',
    url: '/signin',
    access: 'public',
    kind: 'page',
    schema: { querystring: queryKeys(['next', 'done']) },
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
      const next = postedNext(req);
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
      return reply.redirect(next ?? (await homeFor(req.ctx.db, req.ctx.services.communities, outcome.userId)), 303);
    },
  }),
  route({
    method: 'GET',
    url: '/signin/totp',
    access: 'public',
    kind: 'page',
    schema: { querystring: queryKeys(['next']) },
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
      const next = postedNext(req);
      const cookie = req.cookies[SESSION_COOKIE];
      if (!cookie) return reply.redirect('/signin', 303);
      const form = parseForm(totpForm, req.body);
      if (!form.ok) return sendPage(reply, h(TotpPage, { ctx: req.ctx, state: form, next }), 400);
      const outcome = await completeTotpSignIn(req.ctx.db, sha256(cookie), form.data.code, metaOf(req));
      if (outcome.ok) return reply.redirect(next ?? (await homeFor(req.ctx.db, req.ctx.services.communities, outcome.userId)), 303);
      if (outcome.reason === 'invalid') {
        return sendPage(reply, h(TotpPage, { ctx: req.ctx, state: { errors: { code: 'auth.totp.invalid' } }, next }), 400);
      }
      clearSessionCookie(reply);
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
      clearSessionCookie(reply);
      return reply.redirect('/', 303);
    },
  }),
];
