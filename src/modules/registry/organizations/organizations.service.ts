// Use-cases of the organizations register: create and edit, with the search index kept
// in step in the same transaction and an audit event with before/after.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import { organizationKeys, replaceSearchKeys } from '../search-keys.ts';
import type { OrganizationInput } from './organizations.schemas.ts';
import { findOrganization } from './organizations.queries.ts';

/** Creates (id null) or updates an organization; returns its id. */
export async function saveOrganization(tenant: TenantDb, actor: AuditActor, id: number | null, input: OrganizationInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const before = id === null ? null : await findOrganization(scoped, id);
    if (id !== null && !before) throw notFound();
    let dup = scoped.selectFrom('organizations').select('id').where('tax_id', '=', input.tax_id);
    if (id !== null) dup = dup.where('id', '!=', id);
    if (await dup.executeTakeFirst()) throw badRequest({ tax_id: 'registry.org.error.duplicate' });
    if (input.settlement_id !== null && !(await scoped.selectFrom('settlements').select('id').where('id', '=', input.settlement_id).executeTakeFirst())) {
      throw badRequest({ settlement_id: 'field.invalid' });
    }
    if (input.address_id !== null && !(await scoped.selectFrom('addresses').select('id').where('id', '=', input.address_id).executeTakeFirst())) {
      throw badRequest({ address_id: 'field.invalid' });
    }
    const keys = organizationKeys(input.name);
    const now = new Date().toISOString();
    const values = { ...input, search_key: keys.join(' ') };
    let orgId = id;
    if (orgId === null) {
      orgId = (await scoped.insertInto('organizations', { ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      await scoped.updateTable('organizations').set({ ...values, updated_at: now }).where('id', '=', orgId).execute();
    }
    await replaceSearchKeys(scoped, 'organization', orgId, keys);
    const fields = Object.keys(input) as (keyof OrganizationInput)[];
    await appendAudit(tx, actor, {
      communityId: scoped.communityId,
      action: id === null ? 'organization.create' : 'organization.update',
      entityType: 'organization',
      entityId: orgId,
      before: before ? Object.fromEntries(fields.map((k) => [k, (before as unknown as Record<string, unknown>)[k] ?? null])) : null,
      after: input,
    });
    return orgId;
  });
}
