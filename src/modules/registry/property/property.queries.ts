// Data access of the property register: parcels, structures, their owners and history.
// A settlement head (settlementIds not null) only ever sees rows of their settlements.
import { sql, type Selectable } from 'kysely';
import type { Executor, TenantDb } from '../../../platform/db/tenant.ts';
import { unscoped } from '../../../platform/db/tenant.ts';
import type { OwnershipsTable, ParcelsTable, StructuresTable } from '../registry.table.ts';
import type { ParcelListQuery, StructureListQuery } from './property.schemas.ts';

export const PROPERTY_PAGE_SIZE = 50;

export type Parcel = Selectable<ParcelsTable>;
export type Structure = Selectable<StructuresTable>;
export type SettlementScope = number[] | null;

export interface AddressLabel {
  address_id: number | null;
  street_hy: string | null;
  number: string | null;
}

/** "Street 12" or "12", for lists; null when there is no address. */
export function addressText(a: AddressLabel): string | null {
  if (a.address_id === null || a.number === null) return null;
  return a.street_hy ? `${a.street_hy} ${a.number}` : a.number;
}

/** An address search: words of a street name and/or a house number. */
function likeTerm(q: string): string {
  return `%${q.toLowerCase().replace(/[%_\\]/g, '')}%`;
}

const isCodePrefix = (q: string) => /^[\d-]+$/.test(q);

export interface ParcelRow extends Parcel, AddressLabel {
  settlement_hy: string | null;
  settlement_en: string | null;
  settlement_ru: string | null;
}

function parcelsBase(tenant: TenantDb, scope: SettlementScope) {
  let q = tenant
    .selectFrom('parcels')
    .leftJoin('settlements', 'settlements.id', 'parcels.settlement_id')
    .leftJoin('addresses', 'addresses.id', 'parcels.address_id')
    .leftJoin('streets', 'streets.id', 'addresses.street_id');
  if (scope) q = scope.length ? q.where('parcels.settlement_id', 'in', scope) : q.where(sql.lit(false));
  return q;
}

