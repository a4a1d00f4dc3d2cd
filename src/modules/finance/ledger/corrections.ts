// Corrections of the ledger by an accountant. History is never rewritten: a reversal is a new
// entry of the opposite amount that names the original (an entry is reversed at most once), a
// relief or a write-off is a new entry lowering the debt that cites its legal ground, a refund
// pays back a payer's credit, and a transfer moves a payment's allocation from one obligation
// to another as reversals plus new entries. Each runs in one transaction with its audit event.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import type { FinEntriesTable, PayerRef } from './ledger.table.ts';
import { postEntries } from './ledger.core.ts';
import { obligationBalances, payerCredit } from './balances.ts';
import { paymentAllocation, spendOn, type AllocationResult } from './allocate.ts';
import { notifySettled } from './settlement.ts';
import { payerKey, payerOfRow, samePayer } from './payer.ts';

export interface CorrectionMeta {
  /** The accounting day. */
  on: string;
  actor: AuditActor;
  note?: string | null;
}

const MAX_TEXT = 500;

function positiveDrams(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw badRequest({ amount: 'finance.ledger.error.amount' });
}

function text(value: string | null | undefined): string | null {
  const v = value?.trim() ?? '';
  if (v.length > MAX_TEXT) throw badRequest({ note: 'field.tooLong' });
  return v || null;
}

