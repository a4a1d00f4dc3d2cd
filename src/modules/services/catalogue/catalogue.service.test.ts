import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { runServicesInstall } from './catalogue.cli.ts';
import { DEMO_COMMUNITIES } from '../../../demo/demo-data.ts';
import { createCommunity } from '../../communities/index.ts';
import {
  copyService, createServiceFromScratch, getService, getServiceVersion, installTemplates, InvalidSpec, listServices, saveServiceVersion,
  SERVICE_TEMPLATES, setServiceStatus,
} from './catalogue.ts';
import type { ServiceSpec } from './spec.ts';
import { installAll, serviceByCode, tenantOf } from './catalogue.testkit.ts';

async function auditActions(env: TestEnv, entityId: number): Promise<string[]> {
  const rows = await env.services.db.kysely.selectFrom('audit_events').select('action')
    .where('entity_type', '=', 'service').where('entity_id', '=', String(entityId)).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

bothEngines('templates install once per community, through the CLI too, and are audited', async (t, engine) => {
  // The demo installs the catalogue itself: start from the communities alone, so the first install is a real one.
  const env = await setup(t, engine, { demo: false });
  for (const c of DEMO_COMMUNITIES) await createCommunity(env.services.db.kysely, SYSTEM_ACTOR, c);
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
  assert.equal(await runServicesInstall(env.services, { community: 'sisian' }, io), 0);
  assert.match(lines[0]!, /^installed \d+ service\(s\) in sisian/);
  const sisian = await tenantOf(env, 'sisian');
  const all = await listServices(sisian);
  assert.ok(all.length >= 22, `${all.length} services`);
  assert.equal(all.filter((s) => s.templateCode).length, SERVICE_TEMPLATES.length);
  assert.ok(all.every((s) => s.status === 'published' && s.version === 1));
  assert.deepEqual(all.slice(0, 2).map((s) => s.code), ['residence-certificate', 'household-certificate'], 'in the templates order');

  lines.length = 0;
  assert.equal(await runServicesInstall(env.services, { community: 'sisian' }, io), 0);
  assert.equal(lines[0], `installed 0 service(s) in sisian; ${SERVICE_TEMPLATES.length} already there`);
  assert.equal((await listServices(sisian)).length, all.length, 'idempotent');
  assert.equal(await runServicesInstall(env.services, { community: 'nowhere' }, io), 2);
  assert.equal(await runServicesInstall(env.services, { community: 'sisian', template: ['no-such'] }, io), 2);

  const id = await serviceByCode(sisian, 'construction-permit');
  assert.deepEqual(await auditActions(env, id), ['service.created']);
  // A chosen subset in another community; a hand-made service holding a template's code pushes it to "-2".
  const jermuk = await tenantOf(env, 'jermuk');
  await createServiceFromScratch(jermuk, SYSTEM_ACTOR, { code: 'complaint', name: { hy: 'Բողոք', en: '', ru: '' }, group: 'requests' });
  const got = await env.services.db.kysely.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, jermuk.communityId, ['complaint', 'proposal']));
  assert.deepEqual(got, ['complaint', 'proposal']);
  const codes = (await listServices(jermuk)).map((s) => s.code).sort();
  assert.deepEqual(codes, ['complaint', 'complaint-2', 'proposal']);
  await assert.rejects(env.services.db.kysely.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, jermuk.communityId, ['bogus'])), AppError);
});

