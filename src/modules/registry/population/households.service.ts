// Households: created at a resident's address with them as head; members added by public
// service number with their relationship, removed, or made head. Each change is audited.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import type { Relationship } from '../registry.table.ts';
import { findByPsn, findResident, householdMembers, householdsBase, type Scope } from './residents.queries.ts';
import type { RegistryActor } from './residents.service.ts';

export async function findHousehold(tenant: TenantDb, scope: Scope, id: number) {
  const h = await householdsBase(tenant, scope)
    .select([
      'households.id', 'households.settlement_id', 'households.address_id', 'households.unit_id', 'households.created_at',
      'settlements.name_hy as settlement_hy', 'settlements.name_en as settlement_en', 'settlements.name_ru as settlement_ru',
      'addresses.number as address_number', 'streets.name_hy as street_hy', 'streets.name_en as street_en', 'streets.name_ru as street_ru',
      'address_units.number as unit_number',
    ])
    .where('households.id', '=', id)
    .executeTakeFirst();
  if (!h) return null;
  return { ...h, members: await householdMembers(tenant, id) };
}

export type Household = NonNullable<Awaited<ReturnType<typeof findHousehold>>>;

/** A new household at the resident's address, with the resident as its head. */
export async function createHousehold(tenant: TenantDb, actor: RegistryActor, residentId: number): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const r = await findResident(scoped, actor.scope, residentId);
    if (!r) throw badRequest({ resident_id: 'field.invalid' });
    if (r.household_id !== null) throw badRequest({ resident_id: 'registry.population.error.inHousehold' });
    if (r.address_id === null) throw badRequest({ resident_id: 'registry.population.error.noAddress' });
    const row = { settlement_id: r.settlement_id, address_id: r.address_id, unit_id: r.unit_id, created_at: new Date().toISOString() };
    const { id } = await scoped.insertInto('households', row).returning('id').executeTakeFirstOrThrow();
    await scoped.updateTable('residents').set({ household_id: id, relationship: 'head' }).where('id', '=', residentId).execute();
    await appendAudit(tx, actor.audit, { communityId: scoped.communityId, action: 'household.create', entityType: 'household', entityId: id, after: { ...row, head: residentId } });
    return id;
  });
}

export async function addMember(tenant: TenantDb, actor: RegistryActor, householdId: number, psn: string, relationship: Relationship): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const h = await findHousehold(scoped, actor.scope, householdId);
    if (!h) throw notFound();
    const r = await findByPsn(scoped, psn);
    if (!r || (actor.scope && !actor.scope.includes(r.settlement_id))) throw badRequest({ public_service_number: 'registry.population.error.noResident' });
    if (r.household_id !== null) throw badRequest({ public_service_number: 'registry.population.error.inHousehold' });
    if (relationship === 'head' && h.members.some((m) => m.relationship === 'head')) {
      await scoped.updateTable('residents').set({ relationship: 'other' }).where('household_id', '=', householdId).where('relationship', '=', 'head').execute();
    }
    await scoped.updateTable('residents').set({ household_id: householdId, relationship }).where('id', '=', r.id).execute();
    await appendAudit(tx, actor.audit, {
      communityId: scoped.communityId, action: 'household.add_member', entityType: 'household', entityId: householdId,
      after: { residentId: r.id, relationship },
    });
  });
}

async function memberOf(tenant: TenantDb, actor: RegistryActor, householdId: number, residentId: number) {
  const h = await findHousehold(tenant, actor.scope, householdId);
  const m = h?.members.find((x) => x.id === residentId);
  if (!h || !m) throw notFound();
  return { h, m };
}

export async function removeMember(tenant: TenantDb, actor: RegistryActor, householdId: number, residentId: number): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const { m } = await memberOf(scoped, actor, householdId, residentId);
    await scoped.updateTable('residents').set({ household_id: null, relationship: null }).where('id', '=', residentId).execute();
    await appendAudit(tx, actor.audit, {
      communityId: scoped.communityId, action: 'household.remove_member', entityType: 'household', entityId: householdId,
      before: { residentId, relationship: m.relationship },
    });
  });
}

export async function setHead(tenant: TenantDb, actor: RegistryActor, householdId: number, residentId: number): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const { h, m } = await memberOf(scoped, actor, householdId, residentId);
    const previous = h.members.find((x) => x.relationship === 'head');
    if (previous) await scoped.updateTable('residents').set({ relationship: 'other' }).where('id', '=', previous.id).execute();
    await scoped.updateTable('residents').set({ relationship: 'head' }).where('id', '=', residentId).execute();
    await appendAudit(tx, actor.audit, {
      communityId: scoped.communityId, action: 'household.set_head', entityType: 'household', entityId: householdId,
      before: { head: previous?.id ?? null, relationship: m.relationship }, after: { head: residentId },
    });
  });
}
