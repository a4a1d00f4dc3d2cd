// Data access of the population register: residents, their history and household.
// A settlement head's scope (settlement ids) narrows every read.
import type { TenantDb } from '../../../platform/db/tenant.ts';

export type Scope = number[] | null;

export const RESIDENT_COLUMNS = [
  'residents.id', 'residents.last_name', 'residents.first_name', 'residents.patronymic', 'residents.last_name_latin',
  'residents.first_name_latin', 'residents.patronymic_latin', 'residents.birth_date', 'residents.sex',
  'residents.public_service_number', 'residents.id_document', 'residents.phone', 'residents.email',
  'residents.settlement_id', 'residents.address_id', 'residents.unit_id', 'residents.household_id',
  'residents.relationship', 'residents.status', 'residents.created_at', 'residents.updated_at',
  'settlements.name_hy as settlement_hy', 'settlements.name_en as settlement_en', 'settlements.name_ru as settlement_ru',
  'addresses.number as address_number', 'streets.name_hy as street_hy', 'streets.name_en as street_en', 'streets.name_ru as street_ru',
  'address_units.number as unit_number',
] as const;

/** Residents joined with their settlement and address, within the scope. */
export function residentsBase(tenant: TenantDb, scope: Scope) {
  let q = tenant
    .selectFrom('residents')
    .innerJoin('settlements', 'settlements.id', 'residents.settlement_id')
    .leftJoin('addresses', 'addresses.id', 'residents.address_id')
    .leftJoin('streets', 'streets.id', 'addresses.street_id')
    .leftJoin('address_units', 'address_units.id', 'residents.unit_id');
  if (scope) q = q.where('residents.settlement_id', 'in', scope.length ? scope : [-1]);
  return q;
}

/** Households joined with their settlement and address, within the scope. */
export function householdsBase(tenant: TenantDb, scope: Scope) {
  let q = tenant
    .selectFrom('households')
    .innerJoin('settlements', 'settlements.id', 'households.settlement_id')
    .leftJoin('addresses', 'addresses.id', 'households.address_id')
    .leftJoin('streets', 'streets.id', 'addresses.street_id')
    .leftJoin('address_units', 'address_units.id', 'households.unit_id');
  if (scope) q = q.where('households.settlement_id', 'in', scope.length ? scope : [-1]);
  return q;
}

type Base = ReturnType<typeof residentsBase>;
export type ResidentRow = Awaited<ReturnType<typeof findResident>> & object;

export async function findResident(tenant: TenantDb, scope: Scope, id: number) {
  return (await residentsBase(tenant, scope).select(RESIDENT_COLUMNS).where('residents.id', '=', id).executeTakeFirst()) ?? null;
}

export interface ListFilters {
  settlement_id?: number | undefined;
  status?: string | undefined;
  sex?: string | undefined;
  age_min?: number | undefined;
  age_max?: number | undefined;
}

/** Birth-date bounds for an age range on a given day. */
function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

export function applyFilters(q: Base, f: ListFilters, today: string): Base {
  let out = q;
  if (f.settlement_id) out = out.where('residents.settlement_id', '=', f.settlement_id);
  if (f.status) out = out.where('residents.status', '=', f.status as 'registered');
  if (f.sex) out = out.where('residents.sex', '=', f.sex as 'M');
  // age ≥ n: born on or before today − n years; age ≤ n: born after today − (n+1) years.
  if (f.age_min !== undefined) out = out.where('residents.birth_date', '<=', yearsBefore(today, f.age_min));
  if (f.age_max !== undefined) out = out.where('residents.birth_date', '>', yearsBefore(today, f.age_max + 1));
  return out;
}

export async function listResidents(tenant: TenantDb, scope: Scope, f: ListFilters, today: string, limit: number, offset: number) {
  const base = applyFilters(residentsBase(tenant, scope), f, today);
  const [rows, count] = await Promise.all([
    base.select(RESIDENT_COLUMNS).orderBy('residents.last_name').orderBy('residents.first_name').orderBy('residents.id').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function residentEvents(tenant: TenantDb, residentId: number) {
  return tenant
    .selectFrom('resident_events')
    .select(['id', 'kind', 'on_date', 'details_json', 'reason', 'actor_user_id', 'created_at'])
    .where('resident_id', '=', residentId)
    .orderBy('on_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function householdMembers(tenant: TenantDb, householdId: number) {
  return tenant
    .selectFrom('residents')
    .select(['id', 'last_name', 'first_name', 'patronymic', 'birth_date', 'sex', 'relationship', 'status', 'public_service_number'])
    .where('household_id', '=', householdId)
    .orderBy('birth_date')
    .orderBy('id')
    .execute();
}

export async function findByPsn(tenant: TenantDb, psn: string) {
  return (await tenant.selectFrom('residents').select(['id', 'household_id', 'settlement_id']).where('public_service_number', '=', psn).executeTakeFirst()) ?? null;
}

export async function settlementsOf(tenant: TenantDb, scope: Scope) {
  let q = tenant.selectFrom('settlements').select(['id', 'name_hy', 'name_en', 'name_ru']).orderBy('id');
  if (scope) q = q.where('id', 'in', scope.length ? scope : [-1]);
  return q.execute();
}

/** An address of this community, with its settlement. */
export async function checkAddress(tenant: TenantDb, addressId: number) {
  return (await tenant.selectFrom('addresses').select(['id', 'settlement_id']).where('id', '=', addressId).executeTakeFirst()) ?? null;
}

/** The unit (apartment) with this number at the address, if the gazetteer has it. */
export async function findUnit(tenant: TenantDb, addressId: number, number: string): Promise<number | null> {
  const u = await tenant.selectFrom('address_units').select('id').where('address_id', '=', addressId).where('number', '=', number).executeTakeFirst();
  return u?.id ?? null;
}
