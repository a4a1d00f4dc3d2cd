// Registration of a citizen account, which signs the new account in.
import { h } from 'preact';
import { route } from '../../platform/http/route.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { registerForm } from './accounts.schemas.ts';
import { registerCitizen } from './accounts.service.ts';
import { RegisterPage } from './register.views.tsx';
import { endCurrentSession, metaOf, setSessionCookie, SIGN_IN_LIMIT } from './accounts.http.ts';

export const registerRoutes = [
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
];

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
