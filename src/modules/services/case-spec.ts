// The spec a case runs on: its own service version, never the current one, so editing
// the catalogue never changes a case in progress (parsed versions are cached by the catalogue).
import type { TenantDb } from '../../platform/db/tenant.ts';
import { notFound } from '../../platform/http/errors.ts';
import { getService, getServiceVersion } from './catalogue.ts';
import type { ServiceSpec } from './spec.ts';

export async function specOfVersion(tenant: TenantDb, versionId: number): Promise<{ serviceId: number; spec: ServiceSpec }> {
  const v = await getServiceVersion(tenant, versionId);
  if (!v) throw notFound();
  return { serviceId: v.serviceId, spec: v.spec };
}

/** The version new cases of a service start with, if the service takes cases. */
export async function currentVersionOf(tenant: TenantDb, serviceId: number, opts: { allowUnpublished?: boolean } = {}) {
  const s = await getService(tenant, serviceId);
  if (!s || (s.status !== 'published' && !opts.allowUnpublished)) throw notFound();
  return { service: s, versionId: s.versionId, spec: s.spec };
}
