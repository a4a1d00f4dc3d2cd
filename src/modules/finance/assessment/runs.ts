// An assessment or recalculation run: created (audited) by the command or the staff page,
// executed at once (the command) or by a background job (the page), its counts and
// progress kept on the run row so the page can show them while it works.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { enqueueJob } from '../../../platform/jobs/queue.ts';
import { sqliteHandleOf } from '../../../platform/db/connect.ts';
import { bulkFor, withRunCache } from './bulk.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { loadRuleSet } from '../rules/rules.service.ts';
import { executeAssessment, type Progress, type RunTotals } from './assess.ts';
import { executeRecalculation, type RecalcTotals } from './corrections.ts';
import type { FinAssessmentRunsTable } from './assessment.table.ts';

export type RunRow = Selectable<FinAssessmentRunsTable>;
export const RUN_JOB = 'finance.assessment_run';

/** The register's day a run reads: today, or 31 December for a past year (the owners then). */
export function asOfFor(year: number, today = todayInYerevan()): string {
  const end = `${year}-12-31`;
  return today < end ? (today < `${year}-01-01` ? `${year}-01-01` : today) : end;
}

/** Creates a run (queued); with `background` a job runs it after the transaction commits. */
export async function createRun(tdb: TenantDb, actor: AuditActor, input: { year: number; kind: RunRow['kind']; asOf?: string; background?: boolean }): Promise<number> {
  return tdb.transaction(async (tx, raw) => {
    const row = await tx.insertInto('fin_assessment_runs', {
      year: input.year, kind: input.kind, status: 'queued', as_of: input.asOf ?? asOfFor(input.year), actor_user_id: actor.userId, actor_label: actor.label,
      started_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    if (input.background) {
      const jobId = await enqueueJob(tx, { kind: RUN_JOB, payload: { runId: row.id }, maxAttempts: 1 });
      await tx.updateTable('fin_assessment_runs').set({ job_id: jobId }).where('id', '=', row.id).execute();
    }
    await appendAudit(raw, actor, { communityId: tx.communityId, action: `finance.${input.kind}.start`, entityType: 'fin_assessment_run', entityId: row.id, after: { year: input.year, asOf: input.asOf ?? null } });
    return row.id;
  });
}

export async function findRun(tdb: TenantDb, runId: number): Promise<RunRow | undefined> {
  return tdb.selectFrom('fin_assessment_runs').selectAll().where('id', '=', runId).executeTakeFirst();
}

/**
 * Executes a queued run: loads the year's rules, streams the register, and records the
 * counts (audited). A run that is not queued (already run by another worker) is left alone.
 */
export async function executeRun(db: Kysely<Database>, communityId: number, runId: number, actor: AuditActor, onProgress?: Progress): Promise<RunRow> {
  const tdb = new TenantDb(db, communityId);
  const claimed = await tdb.updateTable('fin_assessment_runs').set({ status: 'running' }).where('id', '=', runId).where('status', '=', 'queued').executeTakeFirst();
  const run = await findRun(tdb, runId);
  if (!run) throw new Error(`assessment run ${runId} not found`);
  if (Number(claimed.numUpdatedRows) === 0) return run;
  try {
    const rs = await loadRuleSet(db, run.year, communityId);
    const progress: Progress = (done, total) => onProgress?.(done, total);
    const sqlite = sqliteHandleOf(db);
    const totals = await withRunCache<RunTotals | RecalcTotals>(sqlite, () => (run.kind === 'assessment'
      ? executeAssessment(tdb, bulkFor(sqlite), run, rs, progress)
      : executeRecalculation(tdb, run, rs, progress)));
    await tdb.transaction(async (tx, raw) => {
      await tx.updateTable('fin_assessment_runs').set({ ...totals, status: 'done', progress_done: totals.objects, progress_total: totals.objects, finished_at: new Date().toISOString() }).where('id', '=', runId).execute();
      await appendAudit(raw, actor, { communityId, action: `finance.${run.kind}.finish`, entityType: 'fin_assessment_run', entityId: runId, after: totals });
    });
  } catch (error) {
    await tdb.updateTable('fin_assessment_runs').set({ status: 'failed', error: String(error instanceof Error ? error.message : error).slice(0, 2000), finished_at: new Date().toISOString() }).where('id', '=', runId).execute();
    throw error;
  }
  return (await findRun(tdb, runId))!;
}
