// The use-cases behind the ledger's staff pages: reading a payer's finances (a personal-data
// read, audited like the population register's own reads) and the corrections made from the
// payer's page, each checked to concern this payer before the ledger is touched.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { auditResidentsShown } from '../../registry/index.ts';
import type { PayerRef } from './ledger.table.ts';
import { payerBalance, penaltyContext, type PayerBalance } from './balances.ts';
import { statement, type Statement } from './statement.ts';
import { payerIdentity, payerKey, type PayerIdentity } from './payer.ts';
import { payerPayments, reversibleEntries, type PaymentRow, type ReversibleEntry } from './payers.queries.ts';
import { refund, relieve, reverseEntry, transfer, type CorrectionMeta } from './corrections.ts';

export interface PayerPage {
  identity: PayerIdentity;
  balance: PayerBalance;
  statement: Statement;
  payments: PaymentRow[];
  reversible: ReversibleEntry[];
  today: string;
}

/** Writes the audit of a read of a payer's finances: the person named, as the register does. */
export async function auditPayerRead(tdb: TenantDb, actor: AuditActor, payer: PayerRef, what: 'finance.payer.view' | 'finance.statement.download', detail: object): Promise<void> {
  const event = { communityId: tdb.communityId, action: what, entityType: 'payer', entityId: payerKey(payer), after: detail };
  if (payer.kind === 'resident') await auditResidentsShown(tdb, actor, 'page', [{ residentId: payer.residentId }], [event]);
  else await tdb.transaction((_tx, raw) => appendAudit(raw, actor, event));
}

export async function requirePayer(tdb: TenantDb, payer: PayerRef): Promise<PayerIdentity> {
  const identity = await payerIdentity(tdb, payer);
  if (!identity) throw notFound();
  return identity;
}

/** The first day of the current year to today, unless the reader chose a period. */
export function defaultPeriod(from: string | undefined, to: string | undefined): { from: string; to: string } {
  const today = todayInYerevan();
  const end = to ?? today;
  return { from: from ?? `${end.slice(0, 4)}-01-01`, to: end };
}

export async function readPayerPage(tdb: TenantDb, actor: AuditActor, payer: PayerRef, period: { from: string; to: string }): Promise<PayerPage> {
  const identity = await requirePayer(tdb, payer);
  const today = todayInYerevan();
  if (period.from > period.to) throw badRequest({ from: 'finance.ledger.error.period' });
  // The rates and the calendar once for the page: the balance and the statement both charge penalties.
  const ctx = await penaltyContext(tdb);
  const [balance, st, payments] = await Promise.all([payerBalance(tdb, payer, today, ctx), statement(tdb, payer, period.from, period.to, ctx), payerPayments(tdb, payer)]);
  const reversible = await reversibleEntries(tdb, balance.obligations.map((o) => o.id));
  await auditPayerRead(tdb, actor, payer, 'finance.payer.view', { from: period.from, to: period.to });
  return { identity, balance, statement: st, payments, reversible, today };
}

async function ownObligation(tdb: TenantDb, payer: PayerRef, obligationId: number, field: string): Promise<void> {
  let q = tdb.selectFrom('fin_obligations').select('id').where('id', '=', obligationId);
  q = payer.kind === 'resident' ? q.where('resident_id', '=', payer.residentId) : q.where('organization_id', '=', payer.organizationId);
  if (!(await q.executeTakeFirst())) throw badRequest({ [field]: 'finance.ledger.error.notThePayers' });
}

async function ownPayment(tdb: TenantDb, payer: PayerRef, paymentId: number): Promise<void> {
  let q = tdb.selectFrom('fin_payments').select('id').where('id', '=', paymentId);
  q = payer.kind === 'resident' ? q.where('resident_id', '=', payer.residentId) : q.where('organization_id', '=', payer.organizationId);
  if (!(await q.executeTakeFirst())) throw badRequest({ payment: 'finance.ledger.error.notThePayers' });
}

export async function payerRelief(tdb: TenantDb, payer: PayerRef, kind: 'relief' | 'write_off', input: { obligation: number; component: 'principal' | 'penalty'; amount: number; legal_ground: string; note: string | null }, meta: CorrectionMeta) {
  await requirePayer(tdb, payer);
  await ownObligation(tdb, payer, input.obligation, 'obligation');
  return relieve(tdb, kind, { obligationId: input.obligation, component: input.component, amount: input.amount, legalGround: input.legal_ground }, { ...meta, note: input.note });
}

export async function payerRefund(tdb: TenantDb, payer: PayerRef, input: { amount: number; note: string }, meta: CorrectionMeta) {
  await requirePayer(tdb, payer);
  return refund(tdb, payer, input.amount, { ...meta, note: input.note });
}

export async function payerTransfer(tdb: TenantDb, payer: PayerRef, input: { payment: number; from: string; to: number; note: string | null }, meta: CorrectionMeta) {
  await requirePayer(tdb, payer);
  await ownPayment(tdb, payer, input.payment);
  const from = input.from === 'credit' ? null : Number(input.from);
  if (from !== null) await ownObligation(tdb, payer, from, 'from');
  await ownObligation(tdb, payer, input.to, 'to');
  return transfer(tdb, { paymentId: input.payment, fromObligationId: from, toObligationId: input.to }, { ...meta, note: input.note });
}

export async function payerReverse(tdb: TenantDb, payer: PayerRef, input: { entry: number; note: string }, meta: CorrectionMeta) {
  await requirePayer(tdb, payer);
  const entry = await tdb.selectFrom('fin_entries').select('obligation_id').where('id', '=', input.entry).executeTakeFirst();
  if (!entry) throw badRequest({ entry: 'finance.ledger.error.notThePayers' });
  await ownObligation(tdb, payer, entry.obligation_id, 'entry');
  return reverseEntry(tdb, input.entry, { ...meta, note: input.note });
}
