// The public estimator: a page on each community's site (a GET form, no JavaScript) and the
// same as JSON for anyone. No sign-in; the language comes from ?lang=, else as for any page.
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams } from '../../../platform/http/route.ts';
import { AppError, badRequest, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { isLocale, todayInYerevan, type MessageKey } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { estimateInput, estimateQuery, estimateTax, type EstimateQuery } from './estimate.ts';
import { EstimatePage } from './estimate.views.tsx';
import type { TaxResult } from './rules.types.ts';

function useLang(ctx: Ctx, q: EstimateQuery): void {
  if (isLocale(q.lang)) ctx.setLocale(q.lang);
}

const ruleRef = z.object({ kind: z.string(), legalRef: z.string(), verification: z.enum(['verified', 'to_check']), validFrom: z.string() });

const estimateResponse = z.object({
  amount: z.number().int(),
  currency: z.literal('AMD'),
  year: z.number().int(),
  rule: ruleRef,
  applied: z.array(ruleRef),
  basis: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  warnings: z.array(z.object({ code: z.enum(['to_check', 'provisional']), message: z.string() })),
});

const refOf = (r: TaxResult['rule']) => ({ kind: r.kind, legalRef: r.legalRef, verification: r.verification, validFrom: r.validFrom });

export const estimateRoutes = [
  route({
    method: 'GET',
    url: '/:slug/taxes/estimate',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams, querystring: estimateQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const q = req.query as EstimateQuery;
      useLang(ctx, q);
      const { lang: _lang, ...asked } = q;
      const values: Record<string, string> = { year: todayInYerevan().slice(0, 4), inside: 'true', ...asked };
      const show = (errors?: FieldErrors, result?: { amount: TaxResult; year: number }) =>
        sendPage(reply, h(EstimatePage, { ctx, form: { t: ctx.t, values, ...(errors ? { errors } : {}) }, ...(result ? { result } : {}) }), errors ? 400 : 200);
      // The first visit, or the form sent untouched (only its prefilled year and place): the form alone.
      if (!asked.kind && Object.keys(asked).every((k) => k === 'year' || k === 'inside')) return show();
      const parsed = estimateInput(q);
      if (!parsed.ok) return show(parsed.errors);
      try {
        return show(undefined, { amount: await estimateTax(ctx.db, parsed.input, ctx.requireCommunity().id), year: parsed.input.year });
      } catch (err) {
        if (err instanceof AppError && Object.keys(err.fields).length) return show(err.fields);
        throw err;
      }
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/finance/estimate',
    access: 'public',
    kind: 'api',
    schema: {
      summary: 'Estimate a real estate, land or vehicle tax with the national rules in force for a tax year',
      description: [
        'kind: apartment | house | garden_house | garage | non_residential | industrial | public | land_agricultural | land | vehicle.',
        'value: the tax base in whole drams (cadastral value; for land_agricultural the calculated net income).',
        'land: inside=true|false, and value or area (m²) + zone. vehicle: class=car|bus_truck|motorcycle|water_snow_quad, body=truck|bus (bus_truck),',
        'hp or kw, manufactured (year). year: the tax year (default the current one). lang: hy|en|ru (else Accept-Language).',
        'The amount is whole drams, rounded half up once at the end. warnings: to_check (a rule not yet verified), provisional (a placeholder rate).',
      ].join(' '),
      tags: ['finance'],
      querystring: estimateQuery,
      response: { 200: estimateResponse },
    },
    handler: async (req) => {
      const ctx = req.ctx;
      const q = req.query as EstimateQuery;
      useLang(ctx, q);
      const parsed = estimateInput(q);
      if (!parsed.ok) throw badRequest(parsed.errors);
      const r = await estimateTax(ctx.db, parsed.input);
      return {
        amount: r.amount,
        currency: 'AMD' as const,
        year: parsed.input.year,
        rule: refOf(r.rule),
        applied: r.applied.map(refOf),
        basis: r.basis,
        warnings: r.warnings.map((code) => ({ code, message: ctx.t(`finance.estimate.warning.${code}` as MessageKey) })),
      };
    },
  }),
];
