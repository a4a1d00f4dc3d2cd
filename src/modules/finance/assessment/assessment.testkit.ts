// Shared by the assessment tests: a small register of known objects and owners added to a
// demo community, and the counts a user would check in the ledger.
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Services } from '../../../platform/module/contract.ts';
import { insertResident, tenantOf } from '../../registry/property/property.testkit.ts';

export { tenantOf };

type Owner = { type: 'resident' | 'organization' | 'community' | 'other'; id?: number; name?: string; share: [number, number]; tenure?: 'shared' | 'joint' };

const now = () => new Date().toISOString();

export async function addStructure(tdb: TenantDb, code: string, kind: 'building' | 'apartment', purpose: string, value: number | null, owners: Owner[]): Promise<number> {
  const row = await tdb.insertInto('structures', {
    kind, cadastral_code: code, parcel_id: null, address_id: null, unit_id: null, area_m2: 80, purpose, cadastral_value: value, market_value: null,
    lat: null, lon: null, created_at: now(), updated_at: now(),
  }).returning('id').executeTakeFirstOrThrow();
  await setOwners(tdb, 'structure', row.id, owners, '2000-01-01');
  return row.id;
}

export async function addParcel(tdb: TenantDb, code: string, purpose: 'agricultural' | 'residential', value: number | null, netIncome: number | null, owners: Owner[]): Promise<number> {
  const row = await tdb.insertInto('parcels', {
    cadastral_code: code, settlement_id: null, address_id: null, area_m2: 1000, purpose, inside_settlement: 1, cadastral_value: value, net_income: netIncome,
    lat: null, lon: null, created_at: now(), updated_at: now(),
  }).returning('id').executeTakeFirstOrThrow();
  await setOwners(tdb, 'parcel', row.id, owners, '2000-01-01');
  return row.id;
}

/** Replaces the owner set from `from` on, as the owners form does (the old set ends the day before). */
export async function setOwners(tdb: TenantDb, type: 'parcel' | 'structure', id: number, owners: Owner[], from: string): Promise<void> {
  const before = new Date(`${from}T00:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  await tdb.updateTable('ownerships').set({ valid_to: before.toISOString().slice(0, 10) }).where('object_type', '=', type).where('object_id', '=', id).where('valid_to', 'is', null).execute();
  for (const o of owners) {
    await tdb.insertInto('ownerships', {
      object_type: type, object_id: id, owner_type: o.type, owner_resident_id: o.type === 'resident' ? o.id! : null, owner_organization_id: o.type === 'organization' ? o.id! : null,
      owner_name: o.name ?? null, share_num: o.share[0], share_den: o.share[1], tenure: o.tenure ?? 'shared', valid_from: from, valid_to: null, created_at: now(),
    }).execute();
  }
}

export async function threeResidents(tdb: TenantDb): Promise<[number, number, number]> {
  return [await insertResident(tdb, '9000000001', 'Ավետիսյան', 'Անի'), await insertResident(tdb, '9000000002', 'Բաղդասարյան', 'Բագրատ'), await insertResident(tdb, '9000000003', 'Գասպարյան', 'Գոհար')];
}

export async function ledgerCounts(services: Services, communityId: number) {
  const db = services.db.kysely;
  const n = async (table: 'fin_obligations' | 'fin_entries' | 'fin_assessment_lines') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).executeTakeFirstOrThrow()).n);
  return { obligations: await n('fin_obligations'), entries: await n('fin_entries'), lines: await n('fin_assessment_lines') };
}

/** The principal an obligation carries: the sum of its entries. */
export async function principalOf(tdb: TenantDb, obligationId: number): Promise<number> {
  const rows = await tdb.selectFrom('fin_entries').select('amount').where('obligation_id', '=', obligationId).where('component', '=', 'principal').execute();
  return rows.reduce((a, r) => a + Number(r.amount), 0);
}

export const linesOf = (tdb: TenantDb, objectType: 'parcel' | 'structure', objectId: number) =>
  tdb.selectFrom('fin_assessment_lines').selectAll().where('object_type', '=', objectType).where('object_id', '=', objectId).where('status', '=', 'current').orderBy('id').execute();
