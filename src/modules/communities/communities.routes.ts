import { z } from 'zod';
import { h } from 'preact';
import { route, slugParams } from '../../platform/http/route.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sharedPublicPage } from '../../platform/http/public-page.ts';
import { renderPage, sendHtml, sendPage } from '../../platform/ui/render.ts';
import { communitySummary } from './communities.schemas.ts';
import { listCommunitiesWithSettlements, listSettlements, usersWithRole } from './communities.queries.ts';
import { CommunityHomePage, PlatformHomePage } from './communities.views.tsx';
import { listPublications } from '../../platform/module/publications.ts';
import { workOf } from '../../platform/module/worklist.ts';

/** Items of each published section on the home page; each section links to its own page. */
const HOME_ITEMS = 6;

export const communitiesRoutes = [
  route({
    method: 'GET',
    url: '/',
    access: 'public',
    kind: 'page',
    handler: async (req, reply) => {
      const communities = await listCommunitiesWithSettlements(req.ctx.db);
      return sendPage(reply, h(PlatformHomePage, { ctx: req.ctx, communities }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const { ctx } = req;
      const community = ctx.requireCommunity();
      const render = async () => {
        const [settlements, heads, sections, work] = await Promise.all([
          listSettlements(ctx.tenant()),
          usersWithRole(ctx.db, community.id, 'head'),
          listPublications(ctx.services, community, { locale: ctx.locale, limit: HOME_ITEMS }),
          workOf(ctx, 'citizen'),
        ]);
        return renderPage(h(CommunityHomePage, { ctx, community, settlements, head: heads[0]?.full_name ?? null, sections, work }));
      };
      // The most visited page of every community.
      return sendHtml(reply, await sharedPublicPage(ctx, 'home', render));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/coat-of-arms.svg',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const svg = req.ctx.requireCommunity().coat_of_arms_svg;
      if (!svg) throw notFound();
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=3600').send(svg);
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/communities',
    access: 'public',
    kind: 'api',
    schema: {
      summary: 'All communities with their settlements',
      tags: ['communities'],
      response: { 200: z.object({ items: z.array(communitySummary) }) },
    },
    handler: async (req) => {
      const rows = await listCommunitiesWithSettlements(req.ctx.db);
      return {
        items: rows.map((c) => ({
          slug: c.slug,
          name: { hy: c.name_hy, en: c.name_en, ru: c.name_ru },
          marz: c.marz_id,
          settlements: c.settlements.map((s) => ({
            id: s.id,
            name: { hy: s.name_hy, en: s.name_en, ru: s.name_ru },
            kind: s.kind,
            postcode: s.postcode,
          })),
        })),
      };
    },
  }),
];
