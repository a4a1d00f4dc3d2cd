// Use-cases for communities: adding one (national administrator, UI or CLI) and
// reading what the public page shows. Every change is audited in its transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { TenantDb, unscoped } from '../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/http/errors.ts';
import { communityInput, type CommunityInput } from './communities.schemas.ts';
import { defaultCoatOfArms } from './coat-of-arms.ts';

export async function createCommunity(db: Kysely<Database>, actor: AuditActor, raw: CommunityInput) {
  const input = communityInput.parse(raw);
  return db.transaction().execute(async (tx) => {
    const global = unscoped(tx, 'a new tenant is created here');
    const taken = await global.selectFrom('communities').select('id').where('slug', '=', input.slug).executeTakeFirst();
    if (taken) throw conflict({ slug: 'communities.error.slugTaken' });
    if (input.domains.length) {
      const hostTaken = await global.selectFrom('community_domains').select('host').where('host', 'in', input.domains).executeTakeFirst();
      if (hostTaken) throw conflict({ domains: 'communities.error.domainTaken' });
    }
    const now = new Date().toISOString();
    const { settlements, domains, ...fields } = input;
    const community = await global
      .insertInto('communities')
      .values({
        ...fields,
        email: fields.email ?? null,
        coat_of_arms_svg: fields.coat_of_arms_svg ?? defaultCoatOfArms(fields.name_hy, fields.color_primary, fields.color_accent),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const tenant = new TenantDb(tx, community.id);
    await tenant
      .insertInto(
        'settlements',
        settlements.map((s, i) => ({ ...s, postcode: s.postcode ?? null, is_centre: i === 0 ? 1 : 0, created_at: now })),
      )
      .execute();
    if (domains.length) {
      await tenant.insertInto('community_domains', domains.map((host) => ({ host, created_at: now }))).execute();
    }
    await appendAudit(tx, actor, {
      communityId: community.id,
      action: 'community.create',
      entityType: 'community',
      entityId: community.id,
      after: { ...input, coat_of_arms_svg: undefined },
    });
    return community;
  });
}
