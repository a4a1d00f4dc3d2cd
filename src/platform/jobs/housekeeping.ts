// The platform's upkeep. Finished jobs are kept a while for operators to look at, then
// deleted, so the table (and the schedules' per-slot rows) does not grow without end.
// SQLite's planner statistics are refreshed every few hours (db/statistics.ts), and stored
// files nothing refers to any more are swept once a day (files/sweep.ts).
import type { Services } from '../module/contract.ts';
import { unscoped } from '../db/tenant.ts';
import { optimizeSqlite } from '../db/statistics.ts';
import { sweepFiles } from '../files/sweep.ts';
import type { JobHandler, Schedule } from '../module/contract.ts';

const DAY_MS = 24 * 3600_000;
export const KEEP_DONE_JOBS_DAYS = 7;
export const KEEP_FAILED_JOBS_DAYS = 30;

export async function purgeJobs(services: Services, now = new Date()): Promise<number> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const res = await unscoped(services.db.kysely, 'jobs are platform rows of no community in particular, purged by age')
    .deleteFrom('jobs')
    .where((eb) => eb.or([
      eb.and([eb('status', '=', 'done'), eb('finished_at', '<', before(KEEP_DONE_JOBS_DAYS))]),
      eb.and([eb('status', '=', 'failed'), eb('finished_at', '<', before(KEEP_FAILED_JOBS_DAYS))]),
    ]))
    .executeTakeFirst();
  const deleted = Number(res.numDeletedRows);
  if (deleted) services.log.info({ deleted }, 'finished jobs deleted');
  return deleted;
}

/**
 * Re-gathers SQLite's statistics for tables that grew or changed since the last time. Also
 * for tables another process wrote (an import, `mmis worker`), hence every table is looked at.
 * On PostgreSQL it does nothing: autovacuum analyses changed tables by itself.
 */
export function refreshStatistics(services: Services): string[] {
  if (!services.db.sqlite) return [];
  const analyzed = optimizeSqlite(services.db.sqlite);
  if (analyzed.length) services.log.debug({ analyzed }, 'planner statistics refreshed');
  return analyzed;
}

export const housekeepingJobs: Record<string, JobHandler> = {
  'jobs.purge': async (services) => {
    await purgeJobs(services);
  },
  'db.optimize': async (services) => {
    refreshStatistics(services);
  },
  'files.sweep': async (services) => {
    await sweepFiles(services);
  },
};

export const housekeepingSchedules: Schedule[] = [
  { kind: 'jobs.purge', everySeconds: 3600 },
  { kind: 'db.optimize', everySeconds: 4 * 3600 },
  { kind: 'files.sweep', everySeconds: 24 * 3600 },
];
