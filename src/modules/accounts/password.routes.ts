// Forgotten password: asking for a reset link, and setting a new password with it.
import { z } from 'zod';
import { h } from 'preact';
import { route } from '../../platform/http/route.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { forgotForm, resetForm } from './accounts.schemas.ts';
import { requestPasswordReset, resetLinkIsLive, resetPassword } from './accounts.service.ts';
import { ForgotPage, ResetPage } from './password.views.tsx';
import { clearSessionCookie, metaOf, SIGN_IN_LIMIT } from './accounts.http.ts';

const resetParams = z.object({ token: z.string().max(200) });

export const passwordRoutes = [
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
      clearSessionCookie(reply);
      return reply.redirect('/signin?done=reset', 303);
    },
  }),
];
