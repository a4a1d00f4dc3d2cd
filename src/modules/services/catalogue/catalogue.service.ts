// Changing the catalogue: installing the shipped templates, saving a new version of a
// service, publishing and archiving, creating a service from scratch or as a copy. Every
// change is one transaction with its audit event. A version is never updated: a save
// inserts version n+1 and points the service at it, so cases keep the version they began.
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import { serviceSpec, type Localized, type ServiceGroup, type ServiceSpec } from './spec.ts';
import { standardWorkflow } from './workflows.ts';
import { SERVICE_TEMPLATES } from '../templates/index.ts';
import { checkSpec, InvalidSpec } from './catalogue.validate.ts';
import { findDefinition, getService, getServiceVersion, installedTemplateCodes, type ServiceStatus, type ServiceVersion } from './catalogue.queries.ts';

/** A service's code: URL-safe, unique in its community. */
export const SERVICE_CODE = /^[a-z][a-z0-9-]{1,59}$/;

interface NewService {
  code: string;
  templateCode: string | null;
  status: ServiceStatus;
  sortOrder: number;
  spec: ServiceSpec;
}

async function insertService(scoped: TenantDb, tx: Transaction<Database>, actor: AuditActor, s: NewService): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await scoped
    .insertInto('service_definitions', {
      code: s.code, template_code: s.templateCode, group_code: s.spec.group, status: s.status, current_version_id: null, sort_order: s.sortOrder, created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await scoped
    .insertInto('service_versions', { service_id: id, version: 1, spec: JSON.stringify(s.spec), created_at: now, created_by_user_id: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await scoped.updateTable('service_definitions').set({ current_version_id: version.id }).where('id', '=', id).execute();
  await appendAudit(tx, actor, {
    communityId: scoped.communityId, action: 'service.created', entityType: 'service', entityId: id,
    after: { code: s.code, templateCode: s.templateCode, status: s.status, version: 1 },
  });
  return id;
}

async function takenCodes(scoped: TenantDb): Promise<Set<string>> {
  return new Set((await scoped.selectFrom('service_definitions').select('code').execute()).map((r) => r.code));
}

async function nextSortOrder(scoped: TenantDb): Promise<number> {
  const row = await scoped.selectFrom('service_definitions').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0) + 10;
}

/**
 * Creates a published service (version 1) for each shipped template the community does not
 * have yet (all, or the `codes` asked for); returns the codes installed. Running it again
 * installs nothing. `tx` is a transaction of the raw database (the CLI and the demo seed
 * have no request); the tenant scope is made here.
 */
export async function installTemplates(tx: Transaction<Database>, actor: AuditActor, communityId: number, codes?: string[]): Promise<string[]> {
  if (codes && codes.some((c) => !SERVICE_TEMPLATES.some((t) => t.code === c))) throw badRequest({ codes: 'services.catalogue.error.unknownTemplate' });
  const scoped = new TenantDb(tx, communityId);
  const [installed, taken] = await Promise.all([installedTemplateCodes(scoped), takenCodes(scoped)]);
  const out: string[] = [];
  for (const [i, t] of SERVICE_TEMPLATES.entries()) {
    if (installed.has(t.code) || (codes && !codes.includes(t.code))) continue;
    // A hand-made service may already use the template's code; the template then takes the next free one.
    let code = t.code;
    for (let n = 2; taken.has(code); n++) code = `${t.code}-${n}`;
    taken.add(code);
    await insertService(scoped, tx, actor, { code, templateCode: t.code, status: 'published', sortOrder: (i + 1) * 10, spec: serviceSpec.parse(t.spec) });
    out.push(t.code);
  }
  return out;
}

/**
 * Saves `input` as the next version of the service and makes it current. `expectedVersion`
 * is the version the editor was opened on: if someone saved in between, nothing is written
 * and the answer is 409. Invalid input throws InvalidSpec (400) and writes nothing.
 */
export async function saveServiceVersion(tenant: TenantDb, actor: AuditActor, serviceId: number, input: unknown, opts: { expectedVersion?: number } = {}): Promise<ServiceVersion> {
  const checked = checkSpec(input);
  if (!checked.ok) throw new InvalidSpec(checked.issues);
  const id = await tenant.transaction(async (scoped, tx) => {
    const def = await findDefinition(scoped, serviceId);
    if (!def || def.current_version_id === null) throw notFound();
    const current = await scoped.selectFrom('service_versions').select(['version']).where('id', '=', def.current_version_id).executeTakeFirstOrThrow();
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version) throw conflict({ version: 'services.catalogue.error.stale' });
    const now = new Date().toISOString();
    // Claim the row first: a concurrent save (PostgreSQL) waits here, then finds the version moved on.
    const claimed = await scoped.updateTable('service_definitions').set({ updated_at: now })
      .where('id', '=', serviceId).where('current_version_id', '=', def.current_version_id).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict({ version: 'services.catalogue.error.stale' });
    const version = current.version + 1;
    const row = await scoped
      .insertInto('service_versions', { service_id: serviceId, version, spec: JSON.stringify(checked.spec), created_at: now, created_by_user_id: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scoped.updateTable('service_definitions').set({ current_version_id: row.id, group_code: checked.spec.group }).where('id', '=', serviceId).execute();
    await appendAudit(tx, actor, {
      communityId: scoped.communityId, action: 'service.version_saved', entityType: 'service', entityId: serviceId,
      before: { version: current.version }, after: { version, spec: checked.spec },
    });
    return row.id;
  });
  return (await getServiceVersion(tenant, id))!;
}

/** Publishes (offered to citizens), unpublishes (draft) or archives (no new cases) a service. */
export async function setServiceStatus(tenant: TenantDb, actor: AuditActor, serviceId: number, status: ServiceStatus): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const def = await findDefinition(scoped, serviceId);
    if (!def) throw notFound();
    if (def.status === status) return;
    await scoped.updateTable('service_definitions').set({ status, updated_at: new Date().toISOString() }).where('id', '=', serviceId).execute();
    await appendAudit(tx, actor, {
      communityId: scoped.communityId, action: 'service.status_changed', entityType: 'service', entityId: serviceId, before: { status: def.status }, after: { status },
    });
  });
}

