// The national console's community administration, and each community's own settings.
import { z } from 'zod';
import { h } from 'preact';
import { route, slugParams } from '../../platform/http/route.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Ctx, CommunityRow } from '../../platform/http/context.ts';
import { sendPage } from '../../platform/ui/render.ts';
import type { SortState } from '../../platform/ui/components.tsx';
import { nationalOverview, type NationalCommunityRow } from './communities.queries.ts';
import { createCommunity, updateCommunitySettings } from './communities.service.ts';
import { parseCommunityForm, parseSettingsForm } from './communities.forms.ts';
import { NationalPage, NewCommunityPage, SettingsPage, marzName } from './national.views.tsx';
import { localized } from '../../platform/i18n/index.ts';

const nationalQuery = z.object({
  sort: z.enum(['name', 'marz', 'settlements', 'staff']).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  created: z.string().max(63).optional(),
});

function sortRows(ctx: Ctx, rows: NationalCommunityRow[], sort: SortState): NationalCommunityRow[] {
  const collator = new Intl.Collator(ctx.locale);
  const cmp: Record<string, (a: NationalCommunityRow, b: NationalCommunityRow) => number> = {
    name: (a, b) => collator.compare(localized(a, 'name', ctx.locale), localized(b, 'name', ctx.locale)),
    marz: (a, b) => collator.compare(marzName(ctx, a.marz_id), marzName(ctx, b.marz_id)),
    settlements: (a, b) => a.settlements - b.settlements,
    staff: (a, b) => a.staff - b.staff,
  };
  const sorted = [...rows].sort(cmp[sort.col] ?? cmp.name);
  return sort.dir === 'desc' ? sorted.reverse() : sorted;
}

/** The form values of a community as stored, for the settings form. */
function settingsValues(c: CommunityRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ['phone', 'email', 'address_hy', 'address_en', 'address_ru', 'reception_hours_hy', 'reception_hours_en', 'reception_hours_ru', 'color_primary', 'color_accent'] as const) {
    out[f] = c[f] ?? '';
  }
  return out;
}

export const nationalRoutes = [
  route({
    method: 'GET',
    url: '/national',
    access: 'national:national.view',
    kind: 'page',
    schema: { querystring: nationalQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const sort: SortState = { col: req.query.sort ?? 'name', dir: req.query.dir ?? 'asc' };
      const rows = sortRows(ctx, await nationalOverview(ctx.db), sort);
      const canCreate = ctx.services.permissions.nationalPermissions(ctx.actor?.nationalRoles ?? []).has('communities.manage');
      const created = req.query.created && rows.some((r) => r.slug === req.query.created) ? req.query.created : undefined;
      return sendPage(reply, h(NationalPage, { ctx, rows, sort, query: req.query, canCreate, created }));
    },
  }),
  route({
    method: 'GET',
    url: '/national/communities/new',
    access: 'national:communities.manage',
    kind: 'page',
    handler: async (req, reply) =>
      sendPage(reply, h(NewCommunityPage, { ctx: req.ctx, form: { t: req.ctx.t, values: { color_primary: '#1d4f91', color_accent: '#c8102e' } } })),
  }),
  route({
    method: 'POST',
    url: '/national/communities',
    access: 'national:communities.manage',
    kind: 'form',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseCommunityForm(req.body);
      if (!parsed.ok) return sendPage(reply, h(NewCommunityPage, { ctx, form: { t: ctx.t, errors: parsed.errors, values: parsed.values } }), 400);
      try {
        const community = await createCommunity(ctx.db, ctx.auditActor(), parsed.data);
        // The new community's own domain must work at once, not after the map's next refresh.
        await ctx.services.domains.refresh();
        return reply.redirect(`/national?created=${encodeURIComponent(community.slug)}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || Object.keys(err.fields).length === 0) throw err;
        const values = Object.fromEntries(Object.entries(req.body as Record<string, unknown>).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>;
        const fields = { ...err.fields };
        if (fields.domains) {
          fields.domain = fields.domains;
          delete fields.domains;
        }
        return sendPage(reply, h(NewCommunityPage, { ctx, form: { t: ctx.t, errors: fields, values } }), 400);
      }
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/settings',
    access: 'staff:communities.edit',
    kind: 'page',
    schema: { params: slugParams, querystring: z.object({ saved: z.string().optional() }) },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const form = { t: ctx.t, values: settingsValues(ctx.requireCommunity()) };
      return sendPage(reply, h(SettingsPage, { ctx, form, saved: req.query.saved === '1' }));
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/settings',
    access: 'staff:communities.edit',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseSettingsForm(req.body);
      if (!parsed.ok) return sendPage(reply, h(SettingsPage, { ctx, form: { t: ctx.t, errors: parsed.errors, values: parsed.values }, saved: false }), 400);
      const updated = await updateCommunitySettings(ctx.db, ctx.auditActor(), ctx.requireCommunity().id, parsed.data);
      ctx.services.communities.forget();
      ctx.community = updated;
      return reply.redirect(`/${updated.slug}/staff/settings?saved=1`, 303);
    },
  }),
];
