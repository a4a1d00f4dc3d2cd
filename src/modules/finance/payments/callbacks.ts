// The provider's server-to-server messages: checked with the merchant's secret, then
// believed. The answer is "OK" whenever the payment is (now or already) recorded, so a
// provider's retry of a message we already took is answered the same; anything we refuse
// gets a short reason and nothing is written to the ledger.
import type { Services } from '../../../platform/module/contract.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import type { ProviderName } from './payments.table.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { connectionSettings } from './settings.ts';
import { closeIntent, findIntent, GATEWAYS, settleIntent } from './intents.service.ts';

/** The provider wants the plain text OK; a refusal is an API error (any other answer is "not taken"). */
export const OK = 'OK';
const refuse = (status: number, code: string, key: MessageKey) => new AppError(status, code, key);

async function auditRefusal(tdb: TenantDb, provider: ProviderName, reason: string, fields: Record<string, string>): Promise<void> {
  // What was claimed, without anything secret: the bill, the transaction and the amount.
  const claimed = Object.fromEntries(Object.entries(fields).filter(([k]) => /BILL_NO|TRANS_ID|AMOUNT|mdOrder|orderNumber|amount/.test(k)));
  await tdb.transaction((_s, raw) => appendAudit(raw, SYSTEM_ACTOR, { communityId: tdb.communityId, action: 'finance.payment.refuse', entityType: 'fin_payment_intent', entityId: null, after: { provider, reason, claimed } }));
}

export async function handleCallback(services: Services, tdb: TenantDb, community: TenantCommunity, provider: ProviderName, fields: Record<string, string>): Promise<typeof OK> {
  const settings = await connectionSettings(services, tdb, provider, community.slug);
  if (!settings) throw refuse(404, 'no_connection', 'finance.pay.callback.noConnection');
  const reading = GATEWAYS[provider].readCallback(settings, fields);
  if (reading.kind === 'malformed') throw refuse(400, 'malformed', 'finance.pay.callback.malformed');
  if (reading.kind === 'forged') {
    await auditRefusal(tdb, provider, 'bad_signature', fields);
    throw refuse(403, 'bad_signature', 'finance.pay.callback.badSignature');
  }
  if (reading.kind === 'precheck') {
    const intent = await findIntent(tdb, { provider, billNo: reading.billNo });
    if (!intent || intent.status !== 'pending') throw refuse(404, 'unknown_bill', 'finance.pay.callback.unknownBill');
    if (intent.amount !== reading.amount) throw refuse(409, 'amount_mismatch', 'finance.pay.callback.amountMismatch');
    return OK;
  }
  if (reading.kind === 'declined') {
    const intent = await findIntent(tdb, { provider, billNo: reading.billNo, providerOrderId: reading.providerOrderId });
    if (intent) await closeIntent(tdb, intent, 'failed', 'declined at the provider');
    return OK;
  }
  const intent = await findIntent(tdb, { provider, billNo: reading.payment.billNo, providerOrderId: reading.payment.providerOrderId });
  if (!intent) {
    await auditRefusal(tdb, provider, 'unknown_bill', fields);
    throw refuse(404, 'unknown_bill', 'finance.pay.callback.unknownBill');
  }
  const outcome = await settleIntent(services, tdb, community, intent, reading.payment, 'callback');
  if (!outcome.ok) throw refuse(409, 'amount_mismatch', 'finance.pay.callback.amountMismatch');
  return OK;
}
