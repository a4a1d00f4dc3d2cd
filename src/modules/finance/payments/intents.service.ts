// Online payments: an intent for chosen obligations (the amount is what they owe today),
// the payer sent to the provider, and the provider's word — a signed callback, or its
// status API — turned into a recorded payment once per provider transaction. An amount
// different from the intent's is refused and nothing is recorded.
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Services } from '../../../platform/module/contract.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import { appendAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit/audit.ts';
import { AppError, badRequest } from '../../../platform/http/errors.ts';
import { todayInYerevan, type Locale } from '../../../platform/i18n/index.ts';
import { obligationBalances, payerColumns, payerOfRow, type PayerRef } from './ledger-api.ts';
import type { FinPaymentIntentsTable, ProviderName } from './payments.table.ts';
import type { IntentForProvider, PaymentGateway, ProviderPayment, ProviderSettings, Redirect } from './provider.ts';
import { idramGateway } from './idram.ts';
import { vposGateway } from './vpos.ts';
import { connectionSettings } from './settings.ts';
import { ourUrls } from './urls.ts';
import { recordIncoming, type Recorded } from './record.ts';

export type IntentRow = Selectable<FinPaymentIntentsTable>;

export const GATEWAYS: Record<ProviderName, PaymentGateway> = { idram: idramGateway, vpos: vposGateway };
export const PROVIDER_LABEL: Record<ProviderName, string> = { idram: 'Idram', vpos: 'Card (vPOS)' };

/** Who the online payments' receipts are signed by: the system, named in the receipt's language. */
const ONLINE_ISSUER = { name: 'MMIS', position: '' };

export interface StartInput {
  provider: ProviderName;
  payer: PayerRef;
  payerName: string;
  obligationIds: number[];
  returnPath: string;
  description: string;
  locale: Locale;
  actor: AuditActor;
}

export function forProvider(i: IntentRow, locale: Locale = 'hy'): IntentForProvider {
  return { billNo: i.bill_no, amount: i.amount, description: i.description, locale, providerOrderId: i.provider_order_id };
}

/** What the chosen obligations of this payer owe today; refuses another payer's or settled ones. */
export async function amountDue(tdb: TenantDb, payer: PayerRef, obligationIds: number[]): Promise<number> {
  const ids = [...new Set(obligationIds)];
  if (ids.length === 0) throw badRequest({ obligations: 'finance.pay.error.chooseOne' });
  const rows = await obligationBalances(tdb, { payer, obligationIds: ids }, todayInYerevan());
  if (rows.length !== ids.length) throw badRequest({ obligations: 'finance.pay.error.notYours' });
  const due = rows.reduce((s, r) => s + Math.max(0, r.due), 0);
  if (due <= 0) throw badRequest({ obligations: 'finance.pay.error.nothingDue' });
  return due;
}

