// Use-cases of the property register. Each change runs in one transaction with its audit
// event. Owner sets are replaced as a whole: the current rows are closed (valid_to = the
// day before the new set starts), never deleted, so the ownership history stays.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import { sharesSumToOne } from '../identifiers.ts';
import type { OwnerSetInput, ParcelInput, StructureInput } from './property.schemas.ts';
import { findParcel, findStructure, type SettlementScope } from './property.queries.ts';

async function checkSettlement(tenant: TenantDb, scope: SettlementScope, id: number | null, field: string): Promise<void> {
  if (id === null) return;
  const row = await tenant.selectFrom('settlements').select('id').where('id', '=', id).executeTakeFirst();
  if (!row || (scope && !scope.includes(id))) throw badRequest({ [field]: 'field.invalid' });
}

async function checkAddress(tenant: TenantDb, scope: SettlementScope, id: number | null): Promise<number | null> {
  if (id === null) return null;
  const row = await tenant.selectFrom('addresses').select(['id', 'settlement_id']).where('id', '=', id).executeTakeFirst();
  if (!row || (scope && !scope.includes(row.settlement_id))) throw badRequest({ address_id: 'field.invalid' });
  return row.settlement_id;
}

async function codeTaken(tenant: TenantDb, table: 'parcels' | 'structures', code: string, exceptId: number | null): Promise<boolean> {
  let q = tenant.selectFrom(table).select('id').where('cadastral_code', '=', code);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return Boolean(await q.executeTakeFirst());
}

/** Creates (id null) or updates a parcel; returns its id. */
export async function saveParcel(tenant: TenantDb, actor: AuditActor, scope: SettlementScope, id: number | null, input: ParcelInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const before = id === null ? null : await findParcel(scoped, scope, id);
    if (id !== null && !before) throw notFound();
    await checkSettlement(scoped, scope, input.settlement_id, 'settlement_id');
    await checkAddress(scoped, scope, input.address_id);
    if (await codeTaken(scoped, 'parcels', input.cadastral_code, id)) throw badRequest({ cadastral_code: 'registry.property.error.duplicate' });
    const now = new Date().toISOString();
    const values = { ...input };
    let parcelId = id;
    if (parcelId === null) {
      const row = await scoped.insertInto('parcels', { ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      parcelId = row.id;
    } else {
      await scoped.updateTable('parcels').set({ ...values, updated_at: now }).where('id', '=', parcelId).execute();
    }
    await appendAudit(tx, actor, {
      communityId: scoped.communityId,
      action: id === null ? 'parcel.create' : 'parcel.update',
      entityType: 'parcel',
      entityId: parcelId,
      before: before ? pick(before, Object.keys(values)) : null,
      after: values,
    });
    return parcelId;
  });
}

/** Creates (id null) or updates a building or apartment; returns its id. */
export async function saveStructure(tenant: TenantDb, actor: AuditActor, scope: SettlementScope, id: number | null, input: StructureInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const before = id === null ? null : await findStructure(scoped, scope, id);
    if (id !== null && !before) throw notFound();
    await checkAddress(scoped, scope, input.address_id);
    let parcelId: number | null = null;
    if (input.parcel_code !== null) {
      const parcel = await scoped.selectFrom('parcels').select('id').where('cadastral_code', '=', input.parcel_code).executeTakeFirst();
      if (!parcel) throw badRequest({ parcel_code: 'registry.property.error.parcelUnknown' });
      parcelId = parcel.id;
    }
    let unitId: number | null = null;
    if (input.unit !== null && input.address_id !== null) {
      const unit = await scoped.selectFrom('address_units').select('id').where('address_id', '=', input.address_id).where('number', '=', input.unit).executeTakeFirst();
      if (!unit) throw badRequest({ unit: 'registry.property.error.unitUnknown' });
      unitId = unit.id;
    }
    if (await codeTaken(scoped, 'structures', input.cadastral_code, id)) throw badRequest({ cadastral_code: 'registry.property.error.duplicate' });
    const now = new Date().toISOString();
    const values = {
      kind: input.kind, cadastral_code: input.cadastral_code, parcel_id: parcelId, address_id: input.address_id, unit_id: unitId,
      area_m2: input.area_m2, purpose: input.purpose, cadastral_value: input.cadastral_value, market_value: input.market_value, lat: input.lat, lon: input.lon,
    };
    let structureId = id;
    if (structureId === null) {
      const row = await scoped.insertInto('structures', { ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      structureId = row.id;
    } else {
      await scoped.updateTable('structures').set({ ...values, updated_at: now }).where('id', '=', structureId).execute();
    }
    await appendAudit(tx, actor, {
      communityId: scoped.communityId,
      action: id === null ? 'structure.create' : 'structure.update',
      entityType: 'structure',
      entityId: structureId,
      before: before ? pick(before, Object.keys(values)) : null,
      after: values,
    });
    return structureId;
  });
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k] ?? null]));
}

