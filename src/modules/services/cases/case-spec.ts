// The spec a case runs on: its own service version, never the current one, so editing
// the catalogue never changes a case in progress.
//
// Versions never change once written, so the engine keeps parsed specs per process and
// database (keyed by the Services object: test processes open many databases whose ids
// repeat) and reads a version row only the first time. The catalogue's loader, which
// re-reads the row on every call, serves the other callers.
import type { Services } from '../../../platform/module/contract.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { getServiceVersion } from '../catalogue/catalogue.ts';
import type { ServiceSpec } from '../catalogue/spec.ts';

interface CachedVersion {
  communityId: number;
  serviceId: number;
  spec: ServiceSpec;
}

const MAX_CACHED = 2000;
const caches = new WeakMap<Services, Map<number, CachedVersion>>();

export async function specOfVersion(tenant: TenantDb, versionId: number, services?: Services): Promise<{ serviceId: number; spec: ServiceSpec }> {
  const cache = services ? caches.get(services) ?? caches.set(services, new Map()).get(services)! : null;
  const hit = cache?.get(versionId);
  if (hit && hit.communityId === tenant.communityId) return hit;
  const v = await getServiceVersion(tenant, versionId);
  if (!v) throw notFound();
  const entry = { communityId: tenant.communityId, serviceId: v.serviceId, spec: v.spec };
  if (cache) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(versionId, entry);
  }
  return entry;
}

/** The version new cases of a service start with, if the service takes cases. */
export async function currentVersionOf(tenant: TenantDb, serviceId: number, services?: Services) {
  const def = await tenant.selectFrom('service_definitions').select(['id', 'status', 'current_version_id']).where('id', '=', serviceId).executeTakeFirst();
  if (!def || def.current_version_id === null || def.status !== 'published') throw notFound();
  const { spec } = await specOfVersion(tenant, def.current_version_id, services);
  return { serviceId: def.id, versionId: def.current_version_id, spec };
}
