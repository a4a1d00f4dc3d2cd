import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { getService } from './catalogue.queries.ts';
import { specToForm } from './catalogue-editor.form.ts';
import { getAs, installAll, postForm, serviceByCode, tenantOf } from './catalogue.testkit.ts';

const IT = 'it@sisian.example';
const BASE = '/sisian/staff/services';

/** What the editor page posts for the current version, as fields (checkbox rows as arrays). */
async function editorFields(tenant: TenantDb, id: number): Promise<Record<string, string | string[]>> {
  const s = (await getService(tenant, id))!;
  const form = specToForm(s.spec, s.version, 'hy');
  return { ...form.values, ...form.multi };
}

async function versionCount(tenant: TenantDb, id: number): Promise<number> {
  return (await tenant.selectFrom('service_versions').select('id').where('service_id', '=', id).execute()).length;
}

type Item = { id: number; code: string; version: number; fee: { kind: string; rate?: string }; deadline: { days: number; unit: string }; documents: { key: string }[]; fields: { key: string; type: string }[]; name: { hy: string; en: string; ru: string } };
const api = async (env: TestEnv, slug: string) => (await env.app.inject({ method: 'GET', url: `/api/v1/communities/${slug}/services` })).json() as { items: Item[] };

bothEngines('the public catalogue and its API show published services only; drafts and other communities are 404', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await installAll(env, 'sisian');
  const jermuk = await installAll(env, 'jermuk');
  const { items } = await api(env, 'sisian');
  assert.ok(items.length >= 22, `${items.length} items`);
  const construction = items.find((i) => i.code === 'construction-permit')!;
  assert.deepEqual([construction.fee.kind, construction.fee.rate, construction.deadline.days, construction.deadline.unit], ['per_unit', '100', 20, 'working']);
  assert.ok(construction.documents.some((d) => d.key === 'design') && construction.fields.some((f) => f.key === 'floor_area' && f.type === 'number'));

  const complaint = await serviceByCode(sisian, 'complaint');
  assert.equal((await getAs(env, null, `/sisian/services/${complaint}`)).statusCode, 200);
  assert.equal((await postForm(env, IT, `${BASE}/${complaint}/status`, { status: 'draft' })).statusCode, 303);
  assert.ok(!(await api(env, 'sisian')).items.some((i) => i.id === complaint), 'a draft leaves the API');
  assert.equal((await getAs(env, null, `/sisian/services/${complaint}`)).statusCode, 404);
  const list = await getAs(env, null, '/sisian/services');
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes(`/sisian/services/${construction.id}"`) && !list.body.includes(`/sisian/services/${complaint}"`));
  assert.equal((await getAs(env, null, `/sisian/services/${await serviceByCode(jermuk, 'complaint')}`)).statusCode, 404, "another community's service");

  const page = await getAs(env, null, `/sisian/services/${construction.id}`);
  assert.match(page.body, /Դիմել առցանց/);
  assert.ok(page.body.includes(`/sisian/services/${construction.id}/apply`));
  assert.match(page.body, /100\u00a0֏՝ բազմապատկած/, 'the per-unit rate is explained');
  const notary = await getAs(env, null, `/sisian/services/${await serviceByCode(sisian, 'notarial-power-of-attorney')}`);
  assert.ok(!notary.body.includes('/apply"'), 'office-only services have no online application');
  assert.match(notary.body, /միայն քաղաքացիների սպասարկման գրասենյակում/);
  const en = await env.app.inject({ method: 'GET', url: `/sisian/services/${construction.id}`, headers: { cookie: 'mmis_lang=en' } });
  assert.match(en.body, /Construction permit/);
  assert.match(en.body, /20 working days from the registration/);
  const ru = await env.app.inject({ method: 'GET', url: '/sisian/services', headers: { cookie: 'mmis_lang=ru' } });
  assert.match(ru.body, /3 рабочих дня/);
});

