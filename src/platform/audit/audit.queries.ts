// Reading one community's audit events for the back office. audit_events has a nullable
// community_id (national events have none), so it is not a TenantTable: every query here
// goes through unscoped() and carries the community predicate explicitly.
import { sql, type Selectable } from 'kysely';
import { unscoped, type Executor } from '../db/tenant.ts';
import type { AuditEventsTable } from './audit.table.ts';

export type AuditEventRow = Selectable<AuditEventsTable>;

export interface AuditFilter {
  action?: string | undefined;
  /** Part of the actor's label, any case. */
  actor?: string | undefined;
  entityType?: string | undefined;
  /** Yerevan days, YYYY-MM-DD, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

/** Armenia keeps UTC+4 all year (no daylight saving since 2012). */
const YEREVAN_OFFSET = '+04:00';

/** The UTC instant at which a Yerevan day starts, as stored in `at`. */
export function yerevanDayStart(day: string): string {
  return new Date(`${day}T00:00:00${YEREVAN_OFFSET}`).toISOString();
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function scoped(db: Executor, communityId: number) {
  return unscoped(db, 'audit_events.community_id is nullable; the community predicate is added here')
    .selectFrom('audit_events')
    .where('audit_events.community_id', '=', communityId);
}

function filtered(db: Executor, communityId: number, f: AuditFilter) {
  let q = scoped(db, communityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.actor) q = q.where(sql<boolean>`lower(actor_label) like ${likePattern(f.actor)} escape '\\'`);
  if (f.from) q = q.where('at', '>=', yerevanDayStart(f.from));
  if (f.to) q = q.where('at', '<', yerevanDayStart(nextDay(f.to)));
  return q;
}

/** One page of events, newest first, and how many match in all. */
export async function listAuditEvents(db: Executor, communityId: number, filter: AuditFilter, page: number): Promise<{ rows: AuditEventRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, communityId, filter)
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
    filtered(db, communityId, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The distinct actions and entity types of the community's events, for the filter lists. */
export async function auditFilterOptions(db: Executor, communityId: number): Promise<{ actions: string[]; entityTypes: string[] }> {
  const [actions, types] = await Promise.all([
    scoped(db, communityId).select('action').distinct().orderBy('action').execute(),
    scoped(db, communityId).select('entity_type').distinct().orderBy('entity_type').execute(),
  ]);
  return { actions: actions.map((r) => r.action), entityTypes: types.map((r) => r.entity_type) };
}

/** One event of the community, or undefined (also for another community's event). */
export async function findAuditEvent(db: Executor, communityId: number, id: number): Promise<AuditEventRow | undefined> {
  return scoped(db, communityId).selectAll().where('id', '=', id).executeTakeFirst();
}
