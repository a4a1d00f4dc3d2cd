import { z } from 'zod';
import { h } from 'preact';
import { route, slugParams } from '../../platform/http/route.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { communitySummary } from './communities.schemas.ts';
import { listCommunitiesWithSettlements } from './communities.queries.ts';
import { PlatformHomePage } from './communities.views.tsx';

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
