// Data access for communities. Communities themselves are the tenant, so listing them
// is a national read (unscoped, with a reason); settlements are read per community.
import type { Executor } from '../../platform/db/tenant.ts';
import { unscoped, TenantDb } from '../../platform/db/tenant.ts';

export async function listCommunitiesWithSettlements(db: Executor) {
  const all = unscoped(db, 'the public list of communities spans every tenant by design');
  const communities = await all.selectFrom('communities').selectAll().orderBy('name_en').execute();
  const settlements = await all.selectFrom('settlements').selectAll().orderBy('is_centre', 'desc').orderBy('name_hy').execute();
  return communities.map((c) => ({ ...c, settlements: settlements.filter((s) => s.community_id === c.id) }));
}

export async function findCommunityBySlug(db: Executor, slug: string) {
  return (await unscoped(db, 'resolving the tenant itself').selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function listSettlements(tenant: TenantDb) {
  return tenant.selectFrom('settlements').selectAll().orderBy('is_centre', 'desc').orderBy('name_hy').execute();
}

/** People who hold a role in the community, for the public page (head) and staff lists. */
export async function usersWithRole(db: Executor, communityId: number, role: string) {
  return unscoped(db, 'users are global; the join is restricted to this community')
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.full_name'])
    .where('role_assignments.community_id', '=', communityId)
    .where('role_assignments.role', '=', role)
    .execute();
}
