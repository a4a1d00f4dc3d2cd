// In-app notices for staff: the reader's list, and marking one or all read. Every route
// reaches only the reader's own notices in the request's community.
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams } from '../http/route.ts';
import type { Ctx } from '../http/context.ts';
import type { RouteDef } from '../http/route.ts';
import { sendPage } from '../ui/render.ts';
import { listNotices, markAllNoticesRead, markNoticeRead, NOTICE_PAGE_SIZE } from './notices.ts';
import { NoticesPage } from './notices.views.tsx';

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  done: z.enum(['read', 'allRead']).optional(),
});
const noticeParams = z.object({ slug: z.string(), noticeId: z.coerce.number().int().positive().max(2_147_483_647) });

/** The signed-in reader (the access check has already required a staff member here). */
function readerOf(ctx: Ctx): number {
  if (!ctx.actor) throw new Error('notices routes need a signed-in reader');
  return ctx.actor.userId;
}

export const noticeRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/staff/notices',
    access: 'staff:notices.view',
    kind: 'page',
    schema: { params: slugParams, querystring: listQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const page = req.query.page ?? 1;
      const list = await listNotices(ctx.tenant(), readerOf(ctx), page, ctx.locale);
      // The header's count was read before a possible change on this page; show the fresh one.
      ctx.unreadNotices = list.unread;
      const pages = Math.max(1, Math.ceil(list.total / NOTICE_PAGE_SIZE));
      return sendPage(reply, h(NoticesPage, { ctx, ...list, page, pages, done: req.query.done }));
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/notices/:noticeId/read',
    access: 'staff:notices.view',
    kind: 'form',
    idParams: { noticeId: 'notices' },
    schema: { params: noticeParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      await markNoticeRead(ctx.tenant(), ctx.auditActor(), readerOf(ctx), req.params.noticeId);
      return reply.redirect(`/${req.params.slug}/staff/notices?done=read`, 303);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/notices/read-all',
    access: 'staff:notices.view',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      await markAllNoticesRead(ctx.tenant(), ctx.auditActor(), readerOf(ctx));
      return reply.redirect(`/${req.params.slug}/staff/notices?done=allRead`, 303);
    },
  }),
];
