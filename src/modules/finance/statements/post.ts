// A matched statement line becomes a payment in the ledger: recorded once per (source,
// bank transaction id) and allocated to the payer's obligations by the ledger's rule
// (the ones quoted first when the payer quoted some, otherwise oldest first, penalties last).
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { recordPayment } from '../ledger/ledger.core.ts';
import { applyPayment } from '../ledger/allocate.ts';
import type { StatementMapping } from './mappings.ts';
import type { Payer } from './match.ts';

export interface PayableLine {
  txnId: string;
  paidOn: string;
  amount: number;
  payerName: string | null;
  reference: string | null;
}

/**
 * Runs inside the import's (or the manual match's) transaction. recordPayment looks for the
 * payment before inserting it, so a line already paid in this transaction or an earlier one
 * never reaches the insert; only a concurrent import of the same line can hit the unique
 * index, and on PostgreSQL that aborts the whole transaction, which is why the callers run
 * again from the start on a unique violation (see withRetryOnConflict) instead of catching
 * it here and carrying on in an aborted transaction.
 */
export async function postPayment(tdb: TenantDb, mapping: StatementMapping, line: PayableLine, payer: Payer, opts: { obligationIds?: number[]; actor: AuditActor }): Promise<number> {
  const { id, created } = await recordPayment(tdb, {
    payer_kind: payer.kind,
    resident_id: payer.kind === 'resident' ? payer.id : null,
    organization_id: payer.kind === 'organization' ? payer.id : null,
    payer_name: line.payerName ?? payer.name,
    amount: line.amount,
    channel: mapping.channel,
    provider: mapping.source,
    provider_txn_id: line.txnId,
    reference: line.reference,
    paid_on: line.paidOn,
    receipt_number: null,
    actor_user_id: opts.actor.userId,
  });
  // applyPayment is idempotent per payment; a payment found (not created) was allocated when it was made.
  if (created) await applyPayment(tdb, id, { on: line.paidOn, obligationIds: opts.obligationIds, actor: opts.actor });
  return id;
}

// PostgreSQL: a unique violation (23505), or the statement after it in the aborted
// transaction (25P02, when recordPayment's own re-read runs there), or a deadlock (40P01: two
// imports each holding a line the other wants while waiting for the audit chain's head, and
// PostgreSQL aborted one of them); SQLite: the constraint. Each leaves nothing written.
const CONFLICT_CODES = new Set(['23505', '25P02', '40P01', 'SQLITE_CONSTRAINT_UNIQUE']);

export const isConflict = (error: unknown) => error instanceof Error && CONFLICT_CODES.has(String((error as { code?: unknown }).code));

/** Runs `fn` (a whole transaction) again, up to twice, when a concurrent writer took a key first. */
export async function withRetryOnConflict<R>(fn: () => Promise<R>, attempts = 3): Promise<R> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts || !isConflict(error)) throw error;
    }
  }
}
