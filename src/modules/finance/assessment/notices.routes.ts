// Finance → Assessment → Tax notices: the payers of a year, each notice as PDF, the mailing
// list (CSV/XLSX), and sending by e-mail and SMS. Reads of payers are audited as reads of people.
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { auditResidentsShown } from '../../registry/index.ts';
import type { PayerKind } from '../ledger/ledger.table.ts';
import { assessableYears } from './assessment.schemas.ts';
import { noticePayers } from './notices.data.ts';
import { renderNoticePdf } from './notices.pdf.ts';
import { mailingList, sendNotices } from './notices.service.ts';
import { NoticesPage } from './notices.views.tsx';

const year = z.coerce.number().int().refine((y) => assessableYears().includes(y), 'field.invalid');
const noticesQuery = z.object({ year: year.optional(), done: z.enum(['sent']).optional(), count: z.coerce.number().int().min(0).optional() });
/** The notice's year; the current one when not given. */
const yearQuery = z.object({ year: year.optional() });
const mailingQuery = z.object({ year, format: z.enum(['csv', 'xlsx']) });
const residentParams = z.object({ slug: z.string(), residentId: z.coerce.number().int().positive() });
const organizationParams = z.object({ slug: z.string(), organizationId: z.coerce.number().int().positive() });
const sendForm = z.object({ year });

const BASE = '/:slug/staff/finance/assessment/notices';

async function pdf(ctx: Ctx, kind: PayerKind, id: number, y: number) {
  const tdb = ctx.tenant();
  const [payer] = await noticePayers(ctx.db, tdb, y, { kind, id });
  if (!payer) throw notFound();
  await tdb.transaction(async (_tx, raw) => {
    await appendAudit(raw, ctx.auditActor(), { communityId: tdb.communityId, action: 'finance.notice.download', entityType: 'fin_tax_notice', entityId: payer.number, after: { year: y } });
  });
  if (kind === 'resident') await auditResidentsShown(tdb, ctx.auditActor(), 'export', [{ residentId: id }]);
  return { payer, bytes: await renderNoticePdf({ community: ctx.requireCommunity(), year: y, payer, publicUrl: ctx.services.config.publicUrl, issuedOn: todayInYerevan() }) };
}

export const noticeRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: BASE,
    access: 'staff:finance.assess',
    kind: 'page',
    schema: { params: slugParams, querystring: noticesQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const y = req.query.year ?? assessableYears()[0]!;
      const payers = await noticePayers(ctx.db, ctx.tenant(), y);
      const notices = await ctx.tenant().selectFrom('fin_tax_notices').select(['payer_key', 'email_sent_at', 'sms_sent_at']).where('year', '=', y).execute();
      await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'list', payers.filter((p) => p.payerKind === 'resident').map((p) => ({ residentId: p.payerId })));
      return sendPage(reply, h(NoticesPage, { ctx, year: y, years: assessableYears(), payers, sent: new Map(notices.map((n) => [n.payer_key, n])), done: req.query.done, count: req.query.count }));
    },
  }),
  route({
    method: 'GET',
    url: `${BASE}/residents/:residentId/pdf`,
    access: 'staff:finance.assess',
    kind: 'page',
    idParams: { residentId: 'residents' },
    schema: { params: residentParams, querystring: yearQuery },
    handler: async (req, reply) => {
      const { payer, bytes } = await pdf(req.ctx, 'resident', req.params.residentId, req.query.year ?? assessableYears()[0]!);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="notice-${payer.number}.pdf"`).header('cache-control', 'no-store').send(bytes);
    },
  }),
  route({
    method: 'GET',
    url: `${BASE}/organizations/:organizationId/pdf`,
    access: 'staff:finance.assess',
    kind: 'page',
    idParams: { organizationId: 'organizations' },
    schema: { params: organizationParams, querystring: yearQuery },
    handler: async (req, reply) => {
      const { payer, bytes } = await pdf(req.ctx, 'organization', req.params.organizationId, req.query.year ?? assessableYears()[0]!);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="notice-${payer.number}.pdf"`).header('cache-control', 'no-store').send(bytes);
    },
  }),
  route({
    method: 'GET',
    url: `${BASE}/mailing-list`,
    access: 'staff:finance.assess',
    kind: 'page',
    schema: { params: slugParams, querystring: mailingQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const body = await mailingList(ctx.db, ctx.tenant(), ctx.auditActor(), req.query.year, req.query.format, ctx.locale);
      const name = `${ctx.requireCommunity().slug}-tax-notices-${req.query.year}.${req.query.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
      return reply.header('content-type', req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(body);
    },
  }),
  route({
    method: 'POST',
    url: `${BASE}/send`,
    access: 'staff:finance.assess',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(sendForm, req.body);
      if (!parsed.ok) throw badRequest(parsed.errors);
      const y = parsed.data.year;
      const count = await sendNotices(ctx.db, ctx.requireCommunity(), ctx.auditActor(), y, ctx.services.config.publicUrl);
      return reply.redirect(`/${req.params.slug}/staff/finance/assessment/notices?year=${y}&done=sent&count=${count}`, 303);
    },
  }),
];
