import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { parcelForm, structureForm } from './property.schemas.ts';
import { saveParcel, saveStructure } from './property.service.ts';
import { assetForm } from '../assets/assets.schemas.ts';
import { saveAsset } from '../assets/assets.service.ts';
import { recordViewsOf } from '../population/record-views.routes.tsx';
import { get, insertResident, PARCEL, post, tenantOf } from './property.testkit.ts';

const CHIEF = 'chief@sisian.example';
const ACCOUNTANT = 'accountant@sisian.example';

/** The 'resident.view' events of one resident, oldest first, with their details. */
async function views(env: TestEnv, residentId: number) {
  const rows = await env.services.db.kysely
    .selectFrom('audit_events')
    .select(['action', 'actor_label', 'after_json'])
    .where('entity_type', '=', 'resident')
    .where('entity_id', '=', String(residentId))
    .where('action', '=', 'resident.view')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.after_json!) as { via: string; objectId: number });
}

bothEngines('resident owners shown on parcel and structure pages are audited, one event per resident per view', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const r1 = await insertResident(tenant, '1234567890', 'Պետրոսյան', 'Արամ');
  const r2 = await insertResident(tenant, '1234567891', 'Սահակյան', 'Նունե');
  const parcelId = await saveParcel(tenant, SYSTEM_ACTOR, null, null, parcelForm.parse(PARCEL));
  const parcelUrl = `/sisian/staff/registry/parcels/${parcelId}`;
  const set = await post(env, CHIEF, `${parcelUrl}/owners`, {
    valid_from: '2020-01-01', owner_type_0: 'resident', owner_ref_0: '1234567890', share_0: '1/2', owner_type_1: 'resident', owner_ref_1: '1234567891', share_1: '1/2',
  });
  assert.equal(set.statusCode, 303);
  assert.deepEqual(await views(env, r1), [], 'saving the owner set is not a view');

  const hidden = await get(env, ACCOUNTANT, parcelUrl);
  assert.equal(hidden.statusCode, 200);
  assert.doesNotMatch(hidden.body, /Պետրոսյան|1234567890/);
  assert.match(hidden.body, /Բնակիչ/);
  assert.deepEqual(await views(env, r1), [], 'nothing shown, nothing audited');

  const shown = await get(env, CHIEF, parcelUrl);
  assert.match(shown.body, /Պետրոսյան Արամ \(1234567890\)/);
  assert.deepEqual(await views(env, r1), [{ via: 'parcel', objectId: parcelId }]);
  assert.deepEqual(await views(env, r2), [{ via: 'parcel', objectId: parcelId }]);
  await get(env, CHIEF, parcelUrl);
  assert.equal((await views(env, r1)).length, 2, 'every page view is audited');

  const structureId = await saveStructure(tenant, SYSTEM_ACTOR, null, null, structureForm.parse({
    kind: 'building', cadastral_code: '77-701-0123-0045-001', parcel_code: '77-701-0123-0045', area_m2: '120', purpose: 'residential',
  }));
  const structureUrl = `/sisian/staff/registry/structures/${structureId}`;
  assert.equal((await post(env, CHIEF, `${structureUrl}/owners`, { valid_from: '2020-01-01', owner_type_0: 'resident', owner_ref_0: '1234567891', share_0: '1' })).statusCode, 303);
  await get(env, ACCOUNTANT, structureUrl);
  assert.equal((await views(env, r2)).length, 2, 'two parcel views so far');
  const page = await get(env, 'specialist@sisian.example', structureUrl);
  assert.match(page.body, /Սահակյան Նունե/);
  assert.deepEqual((await views(env, r2)).at(-1), { via: 'structure', objectId: structureId });

  // The owner-set form starts from the current owners' public service numbers: a view too.
  const form = await get(env, CHIEF, `${structureUrl}/owners`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /1234567891/);
  assert.equal((await views(env, r2)).length, 4);

  // The citizen's portal lists these views of their record.
  const users = env.services.db.kysely;
  const citizen = await users.selectFrom('users').select('id').where('email', '=', 'ani@citizen.example').executeTakeFirstOrThrow();
  await users.updateTable('users').set({ verified_psn: '1234567890' }).where('id', '=', citizen.id).execute();
  const portal = await recordViewsOf(users, citizen.id);
  assert.equal(portal?.length, 2);
  assert.ok(portal!.every((v) => v.actor_label.length > 0));
});

bothEngines('resident tenants of leases are named only to people viewers, and audited when shown', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const resident = await insertResident(tenant, '1234567892', 'Գասպարյան', 'Վահե');
  const assetId = await saveAsset(tenant, SYSTEM_ACTOR, null, assetForm.parse({ name: 'Կրպակ 77', kind: 'premises' }));
  const assetUrl = `/sisian/staff/registry/assets/${assetId}`;
  const lease = { tenant_type: 'resident', tenant_ref: '1234567892', starts_on: '2020-01-01', ends_on: '2099-12-31', rent: '30000', rent_period: 'month', status: 'active' };
  assert.equal((await post(env, ACCOUNTANT, `${assetUrl}/leases`, lease)).statusCode, 303);
  assert.deepEqual(await views(env, resident), []);

  for (const url of [assetUrl, '/sisian/staff/registry/assets?kind=premises']) {
    const page = await get(env, ACCOUNTANT, url);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Գասպարյան/, `${url}: no resident name without registry.people_view`);
    assert.match(page.body, /Բնակիչ/);
  }
  assert.deepEqual(await views(env, resident), []);

  const page = await get(env, CHIEF, assetUrl);
  assert.match(page.body, /Գասպարյան Վահե/);
  assert.deepEqual(await views(env, resident), [{ via: 'asset', objectId: assetId }]);
  const list = await get(env, 'head@sisian.example', '/sisian/staff/registry/assets?kind=premises');
  assert.match(list.body, /Գասպարյան Վահե/);
  assert.deepEqual(await views(env, resident), [{ via: 'asset', objectId: assetId }, { via: 'asset', objectId: assetId }]);

  // An organization or a named other tenant is not personal data of the register: no event.
  const other = await saveAsset(tenant, SYSTEM_ACTOR, null, assetForm.parse({ name: 'Կրպակ 78', kind: 'premises' }));
  assert.equal((await post(env, ACCOUNTANT, `/sisian/staff/registry/assets/${other}/leases`, { ...lease, tenant_type: 'other', tenant_ref: 'Ա. Ավագյան' })).statusCode, 303);
  const before = await env.services.db.kysely.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'resident.view').executeTakeFirstOrThrow();
  assert.match((await get(env, ACCOUNTANT, `/sisian/staff/registry/assets/${other}`)).body, /Ա\. Ավագյան/);
  await get(env, CHIEF, `/sisian/staff/registry/assets/${other}`);
  const after = await env.services.db.kysely.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'resident.view').executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
});
