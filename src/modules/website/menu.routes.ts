// Editing the site's menu (website.edit).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../platform/http/route.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { menuForm, menuParams } from './website.schemas.ts';
import { listMenu } from './posts.queries.ts';
import { addMenuItem, removeMenuItem } from './posts.service.ts';
import { MenuPage } from './menu.views.tsx';
import { staffBase } from './staff.views.tsx';
import { editor, fieldErrorsOf } from './staff.routes.ts';

async function renderMenu(ctx: Ctx, reply: FastifyReply, values: Record<string, string> = {}, errors?: FieldErrors) {
  return sendPage(reply, h(MenuPage, { ctx, items: await listMenu(ctx.tenant()), form: { t: ctx.t, errors, values } }), errors ? 400 : 200);
}

export const menuRoutes = [
  route({
    method: 'GET', url: '/:slug/staff/website/menu', access: 'staff:website.edit', kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => renderMenu(req.ctx, reply),
  }),
  route({
    method: 'POST', url: '/:slug/staff/website/menu', access: 'staff:website.edit', kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(menuForm, req.body);
      if (!parsed.ok) return renderMenu(ctx, reply, parsed.values, parsed.errors);
      try {
        await addMenuItem(editor(ctx), parsed.data);
      } catch (err) {
        return renderMenu(ctx, reply, {}, fieldErrorsOf(err));
      }
      return reply.redirect(`${staffBase(ctx)}/menu`, 303);
    },
  }),
  route({
    method: 'POST', url: '/:slug/staff/website/menu/:id/delete', access: 'staff:website.edit', kind: 'form',
    schema: { params: menuParams }, idParams: { id: 'web_menu_items' },
    handler: async (req, reply) => {
      await removeMenuItem(editor(req.ctx), req.params.id);
      return reply.redirect(`${staffBase(req.ctx)}/menu`, 303);
    },
  }),
];
