// Setting up the windows (services.queue_manage) and the office statistics
// (services.office_stats) under /:slug/staff/queue.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { AppError, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { unscoped } from '../../../platform/db/tenant.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { parseOfficeKey } from './queue.groups.ts';
import { findWindow, listWindows, officeSettlements, ticketsOfDay, windowOffice } from './queue.queries.ts';
import { doneQuery, statsQuery, windowCreateForm, windowParams, windowUpdateForm } from './queue.schemas.ts';
import { createWindow, updateWindow } from './queue.service.ts';
import { dayStats } from './queue.stats.ts';
import { EditWindowPage, ManageWindowsPage, type WindowsFormState } from './queue.windows.views.tsx';
import { StatsPage } from './queue.stats.views.tsx';
import { queueBase } from './queue.operator.views.tsx';

/** The posted checkboxes, to tick them again when the form comes back with errors. */
function posted(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

function formState(ctx: Ctx, body: unknown, errors: FieldErrors | undefined): WindowsFormState {
  const values: Record<string, string> = {};
  for (const k of ['office', 'label']) {
    const v = (body as Record<string, unknown> | undefined)?.[k];
    if (typeof v === 'string') values[k] = v;
  }
  return { form: { t: ctx.t, errors, values }, checked: posted(body, 'groups') };
}

async function renderManage(ctx: Ctx, reply: FastifyReply, state: WindowsFormState, done?: string) {
  const tenant = ctx.tenant();
  const [windows, settlements] = await Promise.all([listWindows(tenant), officeSettlements(tenant)]);
  return sendPage(reply, h(ManageWindowsPage, { ctx, windows, settlements, state, done }), state.form.errors ? 400 : 200);
}

async function renderEdit(ctx: Ctx, reply: FastifyReply, windowId: number, body?: unknown, errors?: FieldErrors) {
  const window = await findWindow(ctx.tenant(), windowId);
  if (!window) throw notFound();
  const state: WindowsFormState = body === undefined ? { form: { t: ctx.t }, checked: window.groups } : formState(ctx, body, errors);
  const active = body === undefined ? window.active === 1 : posted(body, 'active').includes('1');
  return sendPage(reply, h(EditWindowPage, { ctx, window, state, active }), errors ? 400 : 200);
}

/** Field errors of a refused change, to show on the form; anything else propagates. */
function fieldErrorsOf(err: unknown): FieldErrors {
  if (err instanceof AppError && err.status === 400) return err.fields;
  throw err;
}

/** Names of the staff who served tickets (accounts are global; only these ids are read). */
async function operatorNames(ctx: Ctx, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await unscoped(ctx.db, "names of the operators in this community's own queue figures")
    .selectFrom('users').select(['id', 'full_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

export const queueManageRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/queue/windows',
    access: 'staff:services.queue_manage',
    kind: 'page',
    schema: { params: slugParams, querystring: doneQuery },
    handler: async (req, reply) => renderManage(req.ctx, reply, { form: { t: req.ctx.t, values: { office: 'central' } }, checked: [] }, req.query.done),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/queue/windows',
    access: 'staff:services.queue_manage',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(windowCreateForm, req.body);
      if (!parsed.ok) return renderManage(ctx, reply, formState(ctx, req.body, parsed.errors));
      try {
        await createWindow(ctx.tenant(), ctx.auditActor(), parsed.data);
        return reply.redirect(`${queueBase(ctx)}/windows?done=created`, 303);
      } catch (err) {
        return renderManage(ctx, reply, formState(ctx, req.body, fieldErrorsOf(err)));
      }
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/queue/windows/:windowId/edit',
    access: 'staff:services.queue_manage',
    kind: 'page',
    idParams: { windowId: 'queue_windows' },
    schema: { params: windowParams },
    handler: async (req, reply) => renderEdit(req.ctx, reply, req.params.windowId),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/queue/windows/:windowId',
    access: 'staff:services.queue_manage',
    kind: 'form',
    idParams: { windowId: 'queue_windows' },
    schema: { params: windowParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const id = req.params.windowId;
      const parsed = parseForm(windowUpdateForm, req.body);
      if (!parsed.ok) return renderEdit(ctx, reply, id, req.body, parsed.errors);
      try {
        await updateWindow(ctx.tenant(), ctx.auditActor(), id, parsed.data);
        return reply.redirect(`${queueBase(ctx)}/windows?done=saved`, 303);
      } catch (err) {
        return renderEdit(ctx, reply, id, req.body, fieldErrorsOf(err));
      }
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/queue/stats',
    access: 'staff:services.office_stats',
    kind: 'page',
    schema: { params: slugParams, querystring: statsQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const day = req.query.day ?? todayInYerevan(new Date());
      const officeKey = req.query.office ?? '';
      const settlementId = officeKey === '' ? undefined : parseOfficeKey(officeKey);
      const [windows, rows] = await Promise.all([listWindows(tenant), ticketsOfDay(tenant, day, settlementId)]);
      const stats = dayStats(rows);
      const offices = [...new Map(windows.map((w) => [w.settlement_id, windowOffice(w, ctx.locale)])).values()];
      const operators = await operatorNames(ctx, [...stats.operators.keys()]);
      return sendPage(reply, h(StatsPage, { ctx, day, officeKey, offices, stats, windows, operators }));
    },
  }),
];
