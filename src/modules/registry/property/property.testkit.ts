// Shared by the property, organization, asset and map tests: tenants, rows and requests.
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Services } from '../../../platform/module/contract.ts';
import type { TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { residentKeys, replaceSearchKeys } from '../search-keys.ts';

export async function tenantOf(services: Services, slug: string): Promise<TenantDb> {
  const c = await services.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return new TenantDb(services.db.kysely, c.id);
}

export async function settlementOf(tenant: TenantDb, nameEn: string): Promise<number> {
  return (await tenant.selectFrom('settlements').select('id').where('name_en', '=', nameEn).executeTakeFirstOrThrow()).id;
}

/** A bare resident row (the population register's forms are tested elsewhere). */
export async function insertResident(tenant: TenantDb, psn: string, lastName = 'Պետրոսյան', firstName = 'Արամ'): Promise<number> {
  const now = new Date().toISOString();
  const settlementId = (await tenant.selectFrom('settlements').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const names = { last_name: lastName, first_name: firstName, patronymic: null, last_name_latin: 'Petrosyan', first_name_latin: 'Aram', patronymic_latin: null };
  const row = await tenant
    .insertInto('residents', {
      ...names, birth_date: '1980-01-01', sex: 'M', public_service_number: psn, id_document: null, phone: null, email: null,
      settlement_id: settlementId, address_id: null, unit_id: null, household_id: null, relationship: null, status: 'registered',
      search_key: residentKeys(names).join(' '), created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceSearchKeys(tenant, 'resident', row.id, residentKeys(names));
  return row.id;
}

export async function get(env: TestEnv, email: string | null, url: string) {
  const headers: Record<string, string> = {};
  if (email) headers.cookie = (await signInAs(env.services, email)).cookie;
  return env.app.inject({ method: 'GET', url, headers });
}

export async function post(env: TestEnv, email: string, url: string, fields: Record<string, string>) {
  const s = await signInAs(env.services, email);
  return env.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams({ ...fields, _csrf: s.csrf }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
  });
}

export async function auditCount(env: TestEnv, entityType: string, entityId: number): Promise<number> {
  const r = await env.services.db.kysely
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const PARCEL = {
  cadastral_code: '77-701-0123-0045', settlement_id: '', address_id: '', area_m2: '1250.5', purpose: 'agricultural',
  inside_settlement: '0', cadastral_value: '1 200 000', net_income: '85000', lat: '', lon: '',
};
