// The hash chain: each event's hash covers its own fields and the previous hash,
// so editing, removing or reordering any event breaks every hash after it.
import { createHash } from 'node:crypto';
import type { AuditEventsTable } from './audit.table.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Omit<AuditEventsTable, 'id' | 'hash'>;

export function chainOf(communityId: number | null): string {
  return communityId === null ? 'national' : `c:${communityId}`;
}

export function hashEvent(e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.chain, e.seq, e.community_id, e.at, e.actor_user_id, e.actor_label, e.ip, e.request_id,
    e.action, e.entity_type, e.entity_id, e.before_json, e.after_json, e.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
