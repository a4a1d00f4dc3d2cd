// The registers demo: fills Sisian with a realistic register (≥ 2,000 residents in
// households, 1,000+ parcels, ~600 houses and flats with owners, 100 organizations,
// assets and leases) and Jermuk with a small set of every kind. Deterministic: a seeded
// PRNG, so every run writes the same people and numbers. Writes straight to the tables
// through the tenant-scoped handle, in multi-row inserts, one transaction per community.
import { createHash } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Executor } from '../platform/db/tenant.ts';
import { TenantDb, unscoped } from '../platform/db/tenant.ts';
import type { Database, TenantTable } from '../platform/db/schema.ts';
import { appendAudit, type AuditActor } from '../platform/audit/audit.ts';
import { romanizeArmenian } from '../platform/search/romanize.ts';
import { organizationKeys, residentKeys } from '../modules/registry/search-keys.ts';
import { prng } from './registry-demo-data.ts';
import { generatePeople, type DemoSettlement } from './registry-demo-people.ts';
import { generateProperty, type PlanOwner, type PropertyTargets } from './registry-demo-property.ts';

interface CommunityDemo extends PropertyTargets {
  seed: number;
  households: number;
  residents: number;
}

export const REGISTRY_DEMO: Record<string, CommunityDemo> = {
  sisian: { seed: 0x5151a4, marz: '09', households: 640, residents: 2100, parcels: 1050, structures: 620, organizations: 100, assets: 15, leases: 8 },
  jermuk: { seed: 0x7e4a11, marz: '10', households: 18, residents: 55, parcels: 20, structures: 10, organizations: 5, assets: 2, leases: 1 },
};

type Row<T extends TenantTable> = Omit<Insertable<Database[T]>, 'community_id'>;

/** Multi-row inserts in chunks that stay under both engines' bound-parameter limits; returns the new ids in order. */
export async function insertAll<T extends TenantTable>(tenant: TenantDb, table: T, rows: Row<T>[], ids = true): Promise<number[]> {
  if (!rows.length) return [];
  // Moderate chunks: SQLite keeps prepared statements by text (platform/db/connect.ts), so
  // huge one-off statements would stay in memory for the life of the process.
  const per = Math.max(1, Math.min(100, Math.floor(30_000 / (Object.keys(rows[0]!).length + 1))));
  const out: number[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const q = tenant.insertInto(table, rows.slice(i, i + per));
    if (ids) {
      const got = (await q.returning('id' as never).execute()) as unknown as { id: number }[];
      for (const r of got) out.push(Number(r.id));
    } else {
      await q.execute();
    }
  }
  return out;
}

