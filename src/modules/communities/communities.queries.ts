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

export interface NationalCommunityRow {
  id: number;
  slug: string;
  name_hy: string;
  name_en: string;
  name_ru: string;
  marz_id: string;
  settlements: number;
  staff: number;
}

/** The national overview: each community with counts only (national users read aggregates, not rows). */
export async function nationalOverview(db: Executor): Promise<NationalCommunityRow[]> {
  const all = unscoped(db, 'the national console counts across every community; it reads aggregates only');
  const [communities, settlements, staff] = await Promise.all([
    all.selectFrom('communities').select(['id', 'slug', 'name_hy', 'name_en', 'name_ru', 'marz_id']).orderBy('name_en').execute(),
    all.selectFrom('settlements').select(['community_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('community_id').execute(),
    all
      .selectFrom('role_assignments')
      .select(['community_id', (eb) => eb.fn.count<number>('user_id').distinct().as('n')])
      .groupBy('community_id')
      .execute(),
  ]);
  const count = (rows: { community_id: number; n: number | string }[], id: number) => Number(rows.find((r) => r.community_id === id)?.n ?? 0);
  return communities.map((c) => ({ ...c, settlements: count(settlements, c.id), staff: count(staff, c.id) }));
}

export async function listCommunitySlugs(db: Executor) {
  return unscoped(db, 'the CLI lists every community').selectFrom('communities').select(['id', 'slug', 'name_hy', 'name_en', 'marz_id']).orderBy('slug').execute();
}
