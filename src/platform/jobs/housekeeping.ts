// Finished jobs are kept a while for operators to look at, then deleted, so the table
// (and the schedules' per-slot rows) does not grow without end.
import type { Services } from '../module/contract.ts';
import { unscoped } from '../db/tenant.ts';
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

export const housekeepingJobs: Record<string, JobHandler> = {
  'jobs.purge': async (services) => {
    await purgeJobs(services);
  },
};

export const housekeepingSchedules: Schedule[] = [{ kind: 'jobs.purge', everySeconds: 3600 }];