/** Creates the intent and asks the provider where to send the payer. */
export async function startOnlinePayment(services: Services, tdb: TenantDb, community: TenantCommunity, input: StartInput): Promise<{ intentId: number; redirect: Redirect }> {
  const settings = await connectionSettings(services, tdb, input.provider, community.slug);
  if (!settings) throw badRequest({ provider: 'finance.pay.error.noProvider' });
  const amount = await amountDue(tdb, input.payer, input.obligationIds);
  const now = new Date().toISOString();
  // Digits only: every provider takes them as a bill or order number.
  const billNo = `${todayInYerevan().replace(/-/g, '')}${crypto.randomInt(10_000_000, 99_999_999)}`;
  const intentId = await tdb.transaction(async (scoped, raw) => {
    const { id } = await scoped.insertInto('fin_payment_intents', {
      bill_no: billNo, provider: input.provider, ...payerColumns(input.payer), payer_name: input.payerName,
      obligation_ids: JSON.stringify([...new Set(input.obligationIds)]), amount, status: 'pending', provider_order_id: null, provider_txn_id: null,
      payment_id: null, return_path: input.returnPath, description: input.description.slice(0, 200), user_id: input.actor.userId,
      created_at: now, updated_at: now, checked_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(raw, input.actor, { communityId: community.id, action: 'finance.payment_intent.create', entityType: 'fin_payment_intent', entityId: id, after: { provider: input.provider, amount, obligationIds: input.obligationIds, billNo } });
    return id;
  });
  let begun: Awaited<ReturnType<PaymentGateway['begin']>>;
  try {
    begun = await GATEWAYS[input.provider].begin(settings, { billNo, amount, description: input.description, locale: input.locale, providerOrderId: null }, ourUrls(services.config.publicUrl, community.slug, input.provider));
  } catch (error) {
    services.log.warn({ err: error, provider: input.provider, intentId }, 'payment provider did not take the order');
    await tdb.updateTable('fin_payment_intents').set({ status: 'failed', updated_at: new Date().toISOString() }).where('id', '=', intentId).execute();
    throw new AppError(503, 'provider_unavailable', 'finance.pay.error.providerDown');
  }
  if (begun.providerOrderId) await tdb.updateTable('fin_payment_intents').set({ provider_order_id: begun.providerOrderId, updated_at: new Date().toISOString() }).where('id', '=', intentId).execute();
  return { intentId, redirect: begun.redirect };
}

export type SettleOutcome = { ok: true; recorded: Recorded } | { ok: false; reason: 'amount_mismatch' };

/**
 * Records what the provider vouched for against its intent: the amount must be the
 * intent's exactly. The intent's row is touched first, so two callbacks for one intent
 * queue behind each other on PostgreSQL; the ledger's unique key does the rest.
 */
export async function settleIntent(services: Services, tdb: TenantDb, community: TenantCommunity, intent: IntentRow, payment: ProviderPayment, via: 'callback' | 'return' | 'reconcile'): Promise<SettleOutcome> {
  if (payment.amount !== intent.amount) {
    await tdb.transaction((_s, raw) => appendAudit(raw, SYSTEM_ACTOR, {
      communityId: community.id, action: 'finance.payment.refuse', entityType: 'fin_payment_intent', entityId: intent.id,
      after: { reason: 'amount_mismatch', expected: intent.amount, stated: payment.amount, txnId: payment.txnId, via },
    }));
    return { ok: false, reason: 'amount_mismatch' };
  }
  const payer = payerOfRow(intent);
  const recorded = await tdb.transaction(async (scoped, raw) => {
    await scoped.updateTable('fin_payment_intents').set({ updated_at: new Date().toISOString() }).where('id', '=', intent.id).execute();
    const r = await recordIncoming(services, scoped, community, {
      payer, payerName: intent.payer_name, amount: payment.amount, channel: 'online', provider: intent.provider, txnId: payment.txnId,
      reference: intent.bill_no, paidOn: payment.paidOn, obligationIds: JSON.parse(intent.obligation_ids) as number[], via: PROVIDER_LABEL[intent.provider],
      locale: 'hy', actor: SYSTEM_ACTOR, issuer: ONLINE_ISSUER,
    });
    const changed = await scoped.updateTable('fin_payment_intents')
      .set({ status: 'paid', payment_id: r.paymentId, provider_txn_id: payment.txnId, updated_at: new Date().toISOString() })
      .where('id', '=', intent.id).where('status', '!=', 'paid').executeTakeFirst();
    if (Number(changed.numUpdatedRows) > 0) {
      await appendAudit(raw, SYSTEM_ACTOR, { communityId: community.id, action: 'finance.payment_intent.paid', entityType: 'fin_payment_intent', entityId: intent.id, before: { status: intent.status }, after: { status: 'paid', paymentId: r.paymentId, via } });
    }
    return r;
  });
  return { ok: true, recorded };
}

export async function findIntent(tdb: TenantDb, by: { billNo?: string | null; providerOrderId?: string | null; provider: ProviderName }): Promise<IntentRow | null> {
  let q = tdb.selectFrom('fin_payment_intents').selectAll().where('provider', '=', by.provider);
  if (by.billNo) q = q.where('bill_no', '=', by.billNo);
  else if (by.providerOrderId) q = q.where('provider_order_id', '=', by.providerOrderId);
  else return null;
  return (await q.executeTakeFirst()) ?? null;
}

/** Marks a pending intent failed (declined at the provider) or expired (never paid). */
export async function closeIntent(tdb: TenantDb, intent: IntentRow, status: 'failed' | 'expired', why: string): Promise<void> {
  await tdb.transaction(async (scoped, raw) => {
    const r = await scoped.updateTable('fin_payment_intents').set({ status, updated_at: new Date().toISOString() }).where('id', '=', intent.id).where('status', '=', 'pending').executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) {
      await appendAudit(raw, SYSTEM_ACTOR, { communityId: scoped.communityId, action: `finance.payment_intent.${status}`, entityType: 'fin_payment_intent', entityId: intent.id, before: { status: 'pending' }, after: { status, why } });
    }
  });
}

export type { ProviderSettings };
