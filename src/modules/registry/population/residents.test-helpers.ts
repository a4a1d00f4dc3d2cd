// Shared by the population register's tests: residents made through the service functions.
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Services } from '../../../platform/module/contract.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { residentCreateForm } from './population.schemas.ts';
import { createResident } from './residents.service.ts';
import { createCommunity } from '../../communities/index.ts';
import { DEMO_COMMUNITIES } from '../../../demo/demo-data.ts';
import type { CommunityRole } from '../../../platform/policy/roles.ts';

export async function tenantOf(services: Services, slug: string): Promise<TenantDb> {
  const c = await services.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return new TenantDb(services.db.kysely, c.id);
}

export async function settlementId(tenant: TenantDb, nameEn: string): Promise<number> {
  return (await tenant.selectFrom('settlements').select('id').where('name_en', '=', nameEn).executeTakeFirstOrThrow()).id;
}

export async function makeResident(tenant: TenantDb, fields: Record<string, string>): Promise<number> {
  const input = residentCreateForm.parse({ birth_date: '1980-05-01', sex: 'M', ...fields });
  return createResident(tenant, { audit: SYSTEM_ACTOR, userId: null, scope: null }, input);
}

/** A community of its own (no demo residents), so searches see only the test's people. */
export async function freshCommunity(services: Services, slug: string): Promise<TenantDb> {
  const jermuk = DEMO_COMMUNITIES.find((c) => c.slug === 'jermuk')!;
  await createCommunity(services.db.kysely, SYSTEM_ACTOR, {
    ...jermuk, slug, domains: [], name_hy: `Փորձ ${slug}`, name_en: `Test ${slug}`, name_ru: `Тест ${slug}`, email: '', phone: '',
    settlements: [
      { name_hy: 'Սիսիան', name_en: 'Sisian', name_ru: 'Сисиан', kind: 'town', postcode: '3301' },
      { name_hy: 'Տոլորս', name_en: 'Tolors', name_ru: 'Толорс', kind: 'village', postcode: '3318' },
    ],
  });
  return tenantOf(services, slug);
}

export async function grantRole(services: Services, email: string, tenant: TenantDb, role: CommunityRole): Promise<void> {
  const db = services.db.kysely;
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  await db.insertInto('role_assignments').values({ community_id: tenant.communityId, user_id: user.id, role, settlement_id: null, created_at: new Date().toISOString() }).execute();
}