/** The day before a YYYY-MM-DD day. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

interface ResolvedOwner {
  owner_type: OwnerSetInput['owners'][number]['owner_type'];
  owner_resident_id: number | null;
  owner_organization_id: number | null;
  owner_name: string | null;
  share_num: number;
  share_den: number;
  tenure: 'shared' | 'joint';
}

async function resolveOwners(tenant: TenantDb, input: OwnerSetInput): Promise<ResolvedOwner[]> {
  const out: ResolvedOwner[] = [];
  const errors: Record<string, 'registry.property.error.residentUnknown' | 'registry.property.error.organizationUnknown' | 'registry.error.psn' | 'registry.error.taxId'> = {};
  for (const [i, o] of input.owners.entries()) {
    const base = { owner_type: o.owner_type, owner_resident_id: null, owner_organization_id: null, owner_name: null, share_num: o.num, share_den: o.den, tenure: o.tenure ?? 'shared' };
    if (o.owner_type === 'resident') {
      if (!/^\d{10}$/.test(o.ref)) errors[`owner_ref_${i}`] = 'registry.error.psn';
      const r = await tenant.selectFrom('residents').select('id').where('public_service_number', '=', o.ref).executeTakeFirst();
      if (!r) errors[`owner_ref_${i}`] ??= 'registry.property.error.residentUnknown';
      else out.push({ ...base, owner_resident_id: r.id });
    } else if (o.owner_type === 'organization') {
      if (!/^\d{8}$/.test(o.ref)) errors[`owner_ref_${i}`] = 'registry.error.taxId';
      const r = await tenant.selectFrom('organizations').select('id').where('tax_id', '=', o.ref).executeTakeFirst();
      if (!r) errors[`owner_ref_${i}`] ??= 'registry.property.error.organizationUnknown';
      else out.push({ ...base, owner_organization_id: r.id });
    } else {
      out.push({ ...base, owner_name: o.owner_type === 'other' ? o.ref : null });
    }
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  return out;
}

/**
 * Replaces the current owner set of a parcel or structure. The shares must add up to
 * exactly one; the old set ends the day before the new one starts.
 */
export async function replaceOwners(
  tenant: TenantDb, actor: AuditActor, scope: SettlementScope, objectType: 'parcel' | 'structure', objectId: number, input: OwnerSetInput,
): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const object = objectType === 'parcel' ? await findParcel(scoped, scope, objectId) : await findStructure(scoped, scope, objectId);
    if (!object) throw notFound();
    if (!sharesSumToOne(input.owners)) throw badRequest({ share_0: 'registry.error.sharesSum' });
    const owners = await resolveOwners(scoped, input);
    const current = await scoped
      .selectFrom('ownerships')
      .selectAll()
      .where('object_type', '=', objectType)
      .where('object_id', '=', objectId)
      .where('valid_to', 'is', null)
      .orderBy('id')
      .execute();
    if (current.some((c) => c.valid_from >= input.valid_from)) throw badRequest({ valid_from: 'registry.property.error.validFromBefore' });
    const ids = current.map((c) => c.id);
    if (ids.length) await scoped.updateTable('ownerships').set({ valid_to: dayBefore(input.valid_from) }).where('id', 'in', ids).execute();
    const now = new Date().toISOString();
    await scoped.insertInto('ownerships', owners.map((o) => ({ ...o, object_type: objectType, object_id: objectId, valid_from: input.valid_from, valid_to: null, created_at: now }))).execute();
    const describe = (o: ResolvedOwner) => ({
      type: o.owner_type, residentId: o.owner_resident_id, organizationId: o.owner_organization_id, name: o.owner_name, share: `${o.share_num}/${o.share_den}`, tenure: o.tenure,
    });
    await appendAudit(tx, actor, {
      communityId: scoped.communityId,
      action: 'ownership.replace',
      entityType: objectType,
      entityId: objectId,
      before: { owners: current.map((c) => ({ ...describe(c), validFrom: c.valid_from })) },
      after: { owners: owners.map(describe), validFrom: input.valid_from },
    });
  });
}
