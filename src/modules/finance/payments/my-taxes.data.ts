// What "my taxes" shows for each of the person's payers: the balances as of today with the
// penalty to date, the recent payments with their receipts, and the ways to pay online.
import type { Executor } from '../../../platform/db/tenant.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { obligationBalances, payerBalance, payerKey, type PayerRef } from './ledger-api.ts';
import type { ObligationBalance, PayerBalance } from '../ledger/balances.ts';
import { obligationsAsCoOwner } from '../assessment/coowners.ts';
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
  /** Taxes on property the person owns jointly, recorded on another joint owner (jointly liable). */
  joint: ObligationBalance[];
}

export async function paymentsOf(tdb: TenantDb, payer: PayerRef, limit = HISTORY): Promise<PaymentLine[]> {
  let q = tdb.selectFrom('fin_payments').select(['id', 'paid_on', 'amount', 'channel', 'receipt_number']);
  q = payer.kind === 'resident' ? q.where('resident_id', '=', payer.residentId) : q.where('organization_id', '=', payer.organizationId);
  const rows = await q.orderBy('paid_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, paidOn: r.paid_on, amount: r.amount, channel: r.channel, receiptNumber: r.receipt_number }));
}

export async function sectionFor(db: Executor, who: MyPayer, asOf = todayInYerevan()): Promise<PayerSection> {
  const tdb = new TenantDb(db, who.communityId);
  const [balance, payments, providers, joint] = await Promise.all([
    payerBalance(tdb, who.payer, asOf), paymentsOf(tdb, who.payer), enabledProviders(tdb), jointObligations(tdb, who.payer, asOf),
  ]);
  return { who, key: payerKey(who.payer), balance, payments, providers, joint };
}

async function jointObligations(tdb: TenantDb, payer: PayerRef, asOf: string): Promise<ObligationBalance[]> {
  if (payer.kind !== 'resident') return [];
  const ids = [...new Set((await obligationsAsCoOwner(tdb, payer.residentId)).map((o) => o.obligationId))];
  if (ids.length === 0) return [];
  return (await obligationBalances(tdb, { obligationIds: ids }, asOf)).filter((o) => o.status === 'active');
}

export async function myTaxes(db: Executor, userId: number): Promise<{ linked: boolean; sections: PayerSection[] }> {
  const payers = await myPayers(db, userId);
  const sections: PayerSection[] = [];
  for (const who of payers) sections.push(await sectionFor(db, who));
  const user = await db.selectFrom('users').select('verified_psn').where('id', '=', userId).executeTakeFirst();
  return { linked: Boolean(user?.verified_psn) || payers.length > 0, sections };
}
