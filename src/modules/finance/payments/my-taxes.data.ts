// What "my taxes" shows for each of the person's payers: the balances as of today with the
// penalty to date, the recent payments with their receipts, and the ways to pay online.
import type { Executor } from '../../../platform/db/tenant.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { payerBalance, payerKey, type PayerRef } from './ledger-api.ts';
import type { PayerBalance } from '../ledger/balances.ts';
import { enabledProviders } from './settings.ts';
import { myPayers, type MyPayer } from './my-payers.ts';
import type { ProviderName } from './payments.table.ts';

const HISTORY = 20;

export interface PaymentLine {
  id: number;
  paidOn: string;
  amount: number;
  channel: string;
  receiptNumber: string | null;
}

export interface PayerSection {
  who: MyPayer;
  key: string;
  balance: PayerBalance;
  payments: PaymentLine[];
  providers: ProviderName[];
}

export async function paymentsOf(tdb: TenantDb, payer: PayerRef, limit = HISTORY): Promise<PaymentLine[]> {
  let q = tdb.selectFrom('fin_payments').select(['id', 'paid_on', 'amount', 'channel', 'receipt_number']);
  q = payer.kind === 'resident' ? q.where('resident_id', '=', payer.residentId) : q.where('organization_id', '=', payer.organizationId);
  const rows = await q.orderBy('paid_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, paidOn: r.paid_on, amount: r.amount, channel: r.channel, receiptNumber: r.receipt_number }));
}

export async function sectionFor(db: Executor, who: MyPayer, asOf = todayInYerevan()): Promise<PayerSection> {
  const tdb = new TenantDb(db, who.communityId);
  const [balance, payments, providers] = await Promise.all([payerBalance(tdb, who.payer, asOf), paymentsOf(tdb, who.payer), enabledProviders(tdb)]);
  return { who, key: payerKey(who.payer), balance, payments, providers };
}

export async function myTaxes(db: Executor, userId: number): Promise<{ linked: boolean; sections: PayerSection[] }> {
  const payers = await myPayers(db, userId);
  const sections: PayerSection[] = [];
  for (const who of payers) sections.push(await sectionFor(db, who));
  const user = await db.selectFrom('users').select('verified_psn').where('id', '=', userId).executeTakeFirst();
  return { linked: Boolean(user?.verified_psn) || payers.length > 0, sections };
}
