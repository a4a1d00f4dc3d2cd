// Cash at the Citizen Office desk: the operator finds the payer by PSN or tax ID, takes the
// money for chosen obligations (or the oldest first), and hands over the printed receipt.
// The form carries a one-time key, so pressing the button twice records one payment.
import type { Services } from '../../../platform/module/contract.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { appendAuditMany } from '../../../platform/audit/audit.ts';
import { todayInYerevan, type Locale } from '../../../platform/i18n/index.ts';
import { residentViews } from '../../registry/index.ts';
import { payerIdentity, payerKey, type PayerRef } from './ledger-api.ts';
import type { PayerIdentity } from '../ledger/payer.ts';
import { recordIncoming, type Recorded } from './record.ts';

/** The payer with this PSN (10 digits) or tax ID (8 digits) in the community, or null. */
export async function findPayer(tdb: TenantDb, q: string): Promise<PayerIdentity | null> {
  if (/^\d{10}$/.test(q)) {
    const r = await tdb.selectFrom('residents').select('id').where('public_service_number', '=', q).orderBy('id').executeTakeFirst();
    return r ? payerIdentity(tdb, { kind: 'resident', residentId: r.id }) : null;
  }
  if (/^\d{8}$/.test(q)) {
    const o = await tdb.selectFrom('organizations').select('id').where('tax_id', '=', q).executeTakeFirst();
    return o ? payerIdentity(tdb, { kind: 'organization', organizationId: o.id }) : null;
  }
  return null;
}

/** The desk showed this payer's accounts: a read of personal data, audited. */
export async function auditPayerShown(tdb: TenantDb, actor: AuditActor, payer: PayerRef): Promise<void> {
  const entries = payer.kind === 'resident'
    ? residentViews(tdb.communityId, 'desk', [{ residentId: payer.residentId }])
    : [{ communityId: tdb.communityId, action: 'finance.payer.view', entityType: 'organization', entityId: payer.organizationId, after: { via: 'desk' } }];
  await tdb.transaction((_s, raw) => appendAuditMany(raw, actor, entries));
}

export interface CashInput {
  payer: PayerIdentity;
  amount: number;
  obligationIds: number[] | null;
  /** The form's one-time key. */
  formKey: string;
  cashier: { name: string; position: string };
  actor: AuditActor;
  locale: Locale;
}

export async function takeCash(services: Services, tdb: TenantDb, community: TenantCommunity, input: CashInput): Promise<Recorded> {
  return recordIncoming(services, tdb, community, {
    payer: input.payer.payer, payerName: input.payer.name, amount: input.amount, channel: 'cash', provider: 'cash',
    txnId: `desk:${input.formKey}`, reference: payerKey(input.payer.payer), paidOn: todayInYerevan(),
    obligationIds: input.obligationIds ?? [], via: input.cashier.name, locale: input.locale, actor: input.actor, issuer: input.cashier,
  });
}
