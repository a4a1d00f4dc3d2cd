// The operator windows (/:slug/staff/queue…): the windows an operator may serve, one
// window's page, calling the next ticket and moving the current one along. A settlement
// head serves only their settlements' offices: another office's window or ticket answers
// 404, as a row outside the reader's reach does everywhere (ARCHITECTURE rule 3).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { mayServeOffice } from './queue.groups.ts';
import { currentByWindow, currentTicket, findTicket, findWindow, listWindows, waitingCounts } from './queue.queries.ts';
import { TICKET_ACTIONS, doneQuery, ticketParams, windowParams, type TicketAction } from './queue.schemas.ts';
import { callNext, ticketAction, type QueueActor } from './queue.service.ts';
import { OperatorListPage, WindowPage, queueBase } from './queue.operator.views.tsx';

export function can(ctx: Ctx, permission: string): boolean {
  return ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has(permission);
}

export function queueActor(ctx: Ctx): QueueActor {
  return { audit: ctx.auditActor(), userId: ctx.actor?.userId ?? null, scope: ctx.actor?.settlementIds ?? null };
}

const scopeOf = (ctx: Ctx) => ctx.actor?.settlementIds ?? null;

/** A window the actor may serve, or 404. */
async function servedWindow(ctx: Ctx, id: number) {
  const window = await findWindow(ctx.tenant(), id);
  if (!window || !mayServeOffice(scopeOf(ctx), window.settlement_id)) throw notFound();
  return window;
}

async function renderWindow(ctx: Ctx, reply: FastifyReply, windowId: number, opts: { done?: string; problem?: MessageKey } = {}) {
  const window = await servedWindow(ctx, windowId);
  const tenant = ctx.tenant();
  const [current, waiting] = await Promise.all([currentTicket(tenant, window.id), waitingCounts(tenant, todayInYerevan(new Date()), window.settlement_id)]);
  return sendPage(reply, h(WindowPage, { ctx, window, current, waiting, ...opts }), opts.problem ? 409 : 200);
}

/** A refused move (someone else was quicker, or the window is closed) comes back as the window page with a message. */
function conflictMessage(err: unknown): MessageKey {
  if (err instanceof AppError && err.status === 409) return err.fields._form ?? 'error.conflict';
  throw err;
}

const DONE: Record<TicketAction, string> = { serve: 'served', done: 'done', 'no-show': 'no_show', recall: 'recalled' };

export const queueStaffRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/queue',
    access: 'staff:services.queue_operate',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const windows = await listWindows(tenant, scopeOf(ctx));
      const current = await currentByWindow(tenant);
      const day = todayInYerevan(new Date());
      const counts = new Map<number | null, Awaited<ReturnType<typeof waitingCounts>>>();
      for (const sid of new Set(windows.map((w) => w.settlement_id))) counts.set(sid, await waitingCounts(tenant, day, sid));
      const rows = windows.map((w) => ({
        window: w,
        current: current.get(w.id) ?? null,
        waiting: w.groups.reduce((n, g) => n + (counts.get(w.settlement_id)?.[g] ?? 0), 0),
      }));
      return sendPage(reply, h(OperatorListPage, { ctx, rows, links: { manage: can(ctx, 'services.queue_manage'), stats: can(ctx, 'services.office_stats') } }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/queue/windows/:windowId',
    access: 'staff:services.queue_operate',
    kind: 'page',
    idParams: { windowId: 'queue_windows' },
    schema: { params: windowParams, querystring: doneQuery },
    handler: async (req, reply) => renderWindow(req.ctx, reply, req.params.windowId, { done: req.query.done }),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/queue/windows/:windowId/call-next',
    access: 'staff:services.queue_operate',
    kind: 'form',
    idParams: { windowId: 'queue_windows' },
    schema: { params: windowParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const id = req.params.windowId;
      try {
        const called = await callNext(ctx.tenant(), queueActor(ctx), id);
        return reply.redirect(`${queueBase(ctx)}/windows/${id}?done=${called ? 'called' : 'empty'}`, 303);
      } catch (err) {
        return renderWindow(ctx, reply, id, { problem: conflictMessage(err) });
      }
    },
  }),
  ...TICKET_ACTIONS.map((action) =>
    route({
      method: 'POST',
      url: `/:slug/staff/queue/tickets/:ticketId/${action}`,
      access: 'staff:services.queue_operate',
      kind: 'form',
      idParams: { ticketId: 'queue_tickets' },
      schema: { params: ticketParams },
      handler: async (req, reply) => {
        const ctx = req.ctx;
        const ticket = await findTicket(ctx.tenant(), req.params.ticketId);
        if (!ticket || ticket.window_id === null || !mayServeOffice(scopeOf(ctx), ticket.settlement_id)) throw notFound();
        try {
          await ticketAction(ctx.tenant(), queueActor(ctx), ticket.id, action);
          return reply.redirect(`${queueBase(ctx)}/windows/${ticket.window_id}?done=${DONE[action]}`, 303);
        } catch (err) {
          return renderWindow(ctx, reply, ticket.window_id, { problem: conflictMessage(err) });
        }
      },
    }),
  ),
];
