// The property map: the page (/:slug/staff/registry/map) and its points as JSON for the
// Leaflet layer (/api/v1/communities/:slug/property/map).
import { z } from 'zod';
import { h } from 'preact';
import { route, slugParams } from '../../../platform/http/route.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { localized } from '../../../platform/i18n/index.ts';
import { listSettlements } from '../../communities/index.ts';
import { mapPoints, pointHref } from './map.queries.ts';
import { MapPage } from './map.views.tsx';
import { scopeOf } from '../registry.http.ts';

/** ?settlement= narrows the map to one settlement (a plain GET form, no JavaScript needed). */
const mapQuery = z.object({
  settlement: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
});

const mapPoint = z.object({
  id: z.number().int(),
  kind: z.enum(['parcel', 'building', 'apartment']),
  code: z.string(),
  lat: z.number(),
  lon: z.number(),
  url: z.string(),
});

export const mapRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/map',
    access: 'staff:registry.property_view',
    kind: 'page',
    schema: { params: slugParams, querystring: mapQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      // The page links its points relative to itself; "…/map/" would resolve them wrongly.
      const [pathname, search] = req.url.split('?');
      if (pathname!.endsWith('/')) return reply.redirect(`${pathname!.replace(/\/+$/, '')}${search ? `?${search}` : ''}`, 301);
      const scope = scopeOf(ctx);
      const settlement = req.query.settlement ?? null;
      const [{ points, total }, settlements] = await Promise.all([mapPoints(ctx.tenant(), scope, settlement), listSettlements(ctx.tenant())]);
      const visible = scope ? settlements.filter((s) => scope.includes(s.id)) : settlements;
      const options = visible.map((s) => ({ value: String(s.id), label: localized(s, 'name', ctx.locale) }));
      return sendPage(reply, h(MapPage, { ctx, points, total, settlement, settlements: options, tileUrl: ctx.services.config.tileUrl }));
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/communities/:slug/property/map',
    access: 'staff:registry.property_view',
    kind: 'api',
    schema: {
      summary: 'Parcels and buildings with coordinates, for the property map',
      tags: ['registry'],
      params: slugParams,
      querystring: mapQuery,
      response: { 200: z.object({ items: z.array(mapPoint), total: z.number().int(), tileUrl: z.string().nullable() }) },
    },
    handler: async (req) => {
      const ctx = req.ctx;
      const slug = ctx.requireCommunity().slug;
      const { points, total } = await mapPoints(ctx.tenant(), scopeOf(ctx), req.query.settlement ?? null);
      return { items: points.map((p) => ({ ...p, url: pointHref(slug, p) })), total, tileUrl: ctx.services.config.tileUrl };
    },
  }),
];
