// Use-cases of the Citizen Office queue: a visitor takes a ticket; an operator calls the
// next one, serves it, finishes it or marks it missed; a manager sets up the windows.
// Every staff action is one transaction with its audit event. Taking a ticket is not
// audited: it is anonymous, carries no personal data, and the ticket row is its record.
import { sql } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { nextSequence } from '../../../platform/db/sequences.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import type { TicketStatus } from '../services.table.ts';
import { groupsJson, mayServeOffice, parseOfficeKey, ticketLabel, ticketSequence } from './queue.groups.ts';
import { currentTicket, findTicket, findWindow, listWindows, type TicketRow } from './queue.queries.ts';
import type { TicketAction, TicketInput, WindowCreateInput, WindowUpdateInput } from './queue.schemas.ts';

/** Who is acting: for the audit log, the ticket's operator, and the offices they may serve. */
export interface QueueActor {
  audit: AuditActor;
  userId: number | null;
  /** A settlement head's settlements; null: every office of the community. */
  scope: number[] | null;
}

/** Issues the next ticket of the day for a group at an office that has an active window calling it. */
export async function takeTicket(tenant: TenantDb, input: TicketInput, now = new Date()): Promise<TicketRow> {
  const settlementId = parseOfficeKey(input.office);
  if (settlementId === undefined) throw badRequest({ office: 'queue.error.office' });
  return tenant.transaction(async (scoped) => {
    const windows = (await listWindows(scoped, null, true)).filter((w) => w.settlement_id === settlementId);
    if (windows.length === 0) throw badRequest({ office: 'queue.error.office' });
    if (!windows.some((w) => w.groups.includes(input.group))) throw badRequest({ group: 'queue.error.groupClosed' });
    const day = todayInYerevan(now);
    const number = await nextSequence(scoped, ticketSequence(day, settlementId, input.group));
    return scoped
      .insertInto('queue_tickets', {
        settlement_id: settlementId, group_code: input.group, day, number, label: ticketLabel(input.group, number), status: 'waiting',
        window_id: null, operator_user_id: null, issued_at: now.toISOString(), called_at: null, served_at: null, done_at: null, case_id: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/**
 * Calls the oldest waiting ticket of today that this window serves. Two windows calling at
 * once never get the same ticket: the update only takes a ticket that is still waiting,
 * and when another window took it first (0 rows) the next oldest is tried. Answers null
 * when nobody is waiting.
 */
export async function callNext(tenant: TenantDb, actor: QueueActor, windowId: number, now = new Date()): Promise<TicketRow | null> {
  return tenant.transaction(async (scoped, tx) => {
    const window = await findWindow(scoped, windowId);
    if (!window || !mayServeOffice(actor.scope, window.settlement_id)) throw notFound();
    if (!window.active) throw conflict({ _form: 'queue.error.windowClosed' });
    // A no-op update takes the window's row lock (PostgreSQL), so two clicks at the same
    // window queue up here and the second sees the ticket the first one called.
    await scoped.updateTable('queue_windows').set({ active: sql<number>`active` }).where('id', '=', windowId).execute();
    if (await currentTicket(scoped, windowId)) throw conflict({ _form: 'queue.error.finishCurrent' });
    if (window.groups.length === 0) return null;
    const day = todayInYerevan(now);
    const at = now.toISOString();
    for (let attempt = 0; attempt < 50; attempt++) {
      const next = await scoped
        .selectFrom('queue_tickets')
        .selectAll()
        .where('day', '=', day)
        .where('status', '=', 'waiting')
        .where('group_code', 'in', window.groups)
        .where((eb) => (window.settlement_id === null ? eb('settlement_id', 'is', null) : eb('settlement_id', '=', window.settlement_id)))
        .orderBy('issued_at')
        .orderBy('id')
        .executeTakeFirst();
      if (!next) return null;
      const taken = await scoped
        .updateTable('queue_tickets')
        .set({ status: 'called', window_id: windowId, operator_user_id: actor.userId, called_at: at })
        .where('id', '=', next.id)
        .where('status', '=', 'waiting')
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) continue;
      await scoped.updateTable('queue_windows').set({ operator_user_id: actor.userId }).where('id', '=', windowId).execute();
      await appendAudit(tx, actor.audit, {
        communityId: scoped.communityId, action: 'queue.ticket.call', entityType: 'queue_ticket', entityId: next.id,
        before: { status: 'waiting' }, after: { status: 'called', ticket: next.label, window: window.label },
      });
      return { ...next, status: 'called', window_id: windowId, operator_user_id: actor.userId, called_at: at };
    }
    throw conflict({ _form: 'queue.error.busy' });
  });
}

/** What each action does: the statuses it may start from and the change it makes. */
const TRANSITIONS: Record<TicketAction, { from: TicketStatus[]; change: (at: string) => Partial<TicketRow> }> = {
  serve: { from: ['called'], change: (at) => ({ status: 'serving', served_at: at }) },
  done: { from: ['serving'], change: (at) => ({ status: 'done', done_at: at }) },
  'no-show': { from: ['called'], change: () => ({ status: 'no_show' }) },
  // Calling again moves the ticket to the top of the hall display.
  recall: { from: ['called'], change: (at) => ({ called_at: at }) },
};

/** Serves, finishes, misses or recalls a called ticket. A ticket another window already moved on is a conflict. */
export async function ticketAction(tenant: TenantDb, actor: QueueActor, ticketId: number, action: TicketAction, now = new Date()): Promise<TicketRow> {
  return tenant.transaction(async (scoped, tx) => {
    const ticket = await findTicket(scoped, ticketId);
    if (!ticket || ticket.window_id === null || !mayServeOffice(actor.scope, ticket.settlement_id)) throw notFound();
    const { from, change } = TRANSITIONS[action];
    const values = change(now.toISOString());
    const res = await scoped.updateTable('queue_tickets').set(values).where('id', '=', ticketId).where('status', 'in', from).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict({ _form: 'queue.error.ticketMoved' });
    await appendAudit(tx, actor.audit, {
      communityId: scoped.communityId, action: `queue.ticket.${action}`, entityType: 'queue_ticket', entityId: ticketId,
      before: { status: ticket.status }, after: { status: values.status ?? ticket.status, ticket: ticket.label, window: ticket.window_label },
    });
    const { window_label: _label, ...row } = ticket;
    return { ...row, ...values };
  });
}

/** Opens a window at an office: the central one or a settlement's (not the centre's, which is the central office). */
export async function createWindow(tenant: TenantDb, actor: AuditActor, input: WindowCreateInput): Promise<number> {
  const settlementId = parseOfficeKey(input.office);
  if (settlementId === undefined) throw badRequest({ office: 'queue.error.office' });
  return tenant.transaction(async (scoped, tx) => {
    if (settlementId !== null) {
      const s = await scoped.selectFrom('settlements').select('id').where('id', '=', settlementId).where('is_centre', '=', 0).executeTakeFirst();
      if (!s) throw badRequest({ office: 'queue.error.office' });
    }
    const sameOffice = (await listWindows(scoped)).filter((w) => w.settlement_id === settlementId);
    if (sameOffice.some((w) => w.label.toLocaleLowerCase() === input.label.toLocaleLowerCase())) throw badRequest({ label: 'queue.error.labelTaken' });
    const groups = groupsJson(input.groups);
    const { id } = await scoped
      .insertInto('queue_windows', { settlement_id: settlementId, label: input.label, groups, operator_user_id: null, active: 1, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, actor, {
      communityId: scoped.communityId, action: 'queue.window.create', entityType: 'queue_window', entityId: id,
      after: { office: input.office, label: input.label, groups: input.groups },
    });
    return id;
  });
}

/** Changes the groups a window calls and whether it is open. */
export async function updateWindow(tenant: TenantDb, actor: AuditActor, windowId: number, input: WindowUpdateInput): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const before = await findWindow(scoped, windowId);
    if (!before) throw notFound();
    await scoped.updateTable('queue_windows').set({ groups: groupsJson(input.groups), active: input.active }).where('id', '=', windowId).execute();
    await appendAudit(tx, actor, {
      communityId: scoped.communityId, action: 'queue.window.update', entityType: 'queue_window', entityId: windowId,
      before: { groups: before.groups, active: before.active }, after: { groups: input.groups, active: input.active },
    });
  });
}
