// Editing the national calendar, a year at a time. A year without rows uses the law's
// defaults; the first edit of a year copies those defaults into rows and then applies
// the change, so the year's list is always complete and shows exactly what is in force.
// Each change and its audit event commit together; the cache is dropped after commit.
import type { Executor } from '../db/tenant.ts';
import { unscoped } from '../db/tenant.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { defaultDays, type CalendarDay } from './defaults.ts';
import { yearOf } from './days.ts';
import { invalidateCalendar, readCalendarDays } from './calendar.store.ts';

function global(db: Executor): Executor {
  return unscoped(db, 'the working-day calendar is national, edited by the national administrator');
}

function toRow(d: CalendarDay, now: string) {
  return { day: d.day, working: d.working ? 1 : 0, name_hy: d.name_hy, name_en: d.name_en, name_ru: d.name_ru, updated_at: now };
}

const same = (a: CalendarDay, b: CalendarDay) =>
  a.working === b.working && a.name_hy === b.name_hy && a.name_en === b.name_en && a.name_ru === b.name_ru;

/** The year's rows; for a year without any, the defaults copied into rows first (and audited). */
async function materialise(tx: Executor, actor: AuditActor, year: number): Promise<CalendarDay[]> {
  const rows = await readCalendarDays(tx, year);
  if (rows.length) return rows;
  const defaults = defaultDays(year);
  const now = new Date().toISOString();
  // Two first edits at once (PostgreSQL): the second finds the rows there and adds nothing.
  await global(tx).insertInto('calendar_days').values(defaults.map((d) => toRow(d, now)))
    .onConflict((oc) => oc.column('day').doNothing()).execute();
  await appendAudit(tx, actor, {
    communityId: null, action: 'calendar.year_defaults_copied', entityType: 'calendar_year', entityId: year, after: defaults.map((d) => d.day),
  });
  return readCalendarDays(tx, year);
}

/** Adds a day to its year's list or changes it (a holiday off, a weekend day made working). */
export async function setCalendarDay(db: Executor, actor: AuditActor, input: CalendarDay): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const rows = await materialise(tx, actor, yearOf(input.day));
    const before = rows.find((r) => r.day === input.day) ?? null;
    if (before && same(before, input)) return;
    const row = toRow(input, new Date().toISOString());
    await global(tx).insertInto('calendar_days').values(row)
      .onConflict((oc) => oc.column('day').doUpdateSet({ working: row.working, name_hy: row.name_hy, name_en: row.name_en, name_ru: row.name_ru, updated_at: row.updated_at }))
      .execute();
    await appendAudit(tx, actor, { communityId: null, action: 'calendar.day_set', entityType: 'calendar_day', entityId: input.day, before, after: input });
  });
  invalidateCalendar();
}

/**
 * Removes a day from its year's list: a holiday becomes a working weekday, a working
 * Saturday a plain Saturday again. The last day of a year cannot go: a year with no rows
 * means "the defaults", which would silently bring every holiday back.
 */
export async function removeCalendarDay(db: Executor, actor: AuditActor, day: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const rows = await materialise(tx, actor, yearOf(day));
    const before = rows.find((r) => r.day === day);
    // Thrown inside the transaction: the defaults copied above roll back with it.
    if (!before) throw badRequest({ day: 'calendar.error.notListed' });
    if (rows.length === 1) throw conflict({ day: 'calendar.error.lastDay' });
    await global(tx).deleteFrom('calendar_days').where('day', '=', day).execute();
    await appendAudit(tx, actor, { communityId: null, action: 'calendar.day_removed', entityType: 'calendar_day', entityId: day, before });
  });
  invalidateCalendar();
}

/** Drops every edit of a year, which then uses the defaults again. False when it had none. */
export async function restoreDefaultYear(db: Executor, actor: AuditActor, year: number): Promise<boolean> {
  const restored = await db.transaction().execute(async (tx) => {
    const before = await readCalendarDays(tx, year);
    if (before.length === 0) return false;
    await global(tx).deleteFrom('calendar_days').where('day', 'in', before.map((d) => d.day)).execute();
    await appendAudit(tx, actor, { communityId: null, action: 'calendar.year_restored', entityType: 'calendar_year', entityId: year, before });
    return true;
  });
  invalidateCalendar();
  return restored;
}
