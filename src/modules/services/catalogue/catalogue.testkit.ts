// Test support for the catalogue: a community's tenant handle, every template installed,
// a service's id by code, and signed-in requests.
import type { TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { installTemplates } from './catalogue.service.ts';

export async function tenantOf(env: TestEnv, slug: string): Promise<TenantDb> {
  const c = await env.services.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return new TenantDb(env.services.db.kysely, c.id);
}

/** Installs every template into the community (whether or not the demo did already). */
export async function installAll(env: TestEnv, slug: string): Promise<TenantDb> {
  const tenant = await tenantOf(env, slug);
  await env.services.db.kysely.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, tenant.communityId));
  return tenant;
}

export async function serviceByCode(tenant: TenantDb, code: string): Promise<number> {
  return (await tenant.selectFrom('service_definitions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A form post as `email` (with the session's CSRF token); repeated fields as arrays. */
export async function postForm(env: TestEnv, email: string, url: string, fields: Record<string, string | string[]>) {
  const s = await signInAs(env.services, email);
  const body = new URLSearchParams({ _csrf: s.csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return env.app.inject({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie } });
}

export async function getAs(env: TestEnv, email: string | null, url: string) {
  const headers: Record<string, string> = {};
  if (email) headers.cookie = (await signInAs(env.services, email)).cookie;
  return env.app.inject({ method: 'GET', url, headers });
}
