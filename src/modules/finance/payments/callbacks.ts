// The provider's server-to-server messages: checked with the merchant's secret, then
// believed. The answer is "OK" whenever the payment is (now or already) recorded, so a
// provider's retry of a message we already took is answered the same; anything we refuse
// gets a short reason and nothing is written to the ledger.
import type { Services } from '../../../platform/module/contract.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import type { ProviderName } from './payments.table.ts';
import { connectionSettings } from './settings.ts';
import { closeIntent, findIntent, GATEWAYS, settleIntent } from './intents.service.ts';

export interface CallbackAnswer {
  status: number;
  text: string;
}

const OK: CallbackAnswer = { status: 200, text: 'OK' };
const refuse = (status: number, text: string): CallbackAnswer => ({ status, text });

async function auditRefusal(tdb: TenantDb, provider: ProviderName, reason: string, fields: Record<string, string>): Promise<void> {
  // What was claimed, without anything secret: the bill, the transaction and the amount.
  const claimed = Object.fromEntries(Object.entries(fields).filter(([k]) => /BILL_NO|TRANS_ID|AMOUNT|mdOrder|orderNumber|amount/.test(k)));
  await tdb.transaction((_s, raw) => appendAudit(raw, SYSTEM_ACTOR, { communityId: tdb.communityId, action: 'finance.payment.refuse', entityType: 'fin_payment_intent', entityId: null, after: { provider, reason, claimed } }));
}

export async function handleCallback(services: Services, tdb: TenantDb, community: TenantCommunity, provider: ProviderName, fields: Record<string, string>): Promise<CallbackAnswer> {
  const settings = await connectionSettings(services, tdb, provider, community.slug);
  if (!settings) return refuse(404, 'NO CONNECTION');
  const reading = GATEWAYS[provider].readCallback(settings, fields);
  if (reading.kind === 'malformed') return refuse(400, 'MALFORMED');
  if (reading.kind === 'forged') {
    await auditRefusal(tdb, provider, 'bad_signature', fields);
    return refuse(403, 'BAD SIGNATURE');
  }
  if (reading.kind === 'precheck') {
    const intent = await findIntent(tdb, { provider, billNo: reading.billNo });
    if (!intent || intent.status !== 'pending') return refuse(404, 'UNKNOWN BILL');
    return intent.amount === reading.amount ? OK : refuse(409, 'AMOUNT MISMATCH');
  }
  if (reading.kind === 'declined') {
    const intent = await findIntent(tdb, { provider, billNo: reading.billNo, providerOrderId: reading.providerOrderId });
    if (intent) await closeIntent(tdb, intent, 'failed', 'declined at the provider');
    return OK;
  }
  const intent = await findIntent(tdb, { provider, billNo: reading.payment.billNo, providerOrderId: reading.payment.providerOrderId });
  if (!intent) {
    await auditRefusal(tdb, provider, 'unknown_bill', fields);
    return refuse(404, 'UNKNOWN BILL');
  }
  const outcome = await settleIntent(services, tdb, community, intent, reading.payment, 'callback');
  if (!outcome.ok) return refuse(409, 'AMOUNT MISMATCH');
  return OK;
}
