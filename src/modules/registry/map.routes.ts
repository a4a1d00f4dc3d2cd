// The property map: the page (/:slug/staff/registry/map) and its points as JSON for the
// Leaflet layer (/api/v1/communities/:slug/property/map).
import { z } from 'zod';
import { h } from 'preact';
import { route, slugParams } from '../../platform/http/route.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { mapPoints, pointHref } from './map.queries.ts';
import { MapPage } from './map.views.tsx';
import { scopeOf } from './property.http.ts';

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
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const points = await mapPoints(ctx.tenant(), scopeOf(ctx));
      return sendPage(reply, h(MapPage, { ctx, points, tileUrl: ctx.services.config.tileUrl }));
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
      response: { 200: z.object({ items: z.array(mapPoint), tileUrl: z.string().nullable() }) },
    },
    handler: async (req) => {
      const ctx = req.ctx;
      const slug = ctx.requireCommunity().slug;
      const points = await mapPoints(ctx.tenant(), scopeOf(ctx));
      return { items: points.map((p) => ({ ...p, url: pointHref(slug, p) })), tileUrl: ctx.services.config.tileUrl };
    },
  }),
];
