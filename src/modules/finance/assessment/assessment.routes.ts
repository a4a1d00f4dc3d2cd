// Finance → Assessment: start a run (a background job), follow it, approve a recalculation.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { AppError, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { auditResidentsShown } from '../../registry/index.ts';
import { assessableYears, doneQuery, runParams, startRunForm } from './assessment.schemas.ts';
import { differencesOf, listRuns } from './assessment.queries.ts';
import { createRun, findRun } from './runs.ts';
import { approveRecalculation } from './approve.ts';
import { AssessmentPage, RunPage, assessmentPath } from './assessment.views.tsx';

const canApprove = (ctx: Ctx) => ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has('finance.assess');

async function renderList(ctx: Ctx, reply: FastifyReply, values: Record<string, string> | null, errors: FieldErrors = {}, done?: string) {
  const runs = await listRuns(ctx.tenant());
  const years = assessableYears();
  const form = { t: ctx.t, errors, values: values ?? { year: String(years[0]), kind: 'assessment' } };
  return sendPage(reply, h(AssessmentPage, { ctx, runs, years, form, done }), Object.keys(errors).length ? 400 : 200);
}

async function renderRun(ctx: Ctx, reply: FastifyReply, runId: number, errors: FieldErrors = {}, done?: string) {
  const run = await findRun(ctx.tenant(), runId);
  if (!run) throw notFound();
  const diffs = run.kind === 'recalculation' ? await differencesOf(ctx.tenant(), runId) : [];
  // The payers shown are people of the population register: the read is audited.
  await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'list', diffs.map((d) => ({ residentId: d.resident_id })));
  const form = { t: ctx.t, errors, values: {} };
  return sendPage(reply, h(RunPage, { ctx, run, diffs, canApprove: canApprove(ctx), form, done }), Object.keys(errors).length ? 409 : 200);
}

export const assessmentRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/staff/finance/assessment',
    access: 'staff:finance.assess',
    kind: 'page',
    schema: { params: slugParams, querystring: doneQuery },
    handler: async (req, reply) => renderList(req.ctx, reply, null, {}, req.query.done),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/assessment/runs',
    access: 'staff:finance.assess',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(startRunForm, req.body);
      if (!parsed.ok) return renderList(ctx, reply, parsed.values, parsed.errors);
      const busy = await ctx.tenant().selectFrom('fin_assessment_runs').select('id').where('year', '=', parsed.data.year).where('status', 'in', ['queued', 'running']).executeTakeFirst();
      if (busy) return renderList(ctx, reply, { year: String(parsed.data.year), kind: parsed.data.kind }, { year: 'finance.assessment.error.busy' });
      const runId = await createRun(ctx.tenant(), ctx.auditActor(), { ...parsed.data, background: true });
      return reply.redirect(`${assessmentPath(ctx)}/runs/${runId}?done=started`, 303);
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/finance/assessment/runs/:runId',
    access: 'staff:finance.assess',
    kind: 'page',
    idParams: { runId: 'fin_assessment_runs' },
    schema: { params: runParams, querystring: doneQuery },
    handler: async (req, reply) => renderRun(req.ctx, reply, req.params.runId, {}, req.query.done),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/assessment/runs/:runId/approve',
    access: 'staff:finance.assess',
    kind: 'form',
    idParams: { runId: 'fin_assessment_runs' },
    schema: { params: runParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      try {
        await approveRecalculation(ctx.db, ctx.requireCommunity().id, ctx.auditActor(), req.params.runId, todayInYerevan());
      } catch (err) {
        if (err instanceof AppError && err.status === 409) return renderRun(ctx, reply, req.params.runId, err.fields);
        throw err;
      }
      return reply.redirect(`${assessmentPath(ctx)}/runs/${req.params.runId}?done=approved`, 303);
    },
  }),
];
