import type { Generated } from 'kysely';

/** Append-only. Each chain (one per community, plus `national`) is hash-linked by seq. */
export interface AuditEventsTable {
  id: Generated<number>;
  community_id: number | null;
  chain: string;
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** The last seq and hash of each chain: the row that serialises appends and detects a cut tail. */
export interface AuditHeadsTable {
  chain: string;
  seq: number;
  hash: string;
}
