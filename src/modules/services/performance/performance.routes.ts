// The public service performance page and its JSON twin. Both read service_stats only
// (pre-aggregated by the 'services.stats' job), never the cases.
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { readServiceStats } from './performance.service.ts';
import { PerformancePage } from './performance.views.tsx';

const figures = {
  cases: z.number().int(),
  decided: z.number().int(),
  decidedOnTime: z.number().int(),
  onTimePercent: z.number().int().nullable(),
  ratingCount: z.number().int(),
  averageRating: z.number().nullable(),
};

const performanceResponse = z.object({
  computedAt: z.string().nullable(),
  services: z.array(z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.object({ hy: z.string(), en: z.string(), ru: z.string() }),
    ...figures,
    medianDays: z.number().nullable(),
  })),
  totals: z.object(figures),
});

export const performanceRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/services/performance',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const report = await readServiceStats(req.ctx.tenant());
      return sendPage(reply, h(PerformancePage, { ctx: req.ctx, report }));
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/communities/:slug/services/performance',
    access: 'public',
    kind: 'api',
    schema: {
      summary: "A community's service performance over the last twelve months, as last computed (hourly)",
      tags: ['services'],
      params: slugParams,
      response: { 200: performanceResponse },
    },
    handler: async (req) => {
      const report = await readServiceStats(req.ctx.tenant());
      const common = (s: typeof report.totals) => ({
        cases: s.cases, decided: s.decided, decidedOnTime: s.decided_on_time, onTimePercent: s.onTimePercent,
        ratingCount: s.rating_count, averageRating: s.averageRating,
      });
      return {
        computedAt: report.computedAt,
        services: report.services.map((s) => ({
          id: s.serviceId, code: s.code, name: { hy: s.name.hy, en: s.name.en, ru: s.name.ru }, ...common(s), medianDays: s.median_days,
        })),
        totals: common(report.totals),
      };
    },
  }),
];
