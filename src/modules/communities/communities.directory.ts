// The communities module's side of tenancy: the platform asks for communities by slug,
// by id and by host through CommunityDirectory and never reads these tables itself.
import type { Db } from '../../platform/db/connect.ts';
import { unscoped } from '../../platform/db/tenant.ts';
import type { CommunityDirectory, TenantCommunity } from '../../platform/http/tenancy.ts';

export function communityDirectory(db: Db): CommunityDirectory {
  const all = () => unscoped(db.kysely, 'resolving the tenant itself');
  return {
    async bySlug(slug: string): Promise<TenantCommunity | null> {
      return (await all().selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
    },
    async byId(id: number): Promise<TenantCommunity | null> {
      return (await all().selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async hosts() {
      return all()
        .selectFrom('community_domains')
        .innerJoin('communities', 'communities.id', 'community_domains.community_id')
        .select(['community_domains.host', 'communities.slug'])
        .execute();
    },
    forget() {},
  };
}