async function seedCommunity(tx: Transaction<Database>, actor: AuditActor, communityId: number, demo: CommunityDemo, used: { psn: Set<string>; tax: Set<string> }) {
  const tenant = new TenantDb(tx, communityId);
  const settlements: DemoSettlement[] = await tenant.selectFrom('settlements').select(['id', 'name_en', 'kind', 'postcode']).orderBy('id').execute();
  const rng = prng(demo.seed);
  const people = generatePeople(rng, settlements, demo.households, demo.residents, used.psn);
  const property = generateProperty(rng, people, settlements, demo, used.tax);
  const now = new Date().toISOString();

  const streetIds = await insertAll(tenant, 'streets', people.streets.map((s) => ({ settlement_id: s.settlementId, name_hy: s.name_hy, name_en: s.name_en, name_ru: s.name_ru, created_at: now })));
  const addressIds = await insertAll(tenant, 'addresses', people.addresses.map((a) => ({
    settlement_id: a.settlementId, street_id: streetIds[a.street]!, number: a.number, postcode: a.postcode, lat: a.lat, lon: a.lon, created_at: now,
  })));
  const unitIds = await insertAll(tenant, 'address_units', people.units.map((u) => ({ address_id: addressIds[u.address]!, number: u.number, created_at: now })));
  const unit = (i: number | null) => (i === null ? null : unitIds[i]!);
  const householdIds = await insertAll(tenant, 'households', people.households.map((h) => ({
    settlement_id: h.settlementId, address_id: addressIds[h.address]!, unit_id: unit(h.unit), created_at: now,
  })));

  const residentRows = people.residents.map((r) => {
    const names = {
      last_name: r.last_name, first_name: r.first_name, patronymic: r.patronymic,
      last_name_latin: romanizeArmenian(r.last_name), first_name_latin: romanizeArmenian(r.first_name), patronymic_latin: r.patronymic ? romanizeArmenian(r.patronymic) : null,
    };
    return {
      ...names, birth_date: r.birth_date, sex: r.sex, public_service_number: r.public_service_number, id_document: r.id_document, phone: r.phone, email: r.email,
      settlement_id: r.settlementId, address_id: addressIds[r.address]!, unit_id: unit(r.unit), household_id: r.household === null ? null : householdIds[r.household]!,
      relationship: r.relationship, status: r.status, search_key: residentKeys(names).join(' '), created_at: now, updated_at: now,
    };
  });
  const residentIds = await insertAll(tenant, 'residents', residentRows);
  await insertAll(tenant, 'search_keys', residentRows.flatMap((r, i) => r.search_key.split(' ').map((key) => ({ entity: 'resident' as const, entity_id: residentIds[i]!, key }))), false);
  await insertAll(tenant, 'resident_events', people.residents.flatMap((r, i) => r.events.map((e) => ({
    resident_id: residentIds[i]!, kind: e.kind, on_date: e.on_date, details_json: null, reason: e.reason, actor_user_id: null, created_at: now,
  }))), false);

  const orgRows = property.organizations.map((o) => ({
    tax_id: o.tax_id, name: o.name, legal_form: o.legal_form, is_entrepreneur: o.is_entrepreneur, address_id: addressIds[o.address]!, settlement_id: o.settlementId,
    activity: o.activity, phone: o.phone, email: o.email, status: 'active' as const, search_key: organizationKeys(o.name).join(' '), created_at: now, updated_at: now,
  }));
  const orgIds = await insertAll(tenant, 'organizations', orgRows);
  await insertAll(tenant, 'search_keys', orgRows.flatMap((o, i) => organizationKeys(o.name).map((key) => ({ entity: 'organization' as const, entity_id: orgIds[i]!, key }))), false);

  const parcelIds = await insertAll(tenant, 'parcels', property.parcels.map((p) => ({
    cadastral_code: p.cadastral_code, settlement_id: p.settlementId, address_id: p.address === null ? null : addressIds[p.address]!, area_m2: p.area_m2, purpose: p.purpose,
    inside_settlement: p.inside_settlement, cadastral_value: p.cadastral_value, net_income: p.net_income, lat: p.lat, lon: p.lon, created_at: now, updated_at: now,
  })));
  const structureIds = await insertAll(tenant, 'structures', property.structures.map((s) => ({
    kind: s.kind, cadastral_code: s.cadastral_code, parcel_id: parcelIds[s.parcel]!, address_id: addressIds[s.address]!, unit_id: unit(s.unit), area_m2: s.area_m2,
    purpose: s.purpose, cadastral_value: s.cadastral_value, market_value: s.market_value, lat: s.lat, lon: s.lon, created_at: now, updated_at: now,
  })));
  const ownerColumns = (o: PlanOwner) => ({
    owner_type: o.type,
    owner_resident_id: o.type === 'resident' ? residentIds[o.ref]! : null,
    owner_organization_id: o.type === 'organization' ? orgIds[o.ref]! : null,
    owner_name: o.type === 'other' ? o.name : null,
  });
  await insertAll(tenant, 'ownerships', property.ownerships.map((o) => ({
    object_type: o.object, object_id: o.object === 'parcel' ? parcelIds[o.ref]! : structureIds[o.ref]!, ...ownerColumns(o.owner),
    share_num: o.num, share_den: o.den, valid_from: o.valid_from, valid_to: null, created_at: now,
  })), false);

  const assetIds = await insertAll(tenant, 'assets', property.assets.map((a) => ({
    name: a.name, kind: a.kind, parcel_id: a.parcel === null ? null : parcelIds[a.parcel]!, structure_id: null, address_id: a.address === null ? null : addressIds[a.address]!,
    book_value: a.book_value, acquired_on: a.acquired_on, notes: null, created_at: now, updated_at: now,
  })));
  await insertAll(tenant, 'leases', property.leases.map((l) => ({
    asset_id: assetIds[l.asset]!, tenant_resident_id: l.tenant.type === 'resident' ? residentIds[l.tenant.ref]! : null,
    tenant_organization_id: l.tenant.type === 'organization' ? orgIds[l.tenant.ref]! : null, tenant_name: l.tenant_name,
    starts_on: l.starts_on, ends_on: l.ends_on, rent: l.rent, rent_period: l.rent_period, status: l.status, created_at: now, updated_at: now,
  })), false);

  // One past import, as if the population had been loaded from the old register's file.
  await insertAll(tenant, 'import_runs', [{
    register: 'residents', file_name: 'residents-2025.csv', sha256: createHash('sha256').update(`demo-${demo.seed}`).digest('hex'),
    imported: residentIds.length, unchanged: 0, rejected: 0, report_path: null, actor_user_id: null, created_at: now,
  }], false);

  const counts: Record<string, Record<string, number>> = {
    addresses: { streets: streetIds.length, addresses: addressIds.length, units: unitIds.length },
    population: { residents: residentIds.length, households: householdIds.length },
    property: { parcels: parcelIds.length, structures: structureIds.length, ownerships: property.ownerships.length },
    organizations: { organizations: orgIds.length },
    assets: { assets: assetIds.length, leases: property.leases.length },
  };
  for (const [register, after] of Object.entries(counts)) {
    await appendAudit(tx, actor, { communityId, action: 'registry.demo_seed', entityType: 'register', entityId: register, after });
  }
}

/** Seeds the registers of every demo community present in `communities` (slug → id). */
export async function seedRegistryDemo(db: Executor, actor: AuditActor, communities: Map<string, number>): Promise<void> {
  const used = { psn: new Set<string>(), tax: new Set<string>() };
  for (const [slug, demo] of Object.entries(REGISTRY_DEMO)) {
    const communityId = communities.get(slug);
    if (communityId === undefined) continue;
    await unscoped(db, 'the demo seed opens one transaction per community').transaction().execute((tx) => seedCommunity(tx, actor, communityId, demo, used));
  }
}
