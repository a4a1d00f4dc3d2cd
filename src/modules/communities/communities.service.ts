// Use-cases for communities: adding one (national administrator, UI or CLI) and
// reading what the public page shows. Every change is audited in its transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { TenantDb, unscoped } from '../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/http/errors.ts';
import { communityInput, communitySettingsInput, type CommunityInput, type CommunitySettingsInput } from './communities.schemas.ts';
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

const SETTINGS_FIELDS = [
  'phone', 'email', 'address_hy', 'address_en', 'address_ru',
  'reception_hours_hy', 'reception_hours_en', 'reception_hours_ru', 'color_primary', 'color_accent',
] as const;

/**
 * The community's own staff edit its contacts, reception hours and colours. The audit
 * event keeps only what changed, before and after. A coat of arms that is still the
 * generated default is redrawn in the new colours.
 */
export async function updateCommunitySettings(db: Kysely<Database>, actor: AuditActor, communityId: number, raw: CommunitySettingsInput) {
  const input = communitySettingsInput.parse(raw);
  return db.transaction().execute(async (tx) => {
    const tenantRow = unscoped(tx, 'the tenant row itself, by its own id');
    const current = await tenantRow.selectFrom('communities').selectAll().where('id', '=', communityId).executeTakeFirstOrThrow();
    const next = { ...input, email: input.email ?? null };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const f of SETTINGS_FIELDS) {
      if (current[f] !== next[f]) {
        before[f] = current[f];
        after[f] = next[f];
      }
    }
    if (Object.keys(after).length === 0) return current;
    const isDefaultArms = current.coat_of_arms_svg === defaultCoatOfArms(current.name_hy, current.color_primary, current.color_accent);
    const updated = await tenantRow
      .updateTable('communities')
      .set({
        ...next,
        ...(isDefaultArms ? { coat_of_arms_svg: defaultCoatOfArms(current.name_hy, next.color_primary, next.color_accent) } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', communityId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, actor, { communityId, action: 'community.update', entityType: 'community', entityId: communityId, before, after });
    return updated;
  });
}