/** One page of the parcels list; the export asks for page 1 with its own (large) limit. */
export async function listParcels(tenant: TenantDb, scope: SettlementScope, f: ParcelListQuery, page: number, limit = PROPERTY_PAGE_SIZE): Promise<{ rows: ParcelRow[]; total: number }> {
  let q = parcelsBase(tenant, scope);
  if (f.settlement) q = q.where('parcels.settlement_id', '=', f.settlement);
  if (f.purpose) q = q.where('parcels.purpose', '=', f.purpose);
  if (f.inside) q = q.where('parcels.inside_settlement', '=', Number(f.inside));
  if (f.q) {
    const term = f.q;
    q = isCodePrefix(term)
      ? q.where('parcels.cadastral_code', 'like', `${term}%`)
      : q.where((eb) => eb.or([
          eb(eb.fn('lower', ['streets.name_hy']), 'like', likeTerm(term)),
          eb(eb.fn('lower', ['streets.name_en']), 'like', likeTerm(term)),
          eb(sql`lower(${sql.ref('streets.name_hy')} || ' ' || ${sql.ref('addresses.number')})`, 'like', likeTerm(term)),
        ]));
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('parcels')
      .select(['settlements.name_hy as settlement_hy', 'settlements.name_en as settlement_en', 'settlements.name_ru as settlement_ru', 'streets.name_hy as street_hy', 'addresses.number'])
      .orderBy('parcels.cadastral_code')
      .limit(limit)
      .offset((page - 1) * limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ParcelRow[], total: Number(count.n) };
}

export async function findParcel(tenant: TenantDb, scope: SettlementScope, id: number): Promise<ParcelRow | null> {
  const row = await parcelsBase(tenant, scope)
    .selectAll('parcels')
    .select(['settlements.name_hy as settlement_hy', 'settlements.name_en as settlement_en', 'settlements.name_ru as settlement_ru', 'streets.name_hy as street_hy', 'addresses.number'])
    .where('parcels.id', '=', id)
    .executeTakeFirst();
  return (row as ParcelRow | undefined) ?? null;
}

export interface StructureRow extends Structure, AddressLabel {
  parcel_code: string | null;
  unit_number: string | null;
  settlement_id: number | null;
}

function structuresBase(tenant: TenantDb, scope: SettlementScope) {
  let q = tenant
    .selectFrom('structures')
    .leftJoin('parcels', 'parcels.id', 'structures.parcel_id')
    .leftJoin('addresses', 'addresses.id', 'structures.address_id')
    .leftJoin('streets', 'streets.id', 'addresses.street_id')
    .leftJoin('address_units', 'address_units.id', 'structures.unit_id');
  if (scope) {
    q = scope.length
      ? q.where((eb) => eb(eb.fn.coalesce('addresses.settlement_id', 'parcels.settlement_id'), 'in', scope))
      : q.where(sql.lit(false));
  }
  return q;
}

const structureColumns = [
  'parcels.cadastral_code as parcel_code', 'streets.name_hy as street_hy', 'addresses.number', 'address_units.number as unit_number',
] as const;

/** One page of the structures list; the export asks for page 1 with its own (large) limit. */
export async function listStructures(tenant: TenantDb, scope: SettlementScope, f: StructureListQuery, page: number, limit = PROPERTY_PAGE_SIZE): Promise<{ rows: StructureRow[]; total: number }> {
  let q = structuresBase(tenant, scope);
  if (f.kind) q = q.where('structures.kind', '=', f.kind);
  if (f.settlement) {
    const s = f.settlement;
    q = q.where((eb) => eb(eb.fn.coalesce('addresses.settlement_id', 'parcels.settlement_id'), '=', s));
  }
  if (f.q) {
    const term = f.q;
    q = isCodePrefix(term)
      ? q.where('structures.cadastral_code', 'like', `${term}%`)
      : q.where((eb) => eb.or([
          eb(eb.fn('lower', ['streets.name_hy']), 'like', likeTerm(term)),
          eb(eb.fn('lower', ['streets.name_en']), 'like', likeTerm(term)),
        ]));
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('structures')
      .select([...structureColumns, (eb) => eb.fn.coalesce('addresses.settlement_id', 'parcels.settlement_id').as('settlement_id')])
      .orderBy('structures.cadastral_code')
      .limit(limit)
      .offset((page - 1) * limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as StructureRow[], total: Number(count.n) };
}

export async function findStructure(tenant: TenantDb, scope: SettlementScope, id: number): Promise<StructureRow | null> {
  const row = await structuresBase(tenant, scope)
    .selectAll('structures')
    .select([...structureColumns, (eb) => eb.fn.coalesce('addresses.settlement_id', 'parcels.settlement_id').as('settlement_id')])
    .where('structures.id', '=', id)
    .executeTakeFirst();
  return (row as StructureRow | undefined) ?? null;
}

export interface OwnerRow extends Selectable<OwnershipsTable> {
  resident_name: string | null;
  resident_psn: string | null;
  organization_name: string | null;
  organization_tax_id: string | null;
}

/** Every owner of an object, current first, then past ones newest first. */
export async function ownersOf(tenant: TenantDb, type: 'parcel' | 'structure', id: number): Promise<OwnerRow[]> {
  const rows = await tenant
    .selectFrom('ownerships')
    .leftJoin('residents', 'residents.id', 'ownerships.owner_resident_id')
    .leftJoin('organizations', 'organizations.id', 'ownerships.owner_organization_id')
    .selectAll('ownerships')
    .select([
      sql<string | null>`${sql.ref('residents.last_name')} || ' ' || ${sql.ref('residents.first_name')}`.as('resident_name'),
      'residents.public_service_number as resident_psn',
      'organizations.name as organization_name',
      'organizations.tax_id as organization_tax_id',
    ])
    .where('ownerships.object_type', '=', type)
    .where('ownerships.object_id', '=', id)
    .orderBy('ownerships.valid_from', 'desc')
    .orderBy('ownerships.id')
    .execute();
  return [...rows.filter((r) => r.valid_to === null), ...rows.filter((r) => r.valid_to !== null)];
}

/** Property owned by a resident or organization (current shares). */
export async function propertyOwnedBy(tenant: TenantDb, owner: { organizationId: number }) {
  return tenant
    .selectFrom('ownerships')
    .leftJoin('parcels', (j) => j.onRef('parcels.id', '=', 'ownerships.object_id').on('ownerships.object_type', '=', 'parcel'))
    .leftJoin('structures', (j) => j.onRef('structures.id', '=', 'ownerships.object_id').on('ownerships.object_type', '=', 'structure'))
    .select(['ownerships.object_type', 'ownerships.object_id', 'ownerships.share_num', 'ownerships.share_den', 'ownerships.valid_from', 'parcels.cadastral_code as parcel_code', 'structures.cadastral_code as structure_code'])
    .where('ownerships.owner_organization_id', '=', owner.organizationId)
    .where('ownerships.valid_to', 'is', null)
    .orderBy('ownerships.id')
    .execute();
}

export interface HistoryEntry {
  at: string;
  actor_label: string;
  action: string;
}

/** The latest changes of one record, from the audit log. */
export async function historyOf(db: Executor, communityId: number, entityType: string, entityId: number): Promise<HistoryEntry[]> {
  return unscoped(db, 'audit_events has a nullable community_id; filtered by hand to this community')
    .selectFrom('audit_events')
    .select(['at', 'actor_label', 'action'])
    .where('community_id', '=', communityId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('seq', 'desc')
    .limit(20)
    .execute();
}

/** Addresses to choose from in forms: "Street 12 (Settlement)"; settlement and text ("Settlement, Street 12") for grouped lists. */
export async function addressOptions(tenant: TenantDb, scope: SettlementScope) {
  let q = tenant
    .selectFrom('addresses')
    .leftJoin('streets', 'streets.id', 'addresses.street_id')
    .innerJoin('settlements', 'settlements.id', 'addresses.settlement_id')
    .select(['addresses.id', 'addresses.number', 'streets.name_hy as street_hy', 'settlements.name_hy as settlement_hy']);
  if (scope) q = scope.length ? q.where('addresses.settlement_id', 'in', scope) : q.where(sql.lit(false));
  const rows = await q.orderBy('settlements.name_hy').orderBy('streets.name_hy').orderBy('addresses.number').limit(2000).execute();
  return rows.map((r) => {
    const house = `${r.street_hy ? `${r.street_hy} ` : ''}${r.number}`;
    return { value: String(r.id), label: `${house} (${r.settlement_hy})`, settlement: r.settlement_hy, text: `${r.settlement_hy}, ${house}` };
  });
}
