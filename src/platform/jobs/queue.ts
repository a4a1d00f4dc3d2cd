// The job queue: rows of `jobs`, written in the caller's transaction (so a job exists
// exactly when the change that asked for it committed), claimed by runners with a lease.
import type { Selectable } from 'kysely';
import { TenantDb, type Executor } from '../db/tenant.ts';
import type { JobsTable } from './jobs.table.ts';

export type JobRow = Selectable<JobsTable>;

/** How long a claimed job belongs to its runner; a runner that died loses it after this. */
export const LOCK_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;
const MAX_ERROR_LENGTH = 2000;

/**
 * Runs `fn` on the raw executor under `db`: the transaction itself, or the one a tenant
 * handle is in (outbox-style tables are not tenant tables, but their rows are written in
 * the tenant's transaction), with the tenant's community when it is one.
 */
export function onExecutor<R>(db: Executor | TenantDb, fn: (ex: Executor, communityId: number | null) => Promise<R>): Promise<R> {
  if (db instanceof TenantDb) return db.transaction((scoped, raw) => fn(raw, scoped.communityId));
  return fn(db, null);
}

/** The community a row is for: the tenant's, which an explicit one must agree with. */
export function communityFor(explicit: number | null | undefined, tenant: number | null): number | null {
  if (tenant !== null && explicit !== undefined && explicit !== null && explicit !== tenant) {
    throw new Error(`Community ${explicit} given inside community ${tenant}'s transaction`);
  }
  return tenant ?? explicit ?? null;
}

export interface NewJob {
  /** `module.what`, a key of some module's manifest `jobs`. */
  kind: string;
  /** Anything JSON can carry; the handler gets it back parsed. */
  payload?: unknown;
  /** Default: the tenant's, when `tx` is a tenant handle. */
  communityId?: number | null;
  /** Not before this instant (default: now). */
  runAt?: Date;
  /** Runs in all, counting the first (default 5). */
  maxAttempts?: number;
}

/**
 * Adds a job. Pass the transaction of the change the job follows from: if it rolls back,
 * the job was never there (the outbox pattern).
 */
export async function enqueueJob(db: Executor | TenantDb, job: NewJob): Promise<number> {
  if (!/^[a-z][\w-]*(\.[\w-]+)+$/.test(job.kind) || job.kind.length > 80) throw new Error(`Invalid job kind "${job.kind}": expected module.what`);
  const maxAttempts = job.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`maxAttempts must be a positive integer, got ${String(job.maxAttempts)}`);
  const now = new Date().toISOString();
  const row = await onExecutor(db, (tx, tenant) => tx
    .insertInto('jobs')
    .values({
      community_id: communityFor(job.communityId, tenant),
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      status: 'pending',
      run_at: (job.runAt ?? new Date()).toISOString(),
      attempts: 0,
      max_attempts: maxAttempts,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  return row.id;
}

/** Wait before the next try after `attempt` failed runs: 30 s, 1 min, 2 min … at most 1 h. */
export function jobBackoffMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_CAP_MS);
}

/**
 * Takes up to `limit` due jobs for this runner: pending ones whose time has come, and
 * running ones whose runner's lease ran out (it crashed or was killed). One UPDATE … WHERE
 * id IN (…): on PostgreSQL the inner select skips rows another runner is claiming at the
 * same moment (FOR UPDATE SKIP LOCKED); on SQLite the single statement holds the write lock.
 * Each claim counts an attempt, and the attempt number fences the runner's later writes.
 */
export async function claimJobs(db: Executor, engine: 'sqlite' | 'postgres', limit: number, now: Date): Promise<JobRow[]> {
  const at = now.toISOString();
  let due = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) => eb.or([
      eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', at)]),
      eb.and([eb('status', '=', 'running'), eb('locked_until', '<', at)]),
    ]))
    .orderBy('run_at')
    .orderBy('id')
    .limit(limit);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', locked_until: new Date(now.getTime() + LOCK_MS).toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.run_at.localeCompare(b.run_at) || a.id - b.id);
}

/** Marks a claimed job done, unless another runner has claimed it since (its lease ran out). */
export async function completeJob(db: Executor, job: JobRow, now = new Date()): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now.toISOString(), locked_until: null, last_error: null })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('attempts', '=', job.attempts)
    .execute();
}

/**
 * Records a failed run: back to pending after the backoff, or failed for good when the
 * attempts are used up or `final` says retrying cannot help (an unknown kind).
 */
export async function failJob(db: Executor, job: JobRow, error: string, opts: { now?: Date; final?: boolean } = {}): Promise<'retry' | 'failed'> {
  const now = opts.now ?? new Date();
  const lastError = error.slice(0, MAX_ERROR_LENGTH);
  const outcome = opts.final || job.attempts >= job.max_attempts ? 'failed' : 'retry';
  await db
    .updateTable('jobs')
    .set(outcome === 'failed'
      ? { status: 'failed', finished_at: now.toISOString(), locked_until: null, last_error: lastError }
      : { status: 'pending', run_at: new Date(now.getTime() + jobBackoffMs(job.attempts)).toISOString(), locked_until: null, last_error: lastError })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('attempts', '=', job.attempts)
    .execute();
  return outcome;
}
