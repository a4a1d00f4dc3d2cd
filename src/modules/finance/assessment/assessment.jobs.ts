// The background job that runs an assessment or recalculation started from the staff page.
import type { JobHandler } from '../../../platform/module/contract.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { RUN_JOB, executeRun, findRun } from './runs.ts';

const runJob: JobHandler = async (services, payload, job) => {
  const { runId } = payload as { runId: number };
  if (job.communityId === null) throw new Error(`${RUN_JOB} needs a community`);
  const run = await findRun(new TenantDb(services.db.kysely, job.communityId), runId);
  if (!run) return;
  // The audit log names the person who started the run, not the worker.
  await executeRun(services.db.kysely, job.communityId, runId, { userId: run.actor_user_id, label: run.actor_label, ip: null, requestId: null });
};

export const assessmentJobs = { [RUN_JOB]: runJob };
