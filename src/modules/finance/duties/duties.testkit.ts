// Test support for duties: a year's rate, a household of registered residents, an
// organization, and signed-in requests (the registry's test kit).
import type { Executor, TenantDb } from '../../../platform/db/tenant.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { insertResident } from '../../registry/property/property.testkit.ts';
import { organizationKeys, replaceSearchKeys } from '../../registry/search-keys.ts';
import { findKindByCode } from './duties.catalogue.ts';
import { rateForm } from './duties.schemas.ts';
import { saveRate } from './duties.rates.ts';
import { payerForm } from './duties.schemas.ts';
import { savePayer } from './duties.payers.ts';

export { get, post, tenantOf } from '../../registry/property/property.testkit.ts';

export const RATE = {
  revenue_line: '1351', treasury_account: '900435116455', zone_coefficient: '1', decision_number: '45-Ն', decision_date: '2025-12-20', variant: '',
};

/** A rate of the kind `code` for `year` (form strings, as the page posts them). */
export async function addRate(db: Executor, tenant: TenantDb, code: string, year: number, more: Record<string, string> = {}): Promise<number> {
  const kind = (await findKindByCode(db, code))!;
  const input = rateForm.parse({ ...RATE, year: String(year), kind_id: String(kind.id), periodicity: kind.periodicity, measure: kind.measure, rate: '100', ...more });
  return saveRate(tenant, SYSTEM_ACTOR, null, input);
}

export async function addPayer(tenant: TenantDb, rateId: number, payerRef: string, more: Record<string, string> = {}): Promise<number> {
  return savePayer(tenant, SYSTEM_ACTOR, null, payerForm.parse({ rate_id: String(rateId), payer_ref: payerRef, place: 'Սիսիան, Շահումյան 12', starts_on: '2026-01-01', ...more }));
}

/** A household of `size` registered residents (PSNs from `firstPsn` up); returns the first one's PSN. */
export async function household(tenant: TenantDb, firstPsn: number, size: number): Promise<string> {
  const settlementId = (await tenant.selectFrom('settlements').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const h = await tenant.insertInto('households', { settlement_id: settlementId, address_id: null, unit_id: null, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < size; i++) {
    const id = await insertResident(tenant, String(firstPsn + i), 'Ավետիսյան', ['Արամ', 'Անի', 'Լիլիթ', 'Գոռ', 'Նարե'][i % 5]);
    await tenant.updateTable('residents').set({ household_id: h.id }).where('id', '=', id).execute();
  }
  return String(firstPsn);
}

export async function organization(tenant: TenantDb, taxId: string, name: string): Promise<number> {
  const now = new Date().toISOString();
  const row = await tenant.insertInto('organizations', {
    tax_id: taxId, name, legal_form: 'ՍՊԸ', is_entrepreneur: 0, address_id: null, settlement_id: null, activity: 'retail', phone: null, email: null,
    status: 'active', search_key: organizationKeys(name).join(' '), created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await replaceSearchKeys(tenant, 'organization', row.id, organizationKeys(name));
  return row.id;
}
