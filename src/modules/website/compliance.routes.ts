// The compliance pages: /{slug}/staff/website/compliance and /national/website-compliance.
import { h } from 'preact';
import { route, slugParams } from '../../platform/http/route.ts';
import { unscoped } from '../../platform/db/tenant.ts';
import { sendPage } from '../../platform/ui/render.ts';
import type { TenantCommunity } from '../../platform/http/tenancy.ts';
import { checkCompliance, type CommunityCompliance } from './compliance.ts';
import { CompliancePage, NationalCompliancePage } from './compliance.views.tsx';

export const complianceRoutes = [
  route({
    method: 'GET', url: '/:slug/staff/website/compliance', access: 'staff:website.view', kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      return sendPage(reply, h(CompliancePage, { ctx, rows: await checkCompliance(ctx.services, ctx.requireCommunity()) }));
    },
  }),
  route({
    method: 'GET', url: '/national/website-compliance', access: 'national:national.view', kind: 'page',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      // National users read aggregates: each community's counts, never its rows.
      const slugs = await unscoped(ctx.db, 'the national summary covers every community').selectFrom('communities').select('slug').orderBy('name_hy').execute();
      const communities: CommunityCompliance[] = [];
      for (const { slug } of slugs) {
        const community: TenantCommunity | null = await ctx.services.communities.bySlug(slug);
        if (community) communities.push({ community, rows: await checkCompliance(ctx.services, community) });
      }
      return sendPage(reply, h(NationalCompliancePage, { ctx, communities }));
    },
  }),
];
