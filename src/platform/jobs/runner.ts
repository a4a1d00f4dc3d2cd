// The job runner: claims due jobs, runs each with the handler its kind names in some
// module's manifest, and records the outcome. Any number of runners (threads of one
// process, processes, machines) may share one database; a job is run by one at a time.
import type { Services } from '../module/contract.ts';
import type { JobHandler } from '../module/contract.ts';
import { claimJobs, completeJob, failJob, type JobRow } from './queue.ts';
import { enqueueDueSchedules, schedulesOf } from './schedules.ts';

/** Every module's handlers by kind; a kind handled by two modules is a mistake. */
export function jobHandlers(services: Services): Map<string, JobHandler> {
  const out = new Map<string, JobHandler>();
  for (const mod of services.modules) {
    for (const [kind, handler] of Object.entries(mod.jobs ?? {})) {
      if (out.has(kind)) throw new Error(`Job kind ${kind} is handled by two modules (the second is ${mod.name})`);
      out.set(kind, handler);
    }
  }
  return out;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

async function runOne(services: Services, handlers: Map<string, JobHandler>, job: JobRow): Promise<void> {
  const db = services.db.kysely;
  const log = services.log.child({ job: job.id, kind: job.kind, attempt: job.attempts });
  if (job.attempts > job.max_attempts) {
    // Its runner died during the last attempt it had.
    await failJob(db, job, 'the runner stopped during the last attempt', { final: true });
    log.error('job failed: its runner stopped during the last attempt');
    return;
  }
  const handler = handlers.get(job.kind);
  if (!handler) {
    await failJob(db, job, `no handler for job kind "${job.kind}": no loaded module declares it in its manifest's jobs`, { final: true });
    log.error('job failed: no module handles its kind');
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(job.payload) as unknown;
  } catch {
    await failJob(db, job, 'the payload is not valid JSON', { final: true });
    log.error('job failed: the payload is not valid JSON');
    return;
  }
  const started = Date.now();
  try {
    await handler(services, payload, { id: job.id, communityId: job.community_id, attempt: job.attempts });
  } catch (err) {
    const outcome = await failJob(db, job, messageOf(err));
    if (outcome === 'failed') log.error({ err }, 'job failed for good');
    else log.warn({ err }, 'job failed; it will be retried');
    return;
  }
  await completeJob(db, job);
  log.debug({ ms: Date.now() - started }, 'job done');
}

/**
 * Claims up to `limit` due jobs and runs them one after another; returns how many it
 * claimed. Tests call this directly instead of waiting for a runner.
 */
export async function runDueJobs(services: Services, opts: { limit?: number; now?: Date } = {}): Promise<number> {
  const handlers = jobHandlers(services);
  const jobs = await claimJobs(services.db.kysely, services.db.engine, opts.limit ?? 10, opts.now ?? new Date());
  for (const job of jobs) await runOne(services, handlers, job);
  return jobs.length;
}

export interface JobRunner {
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

/**
 * Polls every `pollMs`: enqueues due schedules, then runs due jobs in batches until none
 * are left. A failed poll (the database away for a moment) is logged and tried again.
 */
export function startJobRunner(services: Services, opts: { pollMs?: number; batch?: number } = {}): JobRunner {
  const pollMs = opts.pollMs ?? 1000;
  const batch = opts.batch ?? 10;
  // Fail at start-up, not on every tick, when manifests contradict each other.
  jobHandlers(services);
  schedulesOf(services);
  const lastSlots = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await enqueueDueSchedules(services, lastSlots);
      while (!stopped && (await runDueJobs(services, { limit: batch })) === batch) { /* more may be due */ }
    } catch (err) {
      services.log.error({ err }, 'job runner: poll failed; trying again');
    }
  };
  const loop = () => {
    if (stopped) return;
    current = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, pollMs);
    });
  };
  loop();
  services.log.debug({ pollMs }, 'job runner started');
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
      services.log.info('job runner stopped');
    },
  };
}
