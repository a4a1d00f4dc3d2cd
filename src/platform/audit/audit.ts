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

/**
 * Events per INSERT: one statement for a page of people (a list shows 50), a few for an
 * export of thousands; 15 values a row stays under both engines' bound-parameter limits.
 */
const ROWS_PER_INSERT = 1000;

/** Appends one event to its community's chain. `tx` must be a transaction. */
export async function appendAudit(tx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await appendAuditMany(tx, actor, [entry]);
}

/**
 * Appends events in the order given, each chained to the one before it in its community's
 * chain, with one multi-row INSERT per chain (per ROWS_PER_INSERT events) and one update of
 * its head: for a list or an export that shows many people, one event per person at the
 * cost of one. The events are exactly what appendAudit writes one by one, so
 * `mmis audit verify` checks them the same way. `tx` must be a transaction.
 */
export async function appendAuditMany(tx: Executor, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  if (!tx.isTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const byChain = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const chain = chainOf(e.communityId);
    const list = byChain.get(chain);
    if (list) list.push(e);
    else byChain.set(chain, [e]);
  }
  const at = new Date().toISOString();
  // Heads are locked in one order, so two transactions writing to the same chains never wait on each other in a circle.
  for (const chain of [...byChain.keys()].sort()) {
    let head = await lockHead(tx, chain);
    const rows: (ChainedFields & { hash: string })[] = [];
    for (const entry of byChain.get(chain)!) {
      const fields: ChainedFields = {
        community_id: entry.communityId,
        chain,
        seq: head.seq + 1,
        at,
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
      head = { seq: fields.seq, hash: hashEvent(fields) };
      rows.push({ ...fields, hash: head.hash });
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await tx.insertInto('audit_events').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
    await tx.updateTable('audit_heads').set(head).where('chain', '=', chain).execute();
  }
}

/**
 * The chain's head, locked so concurrent appends (PostgreSQL) queue up instead of forking the
 * chain; SQLite serialises write transactions already. The head row exists after a chain's
 * first event, so it is read first and created only when missing (one statement fewer on
 * every change).
 */
async function lockHead(tx: Executor, chain: string): Promise<{ seq: number; hash: string }> {
  const readHead = () => {
    let q = tx.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain);
    if (!isSqlite(tx)) q = q.forUpdate();
    return q.executeTakeFirst();
  };
  const head = await readHead();
  if (head) return head;
  await sql`insert into audit_heads (chain, seq, hash) values (${chain}, 0, ${GENESIS_HASH}) on conflict (chain) do nothing`.execute(tx);
  const created = await readHead();
  if (!created) throw new Error(`audit chain ${chain} has no head`);
  return created;
}

function isSqlite(tx: Executor): boolean {
  return tx.getExecutor().adapter.constructor.name === 'SqliteAdapter';
}
