// A community's rates of local duties and fees (/:slug/staff/finance/duties…): the year's
// rates, the rate form, copying a year, and the staff's accrual run.
import { h } from 'preact';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { formatAmd, todayInYerevan } from '../../../platform/i18n/index.ts';
import type { FormState } from '../../../platform/ui/components.tsx';
import { accrueForm, copyForm, rateForm, rateParams, yearQuery } from './duties.schemas.ts';
import { findKind, listKinds } from './duties.catalogue.ts';
import { copyRates, findRate, ratesOfYear, saveRate } from './duties.rates.ts';
import { accrueDuties } from './duties.accrue.ts';
import { RateFormPage, RatesPage } from './duties.views.tsx';
import { can, postedValues, refusedForm } from './duties.http.ts';

const VIEW = 'staff:finance.duties_view';
const EDIT = 'staff:finance.duties_edit';
const currentYear = () => Number(todayInYerevan().slice(0, 4));

async function renderRates(ctx: Ctx, reply: FastifyReply, year: number, more: { notice?: string; copy?: FormState; accrue?: FormState; status?: number } = {}) {
  const rates = await ratesOfYear(ctx.tenant(), year);
  const kinds = new Map((await listKinds(ctx.db)).map((k) => [k.id, k]));
  const copy = more.copy ?? { t: ctx.t, values: { from_year: String(year), to_year: String(year + 1) } };
  const accrue = more.accrue ?? { t: ctx.t, values: { as_of: todayInYerevan() } };
  return sendPage(reply, h(RatesPage, { ctx, year, rates, kinds, canEdit: can(ctx, 'finance.duties_edit'), notice: more.notice, copyForm: copy, accrueForm: accrue }), more.status ?? 200);
}

async function renderRateForm(ctx: Ctx, reply: FastifyReply, id: number | null, form: FormState) {
  const kinds = await listKinds(ctx.db);
  return sendPage(reply, h(RateFormPage, { ctx, id, form, kinds }), form.errors && Object.keys(form.errors).length ? 400 : 200);
}

async function saveRateForm(ctx: Ctx, reply: FastifyReply, id: number | null, body: unknown) {
  if (id !== null && !(await findRate(ctx.tenant(), id))) throw notFound();
  const parsed = parseForm(rateForm, body);
  if (!parsed.ok) return renderRateForm(ctx, reply, id, { t: ctx.t, errors: parsed.errors, values: parsed.values });
  try {
    await saveRate(ctx.tenant(), ctx.auditActor(), id, parsed.data);
  } catch (err) {
    return renderRateForm(ctx, reply, id, refusedForm(ctx, err, postedValues(body)));
  }
  return reply.redirect(`/${ctx.requireCommunity().slug}/staff/finance/duties?year=${parsed.data.year}&done=saved`, 303);
}

const RATE_FIELDS = ['year', 'kind_id', 'variant', 'revenue_line', 'treasury_account', 'rate', 'periodicity', 'measure', 'zone_coefficient', 'decision_number', 'decision_date', 'council_decision_id'] as const;
const newRateQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), kind: z.coerce.number().int().positive().max(2_147_483_647).optional() });

export const dutyRateRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/finance/duties',
    access: VIEW,
    kind: 'page',
    schema: { params: slugParams, querystring: yearQuery },
    handler: async (req, reply) => renderRates(req.ctx, reply, req.query.year ?? currentYear(), { notice: req.query.done === 'saved' ? req.ctx.t('finance.duties.saved') : undefined }),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/finance/duties/rates/new',
    access: EDIT,
    kind: 'page',
    schema: { params: slugParams, querystring: newRateQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      // Choosing a kind first fills in its usual periodicity, measure and revenue line.
      const kind = req.query.kind ? await findKind(ctx.db, req.query.kind) : undefined;
      const values: Record<string, string> = { year: String(req.query.year ?? currentYear()), zone_coefficient: '1', periodicity: 'monthly', measure: 'unit' };
      if (kind) Object.assign(values, { kind_id: String(kind.id), periodicity: kind.periodicity, measure: kind.measure, revenue_line: kind.revenue_line ?? '' });
      return renderRateForm(ctx, reply, null, { t: ctx.t, values });
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/duties/rates',
    access: EDIT,
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => saveRateForm(req.ctx, reply, null, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/finance/duties/rates/:rateId/edit',
    access: EDIT,
    kind: 'page',
    idParams: { rateId: 'fin_duty_rates' },
    schema: { params: rateParams },
    handler: async (req, reply) => {
      const rate = await findRate(req.ctx.tenant(), req.params.rateId);
      if (!rate) throw notFound();
      const values = Object.fromEntries(RATE_FIELDS.map((f) => [f, rate[f] === null ? '' : String(rate[f])]));
      return renderRateForm(req.ctx, reply, rate.id, { t: req.ctx.t, values });
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/duties/rates/:rateId',
    access: EDIT,
    kind: 'form',
    idParams: { rateId: 'fin_duty_rates' },
    schema: { params: rateParams },
    handler: async (req, reply) => saveRateForm(req.ctx, reply, req.params.rateId, req.body),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/duties/copy',
    access: EDIT,
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(copyForm, req.body);
      if (!parsed.ok) return renderRates(ctx, reply, currentYear(), { copy: { t: ctx.t, errors: parsed.errors, values: parsed.values }, status: 400 });
      try {
        const r = await copyRates(ctx.tenant(), ctx.auditActor(), parsed.data);
        return renderRates(ctx, reply, parsed.data.to_year, { notice: ctx.t('finance.duties.copy.done', { copied: r.copied, present: r.present, aboveLimit: r.aboveLimit }) });
      } catch (err) {
        return renderRates(ctx, reply, parsed.data.from_year, { copy: refusedForm(ctx, err, postedValues(req.body)), status: 400 });
      }
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/duties/accrue',
    access: EDIT,
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(accrueForm, req.body);
      if (!parsed.ok) return renderRates(ctx, reply, currentYear(), { accrue: { t: ctx.t, errors: parsed.errors, values: parsed.values }, status: 400 });
      const r = await accrueDuties(ctx.tenant(), ctx.auditActor(), parsed.data.as_of);
      const notice = ctx.t('finance.duties.accrue.done', { created: r.created, amount: formatAmd(r.amount), existing: r.existing, noRate: r.noRate });
      return renderRates(ctx, reply, Number(parsed.data.as_of.slice(0, 4)), { notice });
    },
  }),
];