async function findEntry(tdb: TenantDb, entryId: number) {
  return tdb.selectFrom('fin_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
}

async function reverseOne(tdb: TenantDb, entry: Pick<FinEntriesTable, 'obligation_id' | 'component' | 'amount' | 'payment_id'> & { id: number }, meta: CorrectionMeta, note: string | null): Promise<number> {
  const [id] = await postEntries(tdb, [{
    obligation_id: entry.obligation_id, kind: 'reversal', component: entry.component, amount: -entry.amount, entry_on: meta.on,
    payment_id: entry.payment_id, reverses_entry_id: entry.id, legal_ground: null, note, batch: null, actor_user_id: meta.actor.userId,
  }]);
  return id!;
}

/** Reverses one entry with a new entry of the opposite amount; refused for a reversal and for an entry reversed already. */
export async function reverseEntry(tdb: TenantDb, entryId: number, meta: CorrectionMeta): Promise<{ id: number }> {
  const note = text(meta.note);
  return tdb.transaction(async (tx, raw) => {
    const entry = await findEntry(tx, entryId);
    if (!entry) throw notFound();
    if (entry.kind === 'reversal') throw conflict({ entry: 'finance.ledger.error.reverseReversal' });
    const already = await tx.selectFrom('fin_entries').select('id').where('reverses_entry_id', '=', entryId).executeTakeFirst();
    if (already) throw conflict({ entry: 'finance.ledger.error.alreadyReversed' });
    if (meta.on < entry.entry_on) throw badRequest({ on: 'finance.ledger.error.beforeEntry' });
    const id = await reverseOne(tx, entry, meta, note);
    await appendAudit(raw, meta.actor, {
      communityId: tx.communityId, action: 'finance.entry.reverse', entityType: 'fin_entry', entityId: entryId,
      before: { kind: entry.kind, component: entry.component, amount: entry.amount, obligationId: entry.obligation_id }, after: { reversalId: id, on: meta.on, note },
    });
    return { id };
  });
}

export interface ReliefInput {
  obligationId: number;
  component: 'principal' | 'penalty';
  amount: number;
  /** The legal act it rests on: required. */
  legalGround: string;
}

/**
 * A relief or a write-off of part or all of an obligation's principal or penalty, citing its
 * legal ground. The penalty accrued to the day is posted first, so a penalty relief lowers
 * a figure the books show. More than is owed is refused.
 */
export async function relieve(tdb: TenantDb, kind: 'relief' | 'write_off', input: ReliefInput, meta: CorrectionMeta): Promise<{ id: number }> {
  const legalGround = text(input.legalGround);
  if (!legalGround) throw badRequest({ legal_ground: 'finance.ledger.error.legalGround' });
  positiveDrams(input.amount);
  const note = text(meta.note);
  return tdb.transaction(async (tx, raw) => {
    const [ob] = await obligationBalances(tx, { obligationIds: [input.obligationId] }, meta.on);
    if (!ob) throw notFound();
    if (ob.status !== 'active') throw conflict({ obligation: 'finance.ledger.error.cancelled' });
    const owed = input.component === 'principal' ? ob.principal : ob.penaltyToDate;
    if (input.amount > owed) throw badRequest({ amount: 'finance.ledger.error.overOwed' });
    const base = { obligation_id: ob.id, entry_on: meta.on, payment_id: null, reverses_entry_id: null, batch: null, actor_user_id: meta.actor.userId };
    const unposted = ob.penaltyToDate - ob.penaltyPosted;
    if (input.component === 'penalty' && unposted > 0) {
      await postEntries(tx, [{ ...base, kind: 'penalty', component: 'penalty', amount: unposted, legal_ground: null, note: null }]);
    }
    const [id] = await postEntries(tx, [{ ...base, kind, component: input.component, amount: -input.amount, legal_ground: legalGround, note }]);
    await appendAudit(raw, meta.actor, {
      communityId: tx.communityId, action: kind === 'relief' ? 'finance.relief' : 'finance.write_off', entityType: 'fin_obligation', entityId: ob.id,
      before: { principal: ob.principal, penalty: ob.penaltyToDate }, after: { entryId: id, component: input.component, amount: input.amount, legalGround, note, on: meta.on },
    });
    return { id: id! };
  });
}

/** Pays back part or all of a payer's credit, out of their payments' remainders, oldest first. */
export async function refund(tdb: TenantDb, payer: PayerRef, amount: number, meta: CorrectionMeta): Promise<{ ids: number[] }> {
  positiveDrams(amount);
  const note = text(meta.note);
  if (!note) throw badRequest({ note: 'finance.ledger.error.refundNote' });
  return tdb.transaction(async (tx, raw) => {
    const credit = await payerCredit(tx, payer, meta.on);
    if (amount > credit) throw badRequest({ amount: 'finance.ledger.error.overCredit' });
    let q = tx.selectFrom('fin_payments').select(['id', 'amount']).where('paid_on', '<=', meta.on);
    q = payer.kind === 'resident' ? q.where('resident_id', '=', payer.residentId) : q.where('organization_id', '=', payer.organizationId);
    const payments = await q.orderBy('paid_on').orderBy('id').execute();
    const ids: number[] = [];
    let left = amount;
    const created = new Date().toISOString();
    for (const p of payments) {
      if (left === 0) break;
      const { unallocated } = await paymentAllocation(tx, p.id, p.amount);
      const x = Math.min(left, unallocated);
      if (x <= 0) continue;
      const row = await tx.insertInto('fin_refunds', { payment_id: p.id, amount: x, refunded_on: meta.on, note, actor_user_id: meta.actor.userId, created_at: created })
        .returning('id').executeTakeFirstOrThrow();
      ids.push(row.id);
      left -= x;
    }
    // The credit counted entries dated up to the day; a remainder the loop could not find means the books disagree.
    if (left !== 0) throw new AppError(409, 'credit_mismatch', 'finance.ledger.error.overCredit', { amount: 'finance.ledger.error.overCredit' });
    await appendAudit(raw, meta.actor, {
      communityId: tx.communityId, action: 'finance.refund', entityType: 'payer', entityId: payerKey(payer),
      before: { credit }, after: { amount, refundIds: ids, note, on: meta.on },
    });
    return { ids };
  });
}

export interface TransferInput {
  paymentId: number;
  /** The obligation the payment was allocated to; null: its unallocated remainder (the payer's credit). */
  fromObligationId: number | null;
  toObligationId: number;
}

/**
 * Moves a payment's allocation from one obligation to another of the same payer: the entries
 * on the first are reversed, and the money is spent on the second as a payment would be
 * (penalty to date posted, principal first); what it does not need stays as credit.
 */
export async function transfer(tdb: TenantDb, input: TransferInput, meta: CorrectionMeta): Promise<AllocationResult> {
  const note = text(meta.note);
  if (input.fromObligationId === input.toObligationId) throw badRequest({ to: 'finance.ledger.error.sameObligation' });
  return tdb.transaction(async (tx, raw) => {
    const payment = await tx.selectFrom('fin_payments').select(['id', 'amount', 'payer_kind', 'resident_id', 'organization_id', 'allocated_on'])
      .where('id', '=', input.paymentId).executeTakeFirst();
    if (!payment || payment.payer_kind === null) throw notFound();
    const [to] = await obligationBalances(tx, { obligationIds: [input.toObligationId] }, meta.on);
    if (!to || !samePayer(to.payer, payerOfRow(payment))) throw badRequest({ to: 'finance.ledger.error.notThePayers' });
    if (to.status !== 'active') throw badRequest({ to: 'finance.ledger.error.cancelled' });

    let amount: number;
    const reversed: number[] = [];
    if (input.fromObligationId === null) {
      amount = (await paymentAllocation(tx, payment.id, payment.amount)).unallocated;
    } else {
      const entries = await tx.selectFrom('fin_entries').select(['id', 'obligation_id', 'component', 'amount', 'payment_id'])
        .where('payment_id', '=', payment.id).where('obligation_id', '=', input.fromObligationId).where('kind', 'in', ['payment', 'transfer'])
        .where((eb) => eb.not(eb.exists(eb.selectFrom('fin_entries as r').select('r.id').whereRef('r.reverses_entry_id', '=', 'fin_entries.id'))))
        .orderBy('id').execute();
      amount = -entries.reduce((s, e) => s + e.amount, 0);
      for (const e of entries) reversed.push(await reverseOne(tx, e, meta, note));
    }
    if (amount <= 0) throw badRequest({ from: 'finance.ledger.error.nothingToMove' });
    // The money allocated to the payment is now spent once: mark it allocated if it was not (a credit moved by hand).
    if (payment.allocated_on === null) await tx.updateTable('fin_payments').set({ allocated_on: meta.on }).where('id', '=', payment.id).execute();
    const result = await spendOn(tx, [to], amount, { kind: 'transfer', on: meta.on, paymentId: payment.id, actorUserId: meta.actor.userId, note });
    await notifySettled(tx, result.settled, meta.on);
    await appendAudit(raw, meta.actor, {
      communityId: tx.communityId, action: 'finance.transfer', entityType: 'fin_payment', entityId: payment.id,
      after: { from: input.fromObligationId, to: input.toObligationId, amount, reversed, allocations: result.allocations, unallocated: result.unallocated, note, on: meta.on },
    });
    return result;
  });
}