bothEngines('the editor saves a new version; stale saves are 409; bad JSON and unknown states are 400; nothing else writes', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await installAll(env, 'sisian');
  const jermuk = await installAll(env, 'jermuk');
  const id = await serviceByCode(tenant, 'residence-certificate');
  const editor = await getAs(env, IT, `${BASE}/${id}`);
  assert.equal(editor.statusCode, 200);
  for (const name of ['advanced', 'roles_approve', 'days_in_review', 'fee_kind', 'output_body_hy']) assert.ok(editor.body.includes(`name="${name}"`), name);
  assert.equal((await getAs(env, null, '/sisian/services')).statusCode, 200, 'an anonymous copy of the list is cached now');
  const v1Text = (await tenant.selectFrom('service_versions').select('spec').where('service_id', '=', id).executeTakeFirstOrThrow()).spec;

  const fields = await editorFields(tenant, id);
  const saved = await postForm(env, IT, `${BASE}/${id}`, {
    ...fields, fee_amount: '1500', name_en: 'Residence certificate (new)', roles_approve: ['chief_of_staff'], days_in_review: '4',
  });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  assert.equal(saved.headers.location, `${BASE}/${id}?done=saved`);
  const now = (await getService(tenant, id))!;
  assert.equal(now.version, 2);
  assert.deepEqual(now.spec.fee, { kind: 'fixed', amount: 1500 });
  assert.deepEqual(now.spec.workflow.actions.find((a) => a.key === 'approve')!.roles, ['chief_of_staff']);
  assert.equal(now.spec.workflow.states.find((s) => s.key === 'in_review')!.days, 4);
  const v1 = await tenant.selectFrom('service_versions').select('spec').where('service_id', '=', id).where('version', '=', 1).executeTakeFirstOrThrow();
  assert.equal(v1.spec, v1Text, 'version 1 is untouched: cases that began on it keep it');
  assert.ok((await getAs(env, null, '/sisian/services')).body.includes('1\u00a0500\u00a0֏'), 'the public page shows the save at once');
  assert.ok((await api(env, 'sisian')).items.some((i) => i.id === id && i.version === 2));

  // Stale: the form still says version 1.
  const stale = await postForm(env, IT, `${BASE}/${id}`, { ...fields, fee_amount: '900' });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /մեկ ուրիշը պահպանել է 2-րդ տարբերակը/);
  assert.equal(await versionCount(tenant, id), 2);

  const current = await editorFields(tenant, id);
  const badJson = await postForm(env, IT, `${BASE}/${id}`, { ...current, advanced: '{"fields": [' });
  assert.equal(badJson.statusCode, 400);
  assert.match(badJson.body, /վավեր JSON չէ/);
  const advanced = JSON.parse(current.advanced as string) as { workflow: { actions: { key: string; to: string }[] } };
  advanced.workflow.actions.find((a) => a.key === 'register')!.to = 'nowhere';
  const unknown = await postForm(env, IT, `${BASE}/${id}`, { ...current, advanced: JSON.stringify(advanced) });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /workflow\.actions\[1\]<\/code>: անհայտ փուլ՝ «nowhere»/);
  const noRoles = await postForm(env, IT, `${BASE}/${id}`, { ...current, roles_approve: [] });
  assert.equal(noRoles.statusCode, 400);
  assert.match(noRoles.body, /id="field-roles_approve-error"/);
  assert.equal(await versionCount(tenant, id), 2, 'refused saves wrote nothing');

  assert.equal((await getAs(env, 'specialist@sisian.example', `${BASE}/${id}`)).statusCode, 403);
  assert.equal((await postForm(env, 'specialist@sisian.example', `${BASE}/${id}`, current)).statusCode, 403);
  const theirs = await serviceByCode(jermuk, 'residence-certificate');
  assert.equal((await getAs(env, IT, `${BASE}/${theirs}`)).statusCode, 404);
  assert.equal((await postForm(env, IT, `${BASE}/${theirs}`, { ...current, version: '1' })).statusCode, 404);
  assert.equal(await versionCount(jermuk, theirs), 1);

  const versions = await getAs(env, 'chief@sisian.example', `${BASE}/${id}/versions`);
  assert.equal(versions.statusCode, 200);
  assert.match(versions.body, /Տիգրան Ղազարյան/, 'who saved version 2');
});

bothEngines('templates are installed from the page, chosen or all; a new service is a copy or empty', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env, 'sisian');
  const page = await getAs(env, IT, `${BASE}/templates`);
  assert.equal(page.statusCode, 200);
  assert.equal((await postForm(env, IT, `${BASE}/install`, { scope: 'chosen' })).statusCode, 400, 'nothing chosen');
  assert.equal((await postForm(env, IT, `${BASE}/install`, { scope: 'chosen', codes: ['no-such-template'] })).statusCode, 400);
  const all = await postForm(env, IT, `${BASE}/install`, { scope: 'all' });
  assert.equal(all.statusCode, 303);
  assert.match(all.headers.location as string, /\?done=installed&count=\d+$/);
  const again = await postForm(env, IT, `${BASE}/install`, { scope: 'all' });
  assert.equal(again.headers.location, `${BASE}?done=installed&count=0`);
  assert.match((await getAs(env, IT, `${BASE}?done=installed&count=0`)).body, /Տեղադրված ծառայություններ՝ 0/);

  const source = await serviceByCode(tenant, 'trade-permit');
  const copy = await postForm(env, IT, `${BASE}/new`, { from: String(source), code: 'fair-stall', name_hy: 'Տոնավաճառի վաճառասեղան', name_en: '', name_ru: '', group: 'permits' });
  assert.equal(copy.statusCode, 303);
  const id = Number(/services\/(\d+)\?done=created$/.exec(copy.headers.location as string)![1]);
  const made = (await getService(tenant, id))!;
  assert.deepEqual([made.status, made.spec.fee.kind, made.spec.name.hy], ['draft', 'table', 'Տոնավաճառի վաճառասեղան']);
  const dup = await postForm(env, IT, `${BASE}/new`, { from: '', code: 'fair-stall', name_hy: 'Ուրիշ', group: 'permits' });
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /Այս կոդով ծառայություն արդեն կա/);
  const jermukService = await serviceByCode(await installAll(env, 'jermuk'), 'complaint');
  assert.equal((await postForm(env, IT, `${BASE}/new`, { from: String(jermukService), code: 'x-copy', name_hy: 'Պատճեն', group: 'requests' })).statusCode, 400);
  assert.equal((await getAs(env, IT, `${BASE}/new`)).statusCode, 200);
});
