// Data access of the queue: windows, offices, tickets of a day. Reads only; the changes
// are in queue.service.ts. Everything goes through the tenant-scoped handle.
import type { Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { localized, type Locale } from '../../../platform/i18n/index.ts';
import type { QueueTicketsTable } from '../services.table.ts';
import { SERVICE_GROUPS, officeKey, parseGroups, type Office, type ServiceGroup } from './queue.groups.ts';

export type TicketRow = Selectable<QueueTicketsTable>;

interface SettlementNames {
  settlement_hy: string | null;
  settlement_en: string | null;
  settlement_ru: string | null;
}

export interface WindowRow extends SettlementNames {
  id: number;
  settlement_id: number | null;
  label: string;
  groups: ServiceGroup[];
  active: number;
  operator_user_id: number | null;
}

export function toOffice(settlementId: number | null, names: SettlementNames, locale: Locale): Office {
  const settlementName = settlementId === null ? null : localized({ name_hy: names.settlement_hy, name_en: names.settlement_en, name_ru: names.settlement_ru }, 'name', locale);
  return { key: officeKey(settlementId), settlementId, settlementName };
}

export const windowOffice = (w: WindowRow, locale: Locale) => toOffice(w.settlement_id, w, locale);

function windowsQuery(tenant: TenantDb) {
  return tenant
    .selectFrom('queue_windows')
    .leftJoin('settlements', 'settlements.id', 'queue_windows.settlement_id')
    .select([
      'queue_windows.id', 'queue_windows.settlement_id', 'queue_windows.label', 'queue_windows.groups', 'queue_windows.active', 'queue_windows.operator_user_id',
      'settlements.name_hy as settlement_hy', 'settlements.name_en as settlement_en', 'settlements.name_ru as settlement_ru',
    ]);
}

type RawWindow = Omit<WindowRow, 'groups'> & { groups: string };
const withGroups = (r: RawWindow): WindowRow => ({ ...r, groups: parseGroups(r.groups) });

/** Windows ordered by office (central first) and label; `scope` limits them to a settlement head's settlements. */
export async function listWindows(tenant: TenantDb, scope: number[] | null = null, onlyActive = false): Promise<WindowRow[]> {
  let q = windowsQuery(tenant);
  if (scope !== null) q = q.where('queue_windows.settlement_id', 'in', scope.length ? scope : [-1]);
  if (onlyActive) q = q.where('queue_windows.active', '=', 1);
  const rows = (await q.execute()) as RawWindow[];
  return rows.map(withGroups).sort((a, b) => (a.settlement_id ?? 0) - (b.settlement_id ?? 0) || a.label.localeCompare(b.label, 'hy', { numeric: true }) || a.id - b.id);
}

export async function findWindow(tenant: TenantDb, id: number): Promise<WindowRow | undefined> {
  const row = (await windowsQuery(tenant).where('queue_windows.id', '=', id).executeTakeFirst()) as RawWindow | undefined;
  return row && withGroups(row);
}

/** The offices that have an active window, central first, each with the groups its windows call. */
export async function openOffices(tenant: TenantDb, locale: Locale): Promise<(Office & { groups: ServiceGroup[] })[]> {
  const byKey = new Map<string, Office & { groups: Set<ServiceGroup> }>();
  for (const w of await listWindows(tenant, null, true)) {
    const office = windowOffice(w, locale);
    const entry = byKey.get(office.key) ?? { ...office, groups: new Set<ServiceGroup>() };
    for (const g of w.groups) entry.groups.add(g);
    byKey.set(office.key, entry);
  }
  return [...byKey.values()].map((o) => ({ ...o, groups: SERVICE_GROUPS.filter((g) => o.groups.has(g)) }));
}

/** The settlements of the community that may have an office of their own (all but the centre, which is the central office). */
export async function officeSettlements(tenant: TenantDb) {
  return tenant.selectFrom('settlements').select(['id', 'name_hy', 'name_en', 'name_ru']).where('is_centre', '=', 0).orderBy('name_hy').execute();
}

/** An office of this community by settlement id (null: the central one); undefined when the settlement is not ours. */
export async function findOffice(tenant: TenantDb, settlementId: number | null, locale: Locale): Promise<Office | undefined> {
  if (settlementId === null) return toOffice(null, { settlement_hy: null, settlement_en: null, settlement_ru: null }, locale);
  const s = await tenant.selectFrom('settlements').select(['id', 'name_hy', 'name_en', 'name_ru']).where('id', '=', settlementId).executeTakeFirst();
  return s && toOffice(s.id, { settlement_hy: s.name_hy, settlement_en: s.name_en, settlement_ru: s.name_ru }, locale);
}

function ticketsOfOffice(tenant: TenantDb, day: string, settlementId: number | null) {
  return tenant
    .selectFrom('queue_tickets')
    .where('queue_tickets.day', '=', day)
    .where((eb) => (settlementId === null ? eb('queue_tickets.settlement_id', 'is', null) : eb('queue_tickets.settlement_id', '=', settlementId)));
}

/** Waiting tickets of the day per group of the office (groups with none are absent). */
export async function waitingCounts(tenant: TenantDb, day: string, settlementId: number | null): Promise<Partial<Record<ServiceGroup, number>>> {
  const rows = await ticketsOfOffice(tenant, day, settlementId)
    .where('queue_tickets.status', '=', 'waiting')
    .select(['queue_tickets.group_code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('queue_tickets.group_code')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.group_code, Number(r.n)]));
}

export interface CalledTicket {
  id: number;
  label: string;
  group_code: string;
  status: string;
  called_at: string;
  window_label: string;
}

/** The tickets at a window now (called or being served), the last called first. */
export async function calledTickets(tenant: TenantDb, day: string, settlementId: number | null, limit = 10): Promise<CalledTicket[]> {
  const rows = await ticketsOfOffice(tenant, day, settlementId)
    .innerJoin('queue_windows', 'queue_windows.id', 'queue_tickets.window_id')
    .where('queue_tickets.status', 'in', ['called', 'serving'])
    .select(['queue_tickets.id', 'queue_tickets.label', 'queue_tickets.group_code', 'queue_tickets.status', 'queue_tickets.called_at', 'queue_windows.label as window_label'])
    .orderBy('queue_tickets.called_at', 'desc')
    .orderBy('queue_tickets.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, called_at: r.called_at ?? '' }));
}

export async function findTicket(tenant: TenantDb, id: number): Promise<(TicketRow & { window_label: string | null }) | undefined> {
  return tenant
    .selectFrom('queue_tickets')
    .leftJoin('queue_windows', 'queue_windows.id', 'queue_tickets.window_id')
    .selectAll('queue_tickets')
    .select('queue_windows.label as window_label')
    .where('queue_tickets.id', '=', id)
    .executeTakeFirst();
}

/** How many of the same office, day and group are still waiting ahead of this ticket. */
export async function waitingAhead(tenant: TenantDb, ticket: TicketRow): Promise<number> {
  const row = await ticketsOfOffice(tenant, ticket.day, ticket.settlement_id)
    .where('queue_tickets.group_code', '=', ticket.group_code)
    .where('queue_tickets.status', '=', 'waiting')
    .where('queue_tickets.id', '<', ticket.id)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ticket a window is dealing with (called or being served), if any. */
export async function currentTicket(tenant: TenantDb, windowId: number): Promise<TicketRow | undefined> {
  return tenant
    .selectFrom('queue_tickets')
    .selectAll()
    .where('window_id', '=', windowId)
    .where('status', 'in', ['called', 'serving'])
    .orderBy('called_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Every ticket of a day (of one office, or of all when `settlementId` is undefined), for the statistics. */
export async function ticketsOfDay(tenant: TenantDb, day: string, settlementId: number | null | undefined): Promise<TicketRow[]> {
  let q = tenant.selectFrom('queue_tickets').selectAll().where('day', '=', day);
  if (settlementId !== undefined) q = q.where((eb) => (settlementId === null ? eb('settlement_id', 'is', null) : eb('settlement_id', '=', settlementId)));
  return q.orderBy('id').execute();
}

/** The label of the ticket each window is dealing with now (called or being served), by window id. */
export async function currentByWindow(tenant: TenantDb): Promise<Map<number, string>> {
  const rows = await tenant
    .selectFrom('queue_tickets')
    .select(['window_id', 'label'])
    .where('status', 'in', ['called', 'serving'])
    .where('window_id', 'is not', null)
    .orderBy('called_at')
    .execute();
  return new Map(rows.map((r) => [r.window_id!, r.label]));
}
