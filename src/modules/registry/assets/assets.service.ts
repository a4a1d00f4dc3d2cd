// Use-cases of community assets and leases. Two active leases of one asset may not
// overlap in time; every change is audited in its transaction.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import { LEASE_TRANSITIONS, type AssetInput, type LeaseInput, type LeaseStatus } from './assets.schemas.ts';
import { findAsset } from './assets.queries.ts';

async function idByCode(tenant: TenantDb, table: 'parcels' | 'structures', code: string | null, field: string): Promise<number | null> {
  if (code === null) return null;
  const row = await tenant.selectFrom(table).select('id').where('cadastral_code', '=', code).executeTakeFirst();
  if (!row) throw badRequest({ [field]: table === 'parcels' ? 'registry.property.error.parcelUnknown' : 'registry.asset.error.structureUnknown' });
  return row.id;
}

/** Creates (id null) or updates an asset; returns its id. */
export async function saveAsset(tenant: TenantDb, actor: AuditActor, id: number | null, input: AssetInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const before = id === null ? null : await findAsset(scoped, id);
    if (id !== null && !before) throw notFound();
    const parcelId = await idByCode(scoped, 'parcels', input.parcel_code, 'parcel_code');
    const structureId = await idByCode(scoped, 'structures', input.structure_code, 'structure_code');
    if (input.address_id !== null && !(await scoped.selectFrom('addresses').select('id').where('id', '=', input.address_id).executeTakeFirst())) {
      throw badRequest({ address_id: 'field.invalid' });
    }
    const values = {
      name: input.name, kind: input.kind, parcel_id: parcelId, structure_id: structureId, address_id: input.address_id,
      book_value: input.book_value, acquired_on: input.acquired_on, notes: input.notes,
    };
    const now = new Date().toISOString();
    let assetId = id;
    if (assetId === null) {
      assetId = (await scoped.insertInto('assets', { ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      await scoped.updateTable('assets').set({ ...values, updated_at: now }).where('id', '=', assetId).execute();
    }
    await appendAudit(tx, actor, {
      communityId: scoped.communityId,
      action: id === null ? 'asset.create' : 'asset.update',
      entityType: 'asset',
      entityId: assetId,
      before: before ? Object.fromEntries(Object.keys(values).map((k) => [k, (before as unknown as Record<string, unknown>)[k] ?? null])) : null,
      after: values,
    });
    return assetId;
  });
}

async function overlapsActive(tenant: TenantDb, assetId: number, starts: string, ends: string, exceptId: number | null): Promise<boolean> {
  let q = tenant
    .selectFrom('leases')
    .select('id')
    .where('asset_id', '=', assetId)
    .where('status', '=', 'active')
    .where('starts_on', '<=', ends)
    .where('ends_on', '>=', starts);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return Boolean(await q.executeTakeFirst());
}

async function resolveTenant(tenant: TenantDb, input: LeaseInput) {
  if (input.tenant_type === 'resident') {
    const r = await tenant.selectFrom('residents').select(['id', 'last_name', 'first_name']).where('public_service_number', '=', input.tenant_ref).executeTakeFirst();
    if (!r) throw badRequest({ tenant_ref: 'registry.property.error.residentUnknown' });
    return { tenant_resident_id: r.id, tenant_organization_id: null, tenant_name: `${r.last_name} ${r.first_name}` };
  }
  if (input.tenant_type === 'organization') {
    const o = await tenant.selectFrom('organizations').select(['id', 'name']).where('tax_id', '=', input.tenant_ref).executeTakeFirst();
    if (!o) throw badRequest({ tenant_ref: 'registry.property.error.organizationUnknown' });
    return { tenant_resident_id: null, tenant_organization_id: o.id, tenant_name: o.name };
  }
  return { tenant_resident_id: null, tenant_organization_id: null, tenant_name: input.tenant_ref };
}

export async function createLease(tenant: TenantDb, actor: AuditActor, assetId: number, input: LeaseInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    if (!(await findAsset(scoped, assetId))) throw notFound();
    const who = await resolveTenant(scoped, input);
    if (input.status === 'active' && (await overlapsActive(scoped, assetId, input.starts_on, input.ends_on, null))) {
      throw badRequest({ starts_on: 'registry.asset.error.overlap' });
    }
    const now = new Date().toISOString();
    const values = { asset_id: assetId, ...who, starts_on: input.starts_on, ends_on: input.ends_on, rent: input.rent, rent_period: input.rent_period, status: input.status };
    const leaseId = (await scoped.insertInto('leases', { ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    await appendAudit(tx, actor, { communityId: scoped.communityId, action: 'lease.create', entityType: 'lease', entityId: leaseId, after: values });
    return leaseId;
  });
}

export async function changeLeaseStatus(tenant: TenantDb, actor: AuditActor, assetId: number, leaseId: number, status: LeaseStatus): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const lease = await scoped.selectFrom('leases').selectAll().where('id', '=', leaseId).where('asset_id', '=', assetId).executeTakeFirst();
    if (!lease) throw notFound();
    if (!LEASE_TRANSITIONS[lease.status].includes(status)) throw badRequest({ status: 'registry.asset.error.transition' });
    if (status === 'active' && (await overlapsActive(scoped, assetId, lease.starts_on, lease.ends_on, leaseId))) {
      throw badRequest({ status: 'registry.asset.error.overlap' });
    }
    await scoped.updateTable('leases').set({ status, updated_at: new Date().toISOString() }).where('id', '=', leaseId).execute();
    await appendAudit(tx, actor, { communityId: scoped.communityId, action: 'lease.status', entityType: 'lease', entityId: leaseId, before: { status: lease.status }, after: { status } });
  });
}
