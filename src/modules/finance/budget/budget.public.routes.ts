// The public budget pages: the adopted budget with its execution (?year= switches), and
// the Fiscal Data Package downloads (datapackage.json beside its two CSV resources).
import { h } from 'preact';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { budgetReport, budgetYears, findBudget } from './budget.report.ts';
import { amendmentsOf } from './budget.queries.ts';
import { csvName, dataPackage, fdpCsv, FDP_FILE } from './budget.fdp.ts';
import { PublicBudgetPage } from './budget.public.views.tsx';
import { csvParams, yearQuery } from './budget.schemas.ts';

async function adoptedReport(ctx: Ctx, year: number) {
  const budget = await findBudget(ctx.tenant(), year);
  if (!budget || budget.status !== 'adopted') return null;
  return budgetReport(ctx.tenant(), budget, todayInYerevan());
}

/** An adopted budget's report by its id; a draft, or another community's budget, is not found. */
async function publishedReport(ctx: Ctx, budgetId: number) {
  const budget = await ctx.tenant().selectFrom('fin_budgets').selectAll().where('id', '=', budgetId).where('status', '=', 'adopted').executeTakeFirst();
  if (!budget) throw notFound();
  return budgetReport(ctx.tenant(), budget, todayInYerevan());
}

export const budgetPublicRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/budget',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams, querystring: yearQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const years = await budgetYears(ctx.tenant(), true);
      const current = new Date().getUTCFullYear();
      const year = req.query.year ?? (years.includes(current) ? current : years[0]);
      if (req.query.year !== undefined && !years.includes(req.query.year)) throw notFound();
      const report = year === undefined ? null : await adoptedReport(ctx, year);
      const amendments = report ? await amendmentsOf(ctx.tenant(), report.budget.id) : [];
      return sendPage(reply, h(PublicBudgetPage, { ctx, years, report, amendments }));
    },
  }),
  // One route for the package's three files, so they stand side by side as the descriptor's relative paths expect.
  route({
    method: 'GET',
    url: '/api/v1/communities/:slug/budget/:budgetId/:file',
    access: 'public',
    kind: 'api',
    idParams: { budgetId: 'fin_budgets' },
    schema: { params: csvParams, summary: "A community's adopted budget and its execution as a Fiscal Data Package: the descriptor (v0.3 model) or one of its CSV resources", tags: ['finance'] },
    handler: async (req, reply) => {
      const report = await publishedReport(req.ctx, req.params.budgetId);
      const community = req.ctx.requireCommunity();
      if (req.params.file === FDP_FILE) {
        return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(dataPackage(report, community, req.ctx.services.config.publicUrl), null, 2));
      }
      return reply.header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${community.slug}-${report.budget.year}-${req.params.file}"`)
        .send(fdpCsv(report, req.params.file === csvName('revenue') ? 'revenue' : 'expense'));
    },
  }),
];
