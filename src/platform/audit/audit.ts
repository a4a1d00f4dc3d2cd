// Writing audit events. Always called with the transaction that makes the change,
// so the change and its record commit or roll back together (ARCHITECTURE rule 4).
import { sql } from 'kysely';
import type { Executor } from '../db/tenant.ts';
import { chainOf, GENESIS_HASH, hashEvent, type ChainedFields } from './chain.ts';

export interface AuditActor {
  userId: number | null;
  /** What a reader of the log sees: a name, "system", "cli:<user>". */
  label: string;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  communityId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: 'system', ip: null, requestId: null };

function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/** Appends one event to its community's chain. `tx` must be a transaction. */
export async function appendAudit(tx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  if (!tx.isTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const chain = chainOf(entry.communityId);
  // Lock the chain head so concurrent appends (PostgreSQL) queue up instead of forking the chain.
  // SQLite serialises write transactions already.
  // The head row exists after a chain's first event, so it is read first and created only
  // when missing (one statement fewer on every change).
  const readHead = () => {
    let q = tx.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain);
    if (!isSqlite(tx)) q = q.forUpdate();
    return q.executeTakeFirst();
  };
  let head = await readHead();
  if (!head) {
    await sql`insert into audit_heads (chain, seq, hash) values (${chain}, 0, ${GENESIS_HASH}) on conflict (chain) do nothing`.execute(tx);
    head = await readHead();
    if (!head) throw new Error(`audit chain ${chain} has no head`);
  }

  const fields: ChainedFields = {
    community_id: entry.communityId,
    chain,
    seq: head.seq + 1,
    at: new Date().toISOString(),
    actor_user_id: actor.userId,
    actor_label: actor.label,
    ip: actor.ip,
    request_id: actor.requestId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before_json: json(entry.before),
    after_json: json(entry.after),
    prev_hash: head.hash,
  };
  const hash = hashEvent(fields);
  await tx.insertInto('audit_events').values({ ...fields, hash }).execute();
  await tx.updateTable('audit_heads').set({ seq: fields.seq, hash }).where('chain', '=', chain).execute();
}

function isSqlite(tx: Executor): boolean {
  return tx.getExecutor().adapter.constructor.name === 'SqliteAdapter';
}