async function createDraft(tenant: TenantDb, actor: AuditActor, code: string, spec: ServiceSpec): Promise<number> {
  if (!SERVICE_CODE.test(code)) throw badRequest({ code: 'services.catalogue.error.code' });
  const checked = checkSpec(spec);
  if (!checked.ok) throw new InvalidSpec(checked.issues);
  return tenant.transaction(async (scoped, tx) => {
    if ((await takenCodes(scoped)).has(code)) throw badRequest({ code: 'services.catalogue.error.codeTaken' });
    return insertService(scoped, tx, actor, { code, templateCode: null, status: 'draft', sortOrder: await nextSortOrder(scoped), spec: checked.spec });
  });
}

/** A new draft service with the standard workflow and no fields yet, to be filled in the editor. */
export async function createServiceFromScratch(tenant: TenantDb, actor: AuditActor, input: { code: string; name: Localized; group: ServiceGroup }): Promise<number> {
  return createDraft(tenant, actor, input.code, {
    name: input.name,
    description: input.name,
    group: input.group,
    applicants: ['person'],
    channels: 'both',
    fields: [],
    documents: [],
    fee: { kind: 'none' },
    deadline: { days: 30, unit: 'calendar' },
    workflow: standardWorkflow(),
    output: { template: 'none' },
  });
}

/** A new draft service with the current version of another one, under a new code and name. */
export async function copyService(tenant: TenantDb, actor: AuditActor, sourceId: number, input: { code: string; name: Localized; group?: ServiceGroup }): Promise<number> {
  const source = await getService(tenant, sourceId);
  if (!source) throw notFound();
  // The cached spec is frozen and shared; the copy is a fresh object.
  const spec = JSON.parse(JSON.stringify(source.spec)) as ServiceSpec;
  return createDraft(tenant, actor, input.code, { ...spec, name: input.name, group: input.group ?? spec.group });
}
