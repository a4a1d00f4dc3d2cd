// The staff budget pages (back office): the year's budget, a draft's plan from a file, its
// adoption, amendments, and Treasury execution imports with their results. Thin: parse,
// call the service, render; a refusal or a bad form re-renders the page with the errors.
import { h } from 'preact';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, slugParams, withUpload, type RouteDef } from '../../../platform/http/route.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { MAX_UPLOAD_BYTES } from '../../../platform/files/upload.ts';
import { decide, type Access } from '../../../platform/policy/access.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { budgetReport, budgetYears, findBudget, type Budget } from './budget.report.ts';
import { amendmentsOf, importById, importsOf } from './budget.queries.ts';
import { adoptBudget, amendBudget, BudgetRefused, createBudget, importExecution, importPlan } from './budget.service.ts';
import { BadFile } from './budget.file.ts';
import { AmendPage, ExecutionResultPage, StaffBudgetPage, staffBase, type StaffPageProps } from './budget.staff.views.tsx';
import { adoptForm, amendForm, budgetParams, createForm, deltasOf, importParams, staffQuery, uploadForm } from './budget.schemas.ts';

export const VIEW = 'staff:finance.budget_view';
export const EDIT = 'staff:finance.budget_edit';

async function budgetOr404(ctx: Ctx, id: number) {
  const b = await ctx.tenant().selectFrom('fin_budgets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw notFound();
  return b;
}

async function renderYear(ctx: Ctx, reply: FastifyReply, year: number, more: Partial<StaffPageProps> = {}, status = 200) {
  const tenant = ctx.tenant();
  const [years, budget] = await Promise.all([budgetYears(tenant, false), findBudget(tenant, year)]);
  const report = budget ? await budgetReport(tenant, budget, todayInYerevan()) : null;
  const [amendments, imports] = budget ? await Promise.all([amendmentsOf(tenant, budget.id), importsOf(tenant, budget.id)]) : [[], []];
  const canEdit = decide(EDIT, ctx.actor, ctx.services.permissions) === 'allow';
  return sendPage(reply, h(StaffBudgetPage, { ctx, years, year, report, amendments, imports, canEdit, ...more }), status);
}

type FormName = keyof NonNullable<StaffPageProps['forms']>;

/** Runs a change; a BudgetRefused or an unusable file shows the year's page again with the error on the form. */
async function attempt(ctx: Ctx, reply: FastifyReply, year: number, form: FormName, values: Record<string, string>, run: () => Promise<unknown>) {
  try {
    return await run();
  } catch (err) {
    if (err instanceof BadFile) {
      const errors = { file: Object.keys(err.params).length ? 'finance.budget.file.unreadable' as const : err.messageKey };
      return renderYear(ctx, reply, year, { problem: ctx.t(err.messageKey, err.params), forms: { [form]: { t: ctx.t, errors, values } } }, 400);
    }
    if (err instanceof BudgetRefused) return renderYear(ctx, reply, year, { forms: { [form]: { t: ctx.t, errors: { [err.field]: err.messageKey }, values } } }, 400);
    throw err;
  }
}

/** A route about one budget of the community (`:budgetId`); another community's budget is not found. */
function budgetRoute(method: 'GET' | 'POST', sub: string, access: Access, handle: (ctx: Ctx, reply: FastifyReply, budget: Budget, body: Record<string, unknown>) => Promise<unknown>): RouteDef {
  return route({
    method, url: `/:slug/staff/finance/budget/:budgetId/${sub}`, access, kind: method === 'GET' ? 'page' : 'form', idParams: { budgetId: 'fin_budgets' },
    schema: { params: budgetParams },
    handler: async (req, reply) => handle(req.ctx, reply, await budgetOr404(req.ctx, req.params.budgetId), (req.body ?? {}) as Record<string, unknown>),
  });
}

/**
 * A file posted for a budget (its plan, a Treasury report): no file, or a file that cannot
 * be used, shows the year's page again with the error on that form. CSV has no signature
 * to sniff, so any type is taken; the reader refuses what it cannot read.
 */
function uploadRoute(form: 'plan' | 'execution', handle: (ctx: Ctx, reply: FastifyReply, budget: Budget, file: { filename: string; data: Buffer }) => Promise<unknown>): RouteDef {
  return withUpload(budgetRoute('POST', form, EDIT, async (ctx, reply, budget, body) => {
    const parsed = parseForm(uploadForm, body);
    if (!parsed.ok) return renderYear(ctx, reply, budget.year, { forms: { [form]: { t: ctx.t, errors: parsed.errors } } }, 400);
    return attempt(ctx, reply, budget.year, form, {}, () => handle(ctx, reply, budget, parsed.data.file));
  }), { maxBytes: MAX_UPLOAD_BYTES, types: [] });
}

export const budgetStaffRoutes: RouteDef[] = [
  route({
    method: 'GET', url: '/:slug/staff/finance/budget', access: VIEW, kind: 'page',
    schema: { params: slugParams, querystring: staffQuery },
    handler: async (req, reply) => renderYear(req.ctx, reply, req.query.year ?? Number(todayInYerevan().slice(0, 4)), { done: req.query.done }),
  }),
  route({
    method: 'POST', url: '/:slug/staff/finance/budget', access: EDIT, kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(createForm, req.body);
      const fallback = Number(todayInYerevan().slice(0, 4));
      if (!parsed.ok) return renderYear(ctx, reply, fallback, { forms: { create: { t: ctx.t, errors: parsed.errors, values: parsed.values } } }, 400);
      const year = parsed.data.year;
      return attempt(ctx, reply, year, 'create', { year: String(year) }, async () => {
        await createBudget(ctx.tenant(), ctx.auditActor(), year);
        return reply.redirect(`${staffBase(ctx)}?year=${year}&done=created`, 303);
      });
    },
  }),
  uploadRoute('plan', async (ctx, reply, budget, file) => {
    const result = await importPlan(ctx.tenant(), ctx.auditActor(), budget.id, file.data);
    if (result.problems.length) return renderYear(ctx, reply, budget.year, { planProblems: result.problems, forms: { plan: { t: ctx.t, errors: { file: 'finance.budget.error.planRows' } } } }, 400);
    return reply.redirect(`${staffBase(ctx)}?year=${budget.year}&done=plan`, 303);
  }),
  budgetRoute('POST', 'adopt', EDIT, async (ctx, reply, budget, body) => {
    const parsed = parseForm(adoptForm, body);
    if (!parsed.ok) return renderYear(ctx, reply, budget.year, { forms: { adopt: { t: ctx.t, errors: parsed.errors, values: parsed.values } } }, 400);
    return attempt(ctx, reply, budget.year, 'adopt', {}, async () => {
      await adoptBudget(ctx.tenant(), ctx.auditActor(), budget.id, { number: parsed.data.decision_number, date: parsed.data.decision_date });
      return reply.redirect(`${staffBase(ctx)}?year=${budget.year}&done=adopted`, 303);
    });
  }),
  budgetRoute('GET', 'amend', EDIT, async (ctx, reply, budget) => {
    if (budget.status !== 'adopted') throw notFound();
    const report = await budgetReport(ctx.tenant(), budget, todayInYerevan());
    return sendPage(reply, h(AmendPage, { ctx, report, form: { t: ctx.t } }));
  }),
  budgetRoute('POST', 'amend', EDIT, async (ctx, reply, budget, body) => {
    if (budget.status !== 'adopted') throw notFound();
    const again = async (form: Parameters<typeof AmendPage>[0]['form']) =>
      sendPage(reply, h(AmendPage, { ctx, report: await budgetReport(ctx.tenant(), budget, todayInYerevan()), form }), 400);
    const values = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'));
    const parsed = parseForm(amendForm, body);
    const { deltas, errors } = deltasOf(body);
    if (!parsed.ok || Object.keys(errors).length) return again({ t: ctx.t, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors }, values });
    try {
      await amendBudget(ctx.tenant(), ctx.auditActor(), budget.id, { number: parsed.data.decision_number, date: parsed.data.decision_date, note: parsed.data.note || null }, deltas);
    } catch (err) {
      if (!(err instanceof BudgetRefused)) throw err;
      return again({ t: ctx.t, errors: { [err.field]: err.messageKey }, values });
    }
    return reply.redirect(`${staffBase(ctx)}?year=${budget.year}&done=amended`, 303);
  }),
  uploadRoute('execution', async (ctx, reply, budget, file) => {
    const result = await importExecution(ctx.tenant(), ctx.auditActor(), budget.id, file.filename, file.data);
    return reply.redirect(`${staffBase(ctx)}/${budget.id}/execution/${result.importId}${result.repeated ? '?repeated=1' : ''}`, 303);
  }),
  route({
    method: 'GET', url: '/:slug/staff/finance/budget/:budgetId/execution/:importId', access: VIEW, kind: 'page',
    idParams: { budgetId: 'fin_budgets', importId: 'fin_budget_exec_imports' },
    schema: { params: importParams, querystring: z.object({ repeated: z.literal('1').optional() }) },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const budget = await budgetOr404(ctx, req.params.budgetId);
      const run = await importById(ctx.tenant(), req.params.importId);
      if (!run || run.budget_id !== budget.id) throw notFound();
      return sendPage(reply, h(ExecutionResultPage, { ctx, year: budget.year, run, problems: JSON.parse(run.report_json), repeated: req.query.repeated === '1' }));
    },
  }),
];
