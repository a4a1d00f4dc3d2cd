// The demographics page of the registers: aggregates only (no names), limited to a
// settlement head's own settlements.
import { h } from 'preact';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { localized, todayInYerevan } from '../../../platform/i18n/index.ts';
import { listSettlements } from '../../communities/index.ts';
import { loadDemographics } from './demographics.queries.ts';
import { DemographicsPage } from './demographics.views.tsx';

export const demographicsRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/demographics',
    access: 'staff:registry.demographics_view',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const only = ctx.actor?.settlementIds ?? null;
      const today = todayInYerevan();
      const data = await loadDemographics(tenant, ctx.db, only, today);
      const scope = only ? (await listSettlements(tenant)).filter((s) => only.includes(s.id)).map((s) => localized(s, 'name', ctx.locale)) : null;
      return sendPage(reply, h(DemographicsPage, { ctx, data, today, scope }));
    },
  }),
];
