// Recording money that came in — online (a provider's verified callback, the vPOS return's
// status check, or the reconciliation job) or cash at the desk — in one transaction: the
// payment once per provider transaction id, its allocation to the obligations (the
// ledger's applyPayment, which also settles cases through the settlement seam), the
// receipt, the intent marked paid, and the audit. Everything or nothing.
import type { Services } from '../../../platform/module/contract.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { PaymentChannel } from '../ledger/ledger.table.ts';
import { recordPayment } from '../ledger/ledger.core.ts';
import { applyPayment, payerColumns, type PayerRef } from './ledger-api.ts';
import { issueReceipt, type ReceiptLine } from './receipts.ts';

export interface IncomingPayment {
  payer: PayerRef;
  payerName: string;
  amount: number;
  channel: Extract<PaymentChannel, 'online' | 'cash'>;
  provider: string;
  txnId: string;
  reference: string | null;
  paidOn: string;
  /** The obligations the payer named; empty: the payer's own, oldest first. */
  obligationIds: number[];
  /** How the receipt names the channel: "Idram", "Card", the cashier's name. */
  via: string;
  locale: Locale;
  actor: AuditActor;
  /** The receipt's signatory. */
  issuer: { name: string; position: string };
}

export interface Recorded {
  paymentId: number;
  created: boolean;
  receiptNumber: string | null;
}

/** Records one payment; a repeat of the same (provider, txnId) changes nothing and says so. Call inside a transaction. */
export async function recordIncoming(services: Services, tdb: TenantDb, community: TenantCommunity, p: IncomingPayment): Promise<Recorded> {
  return tdb.transaction(async (scoped, raw) => {
    const rec = await recordPayment(scoped, {
      ...payerColumns(p.payer), payer_name: p.payerName, amount: p.amount, channel: p.channel, provider: p.provider,
      provider_txn_id: p.txnId, reference: p.reference, paid_on: p.paidOn, receipt_number: null, actor_user_id: p.actor.userId,
    });
    if (!rec.created) {
      const again = await scoped.selectFrom('fin_payments').select('receipt_number').where('id', '=', rec.id).executeTakeFirst();
      return { paymentId: rec.id, created: false, receiptNumber: again?.receipt_number ?? null };
    }
    const allocation = await applyPayment(scoped, rec.id, { on: p.paidOn, ...(p.obligationIds.length ? { obligationIds: p.obligationIds } : {}), actorUserId: p.actor.userId, actor: p.actor });
    const labels = new Map((await scoped.selectFrom('fin_obligations').select(['id', 'subject_label', 'period'])
      .where('id', 'in', allocation.allocations.length ? allocation.allocations.map((a) => a.obligationId) : [0]).execute()).map((o) => [o.id, o]));
    const lines: ReceiptLine[] = allocation.allocations.map((a) => ({
      label: labels.get(a.obligationId)?.subject_label ?? `#${a.obligationId}`, period: labels.get(a.obligationId)?.period ?? '', principal: a.principal, penalty: a.penalty,
    }));
    const receipt = await issueReceipt(scoped, raw, {
      community, paymentId: rec.id, payerName: p.payerName, amount: p.amount, paidOn: p.paidOn, channel: p.channel, via: p.via,
      lines, unallocated: allocation.unallocated, issuer: p.issuer, locale: p.locale, publicUrl: services.config.publicUrl, filesDir: services.config.filesDir,
    });
    await appendAudit(raw, p.actor, {
      communityId: community.id, action: 'finance.payment.record', entityType: 'fin_payment', entityId: rec.id,
      after: { amount: p.amount, channel: p.channel, provider: p.provider, txnId: p.txnId, receipt: receipt.number, allocations: allocation.allocations, unallocated: allocation.unallocated },
    });
    return { paymentId: rec.id, created: true, receiptNumber: receipt.number };
  });
}
