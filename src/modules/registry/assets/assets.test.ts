import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { assetForm } from './assets.schemas.ts';
import { saveAsset } from './assets.service.ts';
import { effectiveStatus } from './assets.queries.ts';
import { get, post, tenantOf } from '../property/property.testkit.ts';

const CHIEF = 'chief@sisian.example';
const LEASE = { tenant_type: 'other', tenant_ref: 'Ա. Ավագյան', starts_on: '2030-01-01', ends_on: '2030-12-31', rent: '50 000', rent_period: 'month', status: 'active' };

bothEngines('leases: dates and rent validated, overlapping active leases refused, status changes audited', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const assetId = await saveAsset(tenant, SYSTEM_ACTOR, null, assetForm.parse({ name: 'Մշակույթի տան դահլիճ 77', kind: 'premises', book_value: '12000000' }));
  const url = `/sisian/staff/registry/assets/${assetId}/leases`;
  const leases = () => tenant.selectFrom('leases').selectAll().where('asset_id', '=', assetId).orderBy('id').execute();

  const bad = await post(env, CHIEF, url, { ...LEASE, ends_on: '2029-12-31', rent: '0' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ավարտը պետք է լինի սկզբից հետո/);
  assert.match(bad.body, /Վարձավճարը ամբողջ դրամ է/);
  assert.equal((await leases()).length, 0);

  assert.equal((await post(env, CHIEF, url, LEASE)).statusCode, 303);
  const overlap = await post(env, CHIEF, url, { ...LEASE, starts_on: '2030-06-01', ends_on: '2031-05-31' });
  assert.equal(overlap.statusCode, 400);
  assert.match(overlap.body, /արդեն ունի գործող վարձակալություն/);
  assert.equal((await post(env, CHIEF, url, { ...LEASE, starts_on: '2030-06-01', ends_on: '2031-05-31', status: 'draft' })).statusCode, 303, 'a draft may overlap');
  assert.equal((await post(env, CHIEF, url, { ...LEASE, starts_on: '2031-01-01', ends_on: '2031-12-31' })).statusCode, 303, 'back to back is fine');
  const [first, draft] = await leases();

  const activate = await post(env, CHIEF, `${url}/${draft!.id}/status`, { status: 'active' });
  assert.equal(activate.statusCode, 400, 'activating an overlapping draft is refused');
  assert.equal((await post(env, CHIEF, `${url}/${first!.id}/status`, { status: 'draft' })).statusCode, 400, 'no way back to draft');
  assert.equal((await post(env, CHIEF, `${url}/${first!.id}/status`, { status: 'terminated' })).statusCode, 303);
  assert.equal((await leases())[0]!.status, 'terminated');
  const audit = await env.services.db.kysely.selectFrom('audit_events').select('action').where('entity_type', '=', 'lease').where('entity_id', '=', String(first!.id)).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['lease.create', 'lease.status']);

  const page = await get(env, 'accountant@sisian.example', `/sisian/staff/registry/assets/${assetId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Լուծված/);
  assert.equal((await get(env, 'specialist@sisian.example', `${url}/new`)).statusCode, 403, 'specialists only read assets');
  assert.equal((await get(env, 'head@jermuk.example', `/jermuk/staff/registry/assets/${assetId}`)).statusCode, 404);
});

bothEngines('an active lease past its end shows as ended in the list, without a job', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const assetId = await saveAsset(tenant, SYSTEM_ACTOR, null, assetForm.parse({ name: 'Ավտոտնակ 77', kind: 'building' }));
  assert.equal((await post(env, CHIEF, `/sisian/staff/registry/assets/${assetId}/leases`, { ...LEASE, starts_on: '2020-01-01', ends_on: '2021-01-01' })).statusCode, 303);
  const stored = await tenant.selectFrom('leases').selectAll().where('asset_id', '=', assetId).executeTakeFirstOrThrow();
  assert.equal(stored.status, 'active');
  assert.equal(effectiveStatus(stored, '2026-01-01'), 'ended');
  const page = await get(env, CHIEF, `/sisian/staff/registry/assets/${assetId}`);
  assert.match(page.body, /Ավարտված/);
  const list = await get(env, CHIEF, '/sisian/staff/registry/assets?kind=building');
  assert.equal(list.statusCode, 200);
});
