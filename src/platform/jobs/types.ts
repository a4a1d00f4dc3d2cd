// What a module gives the job runner: handlers by kind, and schedules.
import type { Services } from '../http/services.ts';

export interface JobInfo {
  id: number;
  communityId: number | null;
  /** 1 on the first run. */
  attempt: number;
}

/** Runs one job. Throwing makes the runner retry with backoff until max_attempts. */
export type JobHandler = (services: Services, payload: unknown, job: JobInfo) => Promise<void>;

/** A job the runner enqueues itself every `everySeconds` (once across all processes). */
export interface Schedule {
  kind: string;
  everySeconds: number;
}
