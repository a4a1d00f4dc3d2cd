// The queue's public side: the ticket screen (kiosk), the ticket, the hall display and
// its JSON. No sign-in: a kiosk in the hall and a screen on the wall use them.
import { h } from 'preact';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { AppError, badRequest, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { GROUP_LETTERS, groupName, officeName, yerevanTime, type Office, type ServiceGroup } from './queue.groups.ts';
import { calledTickets, findOffice, findTicket, openOffices, waitingAhead, waitingCounts } from './queue.queries.ts';
import { officeQuery, ticketForm, ticketParams } from './queue.schemas.ts';
import { takeTicket } from './queue.service.ts';
import { KioskPage, OfficeChoicePage, TicketPage } from './queue.kiosk.views.tsx';
import { DisplayPage, type DisplayData } from './queue.display.views.tsx';

type OpenOffice = Office & { groups: ServiceGroup[] };

/**
 * The office a kiosk or display shows: the one named by ?office=, or the only open one.
 * `office` is undefined when the visitor must choose; a key that is not an open office of
 * this community is a bad request.
 */
async function officeOf(ctx: Ctx, raw: string | undefined): Promise<{ office?: OpenOffice; offices: OpenOffice[] }> {
  const offices = await openOffices(ctx.tenant(), ctx.locale);
  if (raw === undefined || raw === '') return { office: offices.length === 1 ? offices[0] : undefined, offices };
  const office = offices.find((o) => o.key === raw);
  if (!office) throw badRequest({ office: 'queue.error.office' });
  return { office, offices };
}

/** The kiosk of the office named (or the only one), else the choice of offices; with errors it answers 400. */
async function renderKiosk(ctx: Ctx, reply: FastifyReply, officeKey: string | undefined, errors?: FieldErrors) {
  const offices = await openOffices(ctx.tenant(), ctx.locale);
  const office = officeKey !== undefined ? offices.find((o) => o.key === officeKey) : offices.length === 1 ? offices[0] : undefined;
  if (office) {
    const form = errors ? { t: ctx.t, errors } : undefined;
    return sendPage(reply, h(KioskPage, { ctx, office, groups: office.groups, several: offices.length > 1, form }), errors ? 400 : 200);
  }
  // An office that is not open here (or not ours at all) is a bad request, shown as the choice of the open ones.
  const all: FieldErrors | undefined = officeKey !== undefined ? { office: 'queue.error.office', ...errors } : errors;
  return sendPage(reply, h(OfficeChoicePage, { ctx, offices, form: all ? { t: ctx.t, errors: all } : undefined, purpose: 'kiosk' }), all ? 400 : 200);
}

/** The posted office, as text, to show the same kiosk again when the form comes back with errors. */
function postedOffice(body: unknown): string | undefined {
  const v = (body as Record<string, unknown> | undefined)?.office;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export async function displayData(ctx: Ctx, office: OpenOffice, now = new Date()): Promise<DisplayData> {
  const tenant = ctx.tenant();
  const day = todayInYerevan(now);
  const [called, waiting] = await Promise.all([calledTickets(tenant, day, office.settlementId), waitingCounts(tenant, day, office.settlementId)]);
  return {
    office: { key: office.key, name: officeName(ctx.t, office) },
    day,
    updated: yerevanTime(now.toISOString()),
    called: called.map((c) => ({ id: c.id, ticket: c.label, window: c.window_label, group: c.group_code, status: c.status, calledAt: c.called_at })),
    waiting: office.groups.map((g) => ({ group: g, letter: GROUP_LETTERS[g], name: groupName(ctx.t, g), count: waiting[g] ?? 0 })),
  };
}

const displayResponse = z.object({
  office: z.object({ key: z.string(), name: z.string() }),
  day: z.string(),
  updated: z.string(),
  called: z.array(z.object({ id: z.number(), ticket: z.string(), window: z.string(), group: z.string(), status: z.string(), calledAt: z.string() })),
  waiting: z.array(z.object({ group: z.string(), letter: z.string(), name: z.string(), count: z.number() })),
});

export const queuePublicRoutes = [
  route({
    method: 'GET',
    url: '/:slug/queue',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams, querystring: officeQuery },
    handler: async (req, reply) => renderKiosk(req.ctx, reply, req.query.office || undefined),
  }),
  route({
    method: 'POST',
    url: '/:slug/queue/tickets',
    access: 'public',
    kind: 'form',
    // A kiosk in a busy hall issues a few tickets a minute; this stops a script filling the queue.
    rateLimit: { max: 30, timeWindow: '1 minute' },
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(ticketForm, req.body);
      if (!parsed.ok) return renderKiosk(ctx, reply, postedOffice(req.body), parsed.errors);
      try {
        const ticket = await takeTicket(ctx.tenant(), parsed.data);
        return reply.redirect(`/${ctx.requireCommunity().slug}/queue/tickets/${ticket.id}`, 303);
      } catch (err) {
        if (err instanceof AppError && err.status === 400) return renderKiosk(ctx, reply, postedOffice(req.body), err.fields);
        throw err;
      }
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/queue/tickets/:ticketId',
    access: 'public',
    kind: 'page',
    idParams: { ticketId: 'queue_tickets' },
    schema: { params: ticketParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const ticket = await findTicket(tenant, req.params.ticketId);
      if (!ticket) throw notFound();
      const office = await findOffice(tenant, ticket.settlement_id, ctx.locale);
      if (!office) throw notFound();
      const ahead = ticket.status === 'waiting' ? await waitingAhead(tenant, ticket) : 0;
      return sendPage(reply, h(TicketPage, { ctx, view: { ticket, office, ahead, today: todayInYerevan(new Date()) } }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/queue/display',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams, querystring: officeQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { office, offices } = await officeOf(ctx, req.query.office);
      if (!office) return sendPage(reply, h(OfficeChoicePage, { ctx, offices, purpose: 'display' }));
      return sendPage(reply, h(DisplayPage, { ctx, office, data: await displayData(ctx, office) }));
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/communities/:slug/queue/display',
    access: 'public',
    kind: 'api',
    schema: {
      summary: "The hall display of an office: tickets called to a window now (latest first) and waiting counts per group",
      tags: ['services'],
      params: slugParams,
      querystring: officeQuery,
      response: { 200: displayResponse },
    },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { office } = await officeOf(ctx, req.query.office);
      if (!office) throw badRequest({ office: 'queue.error.officeRequired' });
      reply.header('cache-control', 'no-store');
      return displayData(ctx, office);
    },
  }),
];
