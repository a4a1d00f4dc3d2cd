// Reading the catalogue: services with their current version, one version by id, the
// version history. Versions are immutable (a save inserts a new one), so a parsed version
// is cached in-process by id and reused while the stored text is the same: the row is
// still read (one primary-key lookup), which keeps the cache right even when one process
// talks to several databases (the tests do), but the JSON parse and validation are saved.
// What is *current* is always read from the database, so a save shows at once everywhere.
import type { Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { parseStoredSpec, type ServiceSpec } from './spec.ts';
import type { ServiceDefinitionsTable } from '../services.table.ts';

export type ServiceDefinitionRow = Selectable<ServiceDefinitionsTable>;
export type ServiceStatus = ServiceDefinitionRow['status'];

export interface ServiceVersion {
  id: number;
  serviceId: number;
  version: number;
  spec: ServiceSpec;
  createdAt: string;
  createdByUserId: number | null;
}

/** A service as the rest of the module sees it: the definition and its current version. */
export interface Service {
  id: number;
  code: string;
  templateCode: string | null;
  group: string;
  status: ServiceStatus;
  sortOrder: number;
  updatedAt: string;
  versionId: number;
  version: number;
  spec: ServiceSpec;
}

const MAX_CACHED_VERSIONS = 2000;
const versionCache = new Map<number, { communityId: number; text: string; value: ServiceVersion }>();

/** Nested freeze: a cached spec is shared by every request, so nobody may change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type VersionRow = { id: number; service_id: number; version: number; spec: string; created_at: string; created_by_user_id: number | null };

function parsedVersion(communityId: number, r: VersionRow): ServiceVersion {
  const hit = versionCache.get(r.id);
  if (hit && hit.communityId === communityId && hit.text === r.spec) {
    // Least recently used goes first when the cache is full.
    versionCache.delete(r.id);
    versionCache.set(r.id, hit);
    return hit.value;
  }
  const value = deepFreeze({
    id: r.id, serviceId: r.service_id, version: r.version, spec: parseStoredSpec(r.spec), createdAt: r.created_at, createdByUserId: r.created_by_user_id,
  });
  if (versionCache.size >= MAX_CACHED_VERSIONS) versionCache.delete(versionCache.keys().next().value!);
  versionCache.set(r.id, { communityId, text: r.spec, value });
  return value;
}

/** The versions with these ids in this community, by id. */
async function loadVersions(tenant: TenantDb, ids: number[]): Promise<Map<number, ServiceVersion>> {
  const out = new Map<number, ServiceVersion>();
  if (ids.length === 0) return out;
  const rows = await tenant.selectFrom('service_versions').select(['id', 'service_id', 'version', 'spec', 'created_at', 'created_by_user_id'])
    .where('id', 'in', [...new Set(ids)]).execute();
  for (const r of rows) out.set(r.id, parsedVersion(tenant.communityId, r));
  return out;
}

/** One version (a case's own, or any in the history); null when not in this community. */
export async function getServiceVersion(tenant: TenantDb, versionId: number): Promise<ServiceVersion | null> {
  return (await loadVersions(tenant, [versionId])).get(versionId) ?? null;
}

function toService(d: ServiceDefinitionRow, v: ServiceVersion): Service {
  return {
    id: d.id, code: d.code, templateCode: d.template_code, group: d.group_code, status: d.status, sortOrder: d.sort_order, updatedAt: d.updated_at,
    versionId: v.id, version: v.version, spec: v.spec,
  };
}

export async function findDefinition(tenant: TenantDb, serviceId: number): Promise<ServiceDefinitionRow | null> {
  return (await tenant.selectFrom('service_definitions').selectAll().where('id', '=', serviceId).executeTakeFirst()) ?? null;
}

/** A service with its current version; null when it is not in this community. */
export async function getService(tenant: TenantDb, serviceId: number): Promise<Service | null> {
  const d = await findDefinition(tenant, serviceId);
  if (!d || d.current_version_id === null) return null;
  const v = await getServiceVersion(tenant, d.current_version_id);
  return v ? toService(d, v) : null;
}

/** The catalogue in its order, optionally only one status. */
export async function listServices(tenant: TenantDb, opts: { status?: ServiceStatus } = {}): Promise<Service[]> {
  let q = tenant.selectFrom('service_definitions').selectAll().where('current_version_id', 'is not', null);
  if (opts.status) q = q.where('status', '=', opts.status);
  const defs = await q.orderBy('sort_order').orderBy('id').execute();
  const versions = await loadVersions(tenant, defs.map((d) => d.current_version_id!));
  return defs.flatMap((d) => {
    const v = versions.get(d.current_version_id!);
    return v ? [toService(d, v)] : [];
  });
}

export interface VersionListRow {
  id: number;
  version: number;
  created_at: string;
  author: string | null;
}

/** The history of a service, newest first, with who saved each version. */
export async function listVersions(tenant: TenantDb, serviceId: number): Promise<VersionListRow[]> {
  return tenant
    .selectFrom('service_versions')
    .leftJoin('users', 'users.id', 'service_versions.created_by_user_id')
    .select(['service_versions.id', 'service_versions.version', 'service_versions.created_at', 'users.full_name as author'])
    .where('service_versions.service_id', '=', serviceId)
    .orderBy('service_versions.version', 'desc')
    .execute();
}

/** Template codes a community has installed already. */
export async function installedTemplateCodes(tenant: TenantDb): Promise<Set<string>> {
  const rows = await tenant.selectFrom('service_definitions').select('template_code').where('template_code', 'is not', null).execute();
  return new Set(rows.map((r) => r.template_code!));
}

/**
 * Changes whenever the catalogue does (every change bumps updated_at; installs add rows),
 * so a cached public page keyed by it is never older than the last save in this process.
 */
export async function catalogueStamp(tenant: TenantDb): Promise<string> {
  const row = await tenant
    .selectFrom('service_definitions')
    .select((eb) => [eb.fn.max('updated_at').as('latest'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirstOrThrow();
  return `${String(row.latest ?? '')}:${Number(row.n)}`;
}
