// Background jobs (ARCHITECTURE: a job table in the same database, written in the same
// transaction as the change; claimed with SKIP LOCKED on PostgreSQL).
import type { Generated } from 'kysely';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  /** The community it concerns, if any (scheduled national jobs have none). */
  community_id: number | null;
  kind: string;
  /** JSON payload. */
  payload: string;
  status: JobStatus;
  /** ISO instant before which it is not run. */
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** A claimed job whose worker died is claimed again after this instant. */
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}
