// The national calendar as the database keeps it (calendar_days), loaded once and kept
// in memory: deadlines are computed on every case submission and must not cost a query.
// An edit in this process invalidates at once; other processes (PostgreSQL, several app
// servers) see it when their copy expires, after at most CACHE_TTL_MS.
import type { Executor } from '../db/tenant.ts';
import { unscoped } from '../db/tenant.ts';
import type { Services } from '../module/contract.ts';
import { WorkingCalendar, type CalendarDay } from './calendar.ts';

export const CACHE_TTL_MS = 10_000;

interface Cached {
  at: number;
  generation: number;
  calendar: Promise<WorkingCalendar>;
}

/**
 * One copy per database (a test process opens many). Keyed by the handle's query adapter:
 * Kysely makes one per database and its transactions share it, so a deadline computed
 * inside a transaction hits the same copy instead of querying once per transaction.
 */
const cache = new WeakMap<object, Cached>();
const keyOf = (db: Executor): object => db.getExecutor().adapter;
/** Bumped by invalidateCalendar(): every cached copy older than this is stale. */
let generation = 0;

function global(db: Executor): Executor {
  return unscoped(db, 'the working-day calendar is national, one law for every community');
}

/** The listed days of the edited years (or of one year), straight from the table, in date order. */
export async function readCalendarDays(db: Executor, year?: number): Promise<CalendarDay[]> {
  let q = global(db).selectFrom('calendar_days').select(['day', 'working', 'name_hy', 'name_en', 'name_ru']).orderBy('day');
  if (year !== undefined) {
    const y = String(year).padStart(4, '0');
    q = q.where('day', '>=', `${y}-01-01`).where('day', '<=', `${y}-12-31`);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, working: r.working === 1 }));
}

/**
 * The calendar for every year: the edited years from the database, the defaults of the law
 * for the rest. Cached per process; `now` is for tests of the expiry.
 */
export function loadCalendar(db: Executor, now: number = Date.now()): Promise<WorkingCalendar> {
  const key = keyOf(db);
  const hit = cache.get(key);
  if (hit && hit.generation === generation && now - hit.at < CACHE_TTL_MS) return hit.calendar;
  const entry: Cached = { at: now, generation, calendar: readCalendarDays(db).then((days) => new WorkingCalendar(days)) };
  cache.set(key, entry);
  // A failed read must not be remembered for ten seconds.
  entry.calendar.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return entry.calendar;
}

/** Forget every cached copy in this process; call after an edit has committed. */
export function invalidateCalendar(): void {
  generation++;
}

/** The calendar of the services' database: `const cal = await calendarFor(ctx.services)`. */
export function calendarFor(services: Pick<Services, 'db'>): Promise<WorkingCalendar> {
  return loadCalendar(services.db.kysely);
}