bothEngines('a save is a new version; the old version never changes; stale and invalid saves write nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await installAll(env, 'sisian');
  const id = await serviceByCode(tenant, 'residence-certificate');
  const before = (await getService(tenant, id))!;
  const v1Json = (await tenant.selectFrom('service_versions').select('spec').where('id', '=', before.versionId).executeTakeFirstOrThrow()).spec;

  const changed: ServiceSpec = JSON.parse(JSON.stringify(before.spec));
  changed.fee = { kind: 'fixed', amount: 1500 };
  changed.name.en = 'Residence certificate';
  const v2 = await saveServiceVersion(tenant, SYSTEM_ACTOR, id, changed, { expectedVersion: 1 });
  assert.equal(v2.version, 2);
  const now = (await getService(tenant, id))!;
  assert.equal(now.versionId, v2.id, 'the service points at the new version at once');
  assert.deepEqual(now.spec.fee, { kind: 'fixed', amount: 1500 });
  const v1 = (await getServiceVersion(tenant, before.versionId))!;
  assert.deepEqual(v1.spec.fee, { kind: 'fixed', amount: 1000 }, 'version 1 as it was');
  assert.equal((await tenant.selectFrom('service_versions').select('spec').where('id', '=', before.versionId).executeTakeFirstOrThrow()).spec, v1Json);
  assert.throws(() => { (v1.spec.fee as { amount: number }).amount = 1; }, TypeError, 'a cached version cannot be changed in place');

  const count = async () => (await tenant.selectFrom('service_versions').select('id').where('service_id', '=', id).execute()).length;
  await assert.rejects(saveServiceVersion(tenant, SYSTEM_ACTOR, id, changed, { expectedVersion: 1 }), (e: AppError) => e.status === 409);
  const broken = JSON.parse(JSON.stringify(changed)) as ServiceSpec;
  broken.workflow.actions[0]!.to = 'nowhere';
  await assert.rejects(saveServiceVersion(tenant, SYSTEM_ACTOR, id, broken), (e: InvalidSpec) =>
    e instanceof InvalidSpec && e.issues.some((i) => i.key === 'services.catalogue.issue.unknownState' && i.params?.state === 'nowhere'));
  const badFee = { ...changed, fee: { kind: 'per_unit', field: 'present_to', rate: '10', base: 0, min: 0 } };
  await assert.rejects(saveServiceVersion(tenant, SYSTEM_ACTOR, id, badFee), (e: InvalidSpec) => e.issues[0]?.key === 'services.catalogue.issue.feeFieldType');
  assert.equal(await count(), 2, 'refused saves wrote no version');
  assert.deepEqual(await auditActions(env, id), ['service.created', 'service.version_saved']);

  // Another community cannot load it, even from the cache.
  const jermuk = await tenantOf(env, 'jermuk');
  assert.equal(await getServiceVersion(jermuk, v2.id), null);
  assert.equal(await getService(jermuk, id), null);
  await assert.rejects(saveServiceVersion(jermuk, SYSTEM_ACTOR, id, changed), (e: AppError) => e.status === 404);
});

bothEngines('status changes, new services from scratch and copies are drafts until published', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await installAll(env, 'sisian');
  const source = await serviceByCode(tenant, 'construction-permit');
  const copy = await copyService(tenant, SYSTEM_ACTOR, source, { code: 'garage-permit', name: { hy: 'Ավտոտնակի թույլտվություն', en: 'Garage permit', ru: '' } });
  const scratch = await createServiceFromScratch(tenant, SYSTEM_ACTOR, { code: 'tree-cutting', name: { hy: 'Ծառահատում', en: '', ru: '' }, group: 'permits' });
  const c = (await getService(tenant, copy))!;
  assert.equal(c.status, 'draft');
  assert.equal(c.templateCode, null);
  assert.equal(c.spec.fee.kind, 'per_unit', 'the copy has the source spec');
  assert.equal(c.spec.name.en, 'Garage permit');
  assert.equal((await getService(tenant, scratch))!.spec.fields.length, 0);
  await assert.rejects(createServiceFromScratch(tenant, SYSTEM_ACTOR, { code: 'tree-cutting', name: { hy: 'Ա', en: '', ru: '' }, group: 'permits' }), (e: AppError) => e.fields.code === 'services.catalogue.error.codeTaken');
  await assert.rejects(createServiceFromScratch(tenant, SYSTEM_ACTOR, { code: 'Bad Code', name: { hy: 'Ա', en: '', ru: '' }, group: 'permits' }), (e: AppError) => e.fields.code === 'services.catalogue.error.code');

  const published = async () => (await listServices(tenant, { status: 'published' })).map((s) => s.id);
  assert.ok(!(await published()).includes(copy));
  await setServiceStatus(tenant, SYSTEM_ACTOR, copy, 'published');
  assert.ok((await published()).includes(copy));
  await setServiceStatus(tenant, SYSTEM_ACTOR, source, 'archived');
  assert.ok(!(await published()).includes(source));
  assert.deepEqual(await auditActions(env, source), ['service.created', 'service.status_changed']);
});
