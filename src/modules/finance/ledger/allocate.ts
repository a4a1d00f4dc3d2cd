// Allocating money to obligations. A payment is allocated once: first the penalty accrued up
// to the payment's day is posted, then the money settles the principal of the oldest due
// obligation first, then the next, and only when every principal is paid the penalties, oldest
// first ("penalties last"). A payer who named obligations pays those only. What is left is the
// payer's credit (a refund or a later transfer takes it). Obligations paid in full are handed
// to the settlement seam in the same transaction.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit/audit.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { EntryKind, ObligationKind } from './ledger.table.ts';
import { postEntries, type NewEntry } from './ledger.core.ts';
import { obligationBalances, type ObligationBalance } from './balances.ts';
import { notifySettled } from './settlement.ts';
import { payerOfRow } from './payer.ts';

export interface Allocation {
  obligationId: number;
  principal: number;
  penalty: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** Left over: the payer's credit from this payment. */
  unallocated: number;
  /** Paid in full now (empty on a repeat). */
  settled: { id: number; kind: ObligationKind }[];
}

export interface ApplyOptions {
  /** The accounting day: the payment's day. */
  on: string;
  /** The obligations the payer named (a notice, a case's fee); none: all of theirs. */
  obligationIds?: number[];
  actorUserId?: number | null;
  /** Who the audit names; the system when not given. */
  actor?: AuditActor;
}

export const paymentWithoutPayer = () => new AppError(409, 'payment_without_payer', 'finance.ledger.error.paymentWithoutPayer');
export const notThePayers = () => new AppError(400, 'obligation_not_payers', 'finance.ledger.error.notThePayers', { obligationIds: 'finance.ledger.error.notThePayers' });

interface Spend {
  kind: Extract<EntryKind, 'payment' | 'transfer'>;
  on: string;
  paymentId: number;
  actorUserId: number | null;
  note?: string | null;
}

/**
 * Posts the penalty accrued to `spend.on` on each obligation, then spends `amount` on them in
 * the stated order. `obligations` are balances as of `spend.on`, oldest due first. Returns
 * the allocations, what is left and the obligations paid in full by this money.
 */
export async function spendOn(tdb: TenantDb, obligations: ObligationBalance[], amount: number, spend: Spend): Promise<AllocationResult> {
  const base = { entry_on: spend.on, reverses_entry_id: null, legal_ground: null, batch: null, actor_user_id: spend.actorUserId, note: spend.note ?? null };
  const entries: NewEntry[] = [];
  const open = obligations.filter((o) => o.status === 'active');
  for (const o of open) {
    const unposted = o.penaltyToDate - o.penaltyPosted;
    if (unposted > 0) entries.push({ ...base, obligation_id: o.id, kind: 'penalty', component: 'penalty', amount: unposted, payment_id: null });
  }
  const paid = new Map<number, Allocation>();
  let left = amount;
  const take = (o: ObligationBalance, component: 'principal' | 'penalty', owed: number) => {
    const x = Math.min(left, Math.max(0, owed));
    if (x <= 0) return;
    left -= x;
    entries.push({ ...base, obligation_id: o.id, kind: spend.kind, component, amount: -x, payment_id: spend.paymentId });
    const a = paid.get(o.id) ?? { obligationId: o.id, principal: 0, penalty: 0 };
    a[component] += x;
    paid.set(o.id, a);
  };
  for (const o of open) take(o, 'principal', o.principal);
  for (const o of open) take(o, 'penalty', o.penaltyToDate);
  await postEntries(tdb, entries);
  const settled = open
    .filter((o) => o.due > 0 && paid.has(o.id))
    .filter((o) => o.due - paid.get(o.id)!.principal - paid.get(o.id)!.penalty === 0)
    .map((o) => ({ id: o.id, kind: o.kind }));
  return { allocations: [...paid.values()], unallocated: left, settled };
}

/** What a payment was allocated to, and what is left of it, from the books. */
export async function paymentAllocation(tdb: TenantDb, paymentId: number, amount: number): Promise<Omit<AllocationResult, 'settled'>> {
  const rows = await tdb.selectFrom('fin_entries').select(['obligation_id', 'component', 'amount'])
    .where('payment_id', '=', paymentId).orderBy('id').execute();
  const refunds = await tdb.selectFrom('fin_refunds').select('amount').where('payment_id', '=', paymentId).execute();
  const by = new Map<number, Allocation>();
  let used = 0;
  for (const r of rows) {
    const a = by.get(r.obligation_id) ?? { obligationId: r.obligation_id, principal: 0, penalty: 0 };
    a[r.component] -= r.amount;
    by.set(r.obligation_id, a);
    used -= r.amount;
  }
  const refunded = refunds.reduce((s, r) => s + r.amount, 0);
  return { allocations: [...by.values()].filter((a) => a.principal !== 0 || a.penalty !== 0), unallocated: amount - used - refunded };
}

/**
 * Allocates a recorded payment to its payer's obligations (see the top of this file).
 * Idempotent: a payment already allocated posts nothing and answers its allocation.
 */
export async function applyPayment(tdb: TenantDb, paymentId: number, opts: ApplyOptions): Promise<AllocationResult> {
  return tdb.transaction(async (tx, raw) => {
    const payment = await tx.selectFrom('fin_payments').select(['id', 'amount', 'payer_kind', 'resident_id', 'organization_id'])
      .where('id', '=', paymentId).executeTakeFirst();
    if (!payment) throw notFound();
    if (payment.payer_kind === null) throw paymentWithoutPayer();
    // The mark first: of two allocations of one payment at once, the second waits on this row and then finds it set.
    const marked = await tx.updateTable('fin_payments').set({ allocated_on: opts.on })
      .where('id', '=', paymentId).where('allocated_on', 'is', null).executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) return { ...(await paymentAllocation(tx, paymentId, payment.amount)), settled: [] };

    const payer = payerOfRow(payment);
    let obligations = await obligationBalances(tx, { payer }, opts.on);
    if (opts.obligationIds) {
      const named = new Set(opts.obligationIds);
      obligations = obligations.filter((o) => named.has(o.id));
      if (obligations.length !== named.size) throw notThePayers();
    }
    const actorUserId = opts.actorUserId ?? opts.actor?.userId ?? null;
    const result = await spendOn(tx, obligations, payment.amount, { kind: 'payment', on: opts.on, paymentId, actorUserId });
    await notifySettled(tx, result.settled, opts.on);
    await appendAudit(raw, opts.actor ?? { ...SYSTEM_ACTOR, userId: actorUserId }, {
      communityId: tx.communityId, action: 'finance.payment.allocate', entityType: 'fin_payment', entityId: paymentId,
      after: { on: opts.on, allocations: result.allocations, unallocated: result.unallocated, settled: result.settled.map((s) => s.id) },
    });
    return result;
  });
}
