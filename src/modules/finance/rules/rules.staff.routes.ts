// The back office's rules: accountants and the head read the rules in force for a year;
// the head and the accountant set the community's land-tax relief cap, at most the law's.
import { h } from 'preact';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { AppError, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { loadRuleSet } from './rules.service.ts';
import { addRulePeriod, isDay } from './rules.editor.ts';
import { postedValues, reliefForm } from './rules.forms.ts';
import { StaffRulesPage } from './rules.staff.views.tsx';

const staffQuery = z.object({ year: z.coerce.number().int().min(1900).max(9999).optional(), saved: z.enum(['1']).optional() });

const canSetRelief = (ctx: Ctx) => ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has('finance.rules.relief');

/** The national cap (the law's limit) for a tax year. */
async function nationalCap(ctx: Ctx, year: number): Promise<number | null> {
  return (await loadRuleSet(ctx.db, year)).rules.land_relief?.data.maxPctOfBudgetedRevenue ?? null;
}

async function showRules(ctx: Ctx, reply: FastifyReply, year: number, opts: { saved?: boolean; values?: Record<string, string>; errors?: FieldErrors } = {}) {
  const community = ctx.requireCommunity();
  const rs = await loadRuleSet(ctx.db, year, community.id);
  const form = canSetRelief(ctx) ? { t: ctx.t, values: opts.values ?? { valid_from: `${year}-01-01` }, ...(opts.errors ? { errors: opts.errors } : {}) } : undefined;
  const relief = { nationalMax: await nationalCap(ctx, year), ...(form ? { form } : {}) };
  return sendPage(reply, h(StaffRulesPage, { ctx, rs, relief, saved: opts.saved ?? false }), opts.errors ? 400 : 200);
}

const thisYear = () => Number(todayInYerevan().slice(0, 4));

export const staffRuleRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/finance/rules',
    access: 'staff:finance.rules.view',
    kind: 'page',
    schema: { params: slugParams, querystring: staffQuery },
    handler: async (req, reply) => showRules(req.ctx, reply, req.query.year ?? thisYear(), { saved: req.query.saved === '1' }),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/rules/relief',
    access: 'staff:finance.rules.relief',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const community = ctx.requireCommunity();
      const parsed = parseForm(reliefForm, req.body);
      if (!parsed.ok) return showRules(ctx, reply, thisYear(), { values: parsed.values, errors: parsed.errors });
      const f = parsed.data;
      const sent = postedValues(req.body);
      if (!isDay(f.valid_from)) return showRules(ctx, reply, thisYear(), { values: sent, errors: { valid_from: 'finance.rules.error.day' } });
      const year = Number(f.valid_from.slice(0, 4));
      const max = await nationalCap(ctx, year);
      if (max == null) return showRules(ctx, reply, year, { values: sent, errors: { valid_from: 'finance.rules.relief.cannot' } });
      if (f.pct > max) return showRules(ctx, reply, year, { values: sent, errors: { pct: 'finance.rules.relief.error.pct' } });
      try {
        await addRulePeriod(ctx.db, ctx.auditActor(), { communityId: community.id }, {
          kind: 'land_relief', validFrom: f.valid_from, data: { maxPctOfBudgetedRevenue: f.pct }, legalRef: f.legal_ref, source: null, verification: 'verified',
        });
      } catch (err) {
        if (err instanceof AppError && Object.keys(err.fields).length) return showRules(ctx, reply, year, { values: sent, errors: err.fields });
        throw err;
      }
      return reply.redirect(`/${community.slug}/staff/finance/rules?year=${year}&saved=1`, 303);
    },
  }),
];
