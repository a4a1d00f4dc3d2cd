// Schedules: jobs the runner enqueues itself every `everySeconds`. Time is cut into slots
// (multiples of everySeconds since the epoch); each slot gets one job of the kind, however
// many runners on however many machines see it start.
import { sql } from 'kysely';
import type { Services } from '../module/contract.ts';
import type { Executor } from '../db/tenant.ts';
import type { Schedule } from '../module/contract.ts';

/** The start and end of the slot of `now` for a schedule. */
export function slotOf(schedule: Schedule, now: Date): { start: Date; end: Date } {
  const ms = schedule.everySeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start), end: new Date(start + ms) };
}

/** Every schedule of every module; a kind scheduled twice, or without a handler, is a mistake. */
export function schedulesOf(services: Services): Schedule[] {
  const schedules = services.modules.flatMap((m) => m.schedules ?? []);
  const seen = new Set<string>();
  const handled = new Set(services.modules.flatMap((m) => Object.keys(m.jobs ?? {})));
  for (const s of schedules) {
    if (seen.has(s.kind)) throw new Error(`Job kind ${s.kind} is scheduled twice`);
    if (!handled.has(s.kind)) throw new Error(`Job kind ${s.kind} is scheduled but no module handles it`);
    if (!Number.isInteger(s.everySeconds) || s.everySeconds < 1) throw new Error(`Schedule ${s.kind}: everySeconds must be a positive integer`);
    seen.add(s.kind);
  }
  return schedules;
}

/**
 * Enqueues the job of the current slot unless some runner already did. The insert … where
 * not exists is one statement: on SQLite that is enough (one writer at a time, and no lock
 * held across awaits); on PostgreSQL concurrent runners also queue on an advisory lock of
 * the kind, in a transaction, so two cannot both see the slot empty. Returns true when
 * this call enqueued it.
 */
export async function enqueueScheduled(services: Services, schedule: Schedule, now = new Date()): Promise<boolean> {
  const { start, end } = slotOf(schedule, now);
  const runAt = start.toISOString();
  const insert = (db: Executor) => sql`
    insert into jobs (kind, payload, status, run_at, attempts, max_attempts, created_at)
    select ${schedule.kind}, 'null', 'pending', ${runAt}, 0, 1, ${now.toISOString()}
    where not exists (select 1 from jobs where kind = ${schedule.kind} and run_at >= ${runAt} and run_at < ${end.toISOString()})`.execute(db);
  const db = services.db.kysely;
  const res = services.db.engine === 'sqlite'
    ? await insert(db)
    : await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`mmis.schedule.${schedule.kind}`}))`.execute(tx);
      return insert(tx);
    });
  return Number(res.numAffectedRows ?? 0) === 1;
}

/**
 * Enqueues due schedules. `lastSlots` remembers, per runner, the slot already handled, so
 * the database is asked once per slot and not on every poll.
 */
export async function enqueueDueSchedules(services: Services, lastSlots: Map<string, number>, now = new Date()): Promise<number> {
  let added = 0;
  for (const schedule of schedulesOf(services)) {
    const slot = slotOf(schedule, now).start.getTime();
    if (lastSlots.get(schedule.kind) === slot) continue;
    if (await enqueueScheduled(services, schedule, now)) added++;
    lastSlots.set(schedule.kind, slot);
  }
  return added;
}
