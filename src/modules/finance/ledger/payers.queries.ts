// Data access of the ledger's staff pages: finding payers in the registers (by name in any
// spelling, by public service number, by tax ID), and a payer's payments and entries.
import { sql, type SqlBool } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { foldWord } from '../../../platform/search/fold.ts';
import type { PayerRef } from './ledger.table.ts';
import type { PayerIdentity } from './payer.ts';

export interface PayerHit extends PayerIdentity {
  settlement: { name_hy: string; name_en: string; name_ru: string } | null;
}

const words = (q: string) => q.split(/[\s,;]+/).filter(Boolean).slice(0, 6);

/** Residents and organizations matching every word of `q` (names by folded prefix, numbers by identifier). */
export async function searchPayers(tdb: TenantDb, q: string, limit: number): Promise<PayerHit[]> {
  const tokens = words(q.trim());
  if (tokens.length === 0) return [];
  const keyMatch = (entity: 'resident' | 'organization', key: string) => tdb.selectFrom('search_keys').select('search_keys.entity_id')
    .where('search_keys.entity', '=', entity).where('search_keys.key', '>=', key).where('search_keys.key', '<', `${key}{`);
  const none = sql<SqlBool>`1 = 0`;

  let people = tdb.selectFrom('residents').leftJoin('settlements', 'settlements.id', 'residents.settlement_id')
    .select(['residents.id', 'residents.last_name', 'residents.first_name', 'residents.patronymic', 'residents.public_service_number', 'residents.settlement_id',
      'settlements.name_hy', 'settlements.name_en', 'settlements.name_ru']);
  let orgs = tdb.selectFrom('organizations').leftJoin('settlements', 'settlements.id', 'organizations.settlement_id')
    .select(['organizations.id', 'organizations.name', 'organizations.tax_id', 'organizations.settlement_id', 'settlements.name_hy', 'settlements.name_en', 'settlements.name_ru']);
  for (const raw of tokens) {
    if (/^\d+$/.test(raw)) {
      people = raw.length === 10 ? people.where('residents.public_service_number', '=', raw) : people.where(none);
      orgs = raw.length <= 8 ? orgs.where('organizations.tax_id', 'like', `${raw}%`) : orgs.where(none);
      continue;
    }
    const key = foldWord(raw).slice(0, 60);
    if (!key) {
      people = people.where(none);
      orgs = orgs.where(none);
      continue;
    }
    people = people.where('residents.id', 'in', keyMatch('resident', key));
    orgs = orgs.where('organizations.id', 'in', keyMatch('organization', key));
  }
  const [rs, os] = await Promise.all([
    people.orderBy('residents.last_name').orderBy('residents.first_name').orderBy('residents.id').limit(limit).execute(),
    orgs.orderBy('organizations.name').orderBy('organizations.id').limit(limit).execute(),
  ]);
  const settlement = (r: { name_hy: string | null; name_en: string | null; name_ru: string | null }) =>
    r.name_hy === null ? null : { name_hy: r.name_hy, name_en: r.name_en ?? '', name_ru: r.name_ru ?? '' };
  return [
    ...rs.map((r) => ({
      payer: { kind: 'resident', residentId: r.id } as PayerRef, name: [r.last_name, r.first_name, r.patronymic].filter(Boolean).join(' '),
      identifier: r.public_service_number, settlementId: r.settlement_id, settlement: settlement(r),
    })),
    ...os.map((o) => ({
      payer: { kind: 'organization', organizationId: o.id } as PayerRef, name: o.name, identifier: o.tax_id, settlementId: o.settlement_id, settlement: settlement(o),
    })),
  ].slice(0, limit);
}

export interface PaymentRow {
  id: number;
  amount: number;
  paid_on: string;
  channel: string;
  reference: string | null;
  receipt_number: string | null;
  allocated_on: string | null;
}

export async function payerPayments(tdb: TenantDb, payer: PayerRef): Promise<PaymentRow[]> {
  let q = tdb.selectFrom('fin_payments').select(['id', 'amount', 'paid_on', 'channel', 'reference', 'receipt_number', 'allocated_on']);
  q = payer.kind === 'resident' ? q.where('resident_id', '=', payer.residentId) : q.where('organization_id', '=', payer.organizationId);
  return q.orderBy('paid_on', 'desc').orderBy('id', 'desc').execute();
}

export interface ReversibleEntry {
  id: number;
  obligation_id: number;
  kind: string;
  component: 'principal' | 'penalty';
  amount: number;
  entry_on: string;
}

/** The payer's entries that can still be reversed: not a reversal, not reversed yet; newest first. */
export async function reversibleEntries(tdb: TenantDb, obligationIds: number[]): Promise<ReversibleEntry[]> {
  if (obligationIds.length === 0) return [];
  return tdb.selectFrom('fin_entries').select(['id', 'obligation_id', 'kind', 'component', 'amount', 'entry_on'])
    .where('obligation_id', 'in', obligationIds).where('kind', '!=', 'reversal')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fin_entries as r').select('r.id').whereRef('r.reverses_entry_id', '=', 'fin_entries.id'))))
    .orderBy('entry_on', 'desc').orderBy('id', 'desc').limit(200).execute();
}
