// The platform's own background work, for the platform manifest's `jobs` and `schedules`.
import type { JobHandler, Schedule } from '../module/contract.ts';
import { housekeepingJobs, housekeepingSchedules } from './housekeeping.ts';
import { notifyJobs, notifySchedules } from '../notify/notify.jobs.ts';

export const platformJobs: Record<string, JobHandler> = { ...housekeepingJobs, ...notifyJobs };
export const platformSchedules: Schedule[] = [...housekeepingSchedules, ...notifySchedules];
