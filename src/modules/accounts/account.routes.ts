// "My account": language, password, TOTP enrolment and API tokens.
import { z } from 'zod';
import { h } from 'preact';
import QRCode from 'qrcode';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryKeys } from '../../platform/http/strict-query.ts';
import { route } from '../../platform/http/route.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { LANG_COOKIE } from '../../platform/http/hooks.ts';
import { sendPage } from '../../platform/ui/render.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { totpUri } from '../../platform/auth/totp.ts';
import { changePasswordForm, localeForm, tokenCreateForm, totpConfirmForm, totpDisableForm } from './accounts.schemas.ts';
import {
  changePassword, confirmTotp, createApiToken, disableTotp, loadAccount, pendingTotpSecret, revokeToken, setLocale, startTotp,
} from './accounts.service.ts';
import { AccountPage, TotpSetupPage, type AccountPageProps } from './account.views.tsx';
import type { FormState } from './accounts.ui.tsx';
import { actorUserId, langCookieOptions, query, SIGN_IN_LIMIT } from './accounts.http.ts';

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

export const accountRoutes = [
  route({
    method: 'GET',
    url: '/account',
    access: 'citizen',
    kind: 'page',
    schema: { querystring: queryKeys(['done']) },
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
];
