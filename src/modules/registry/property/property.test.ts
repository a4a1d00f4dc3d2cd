import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { parcelForm, structureForm } from './property.schemas.ts';
import { saveParcel, saveStructure } from './property.service.ts';
import { auditCount, get, insertResident, PARCEL, post, settlementOf, tenantOf } from './property.testkit.ts';

const CHIEF = 'chief@sisian.example';
const BASE = '/sisian/staff/registry/parcels';

bothEngines('parcels: create, validate, refuse duplicates, edit; every change audited', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const count = async () => (await tenant.selectFrom('parcels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  const before = Number(await count());
  const bad = await post(env, CHIEF, BASE, { ...PARCEL, cadastral_code: '9-1-123', area_m2: '0', purpose: 'residential' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /error-summary/);
  assert.match(bad.body, /09-001-0123-0045 ձևով/, 'cadastral code format');
  assert.match(bad.body, /Մակերեսը պետք է լինի 0-ից մեծ/, 'area > 0');
  assert.match(bad.body, /միայն գյուղատնտեսական/, 'net income only for agricultural land');
  assert.equal(Number(await count()), before, 'nothing written');

  const ok = await post(env, CHIEF, BASE, PARCEL);
  assert.equal(ok.statusCode, 303);
  const id = Number(/parcels\/(\d+)\?done=saved$/.exec(ok.headers.location as string)![1]);
  const row = await tenant.selectFrom('parcels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(Number(row.cadastral_value), 1_200_000);
  assert.equal(Number(row.area_m2), 1250.5);

  const dup = await post(env, CHIEF, BASE, PARCEL);
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /Այս կադաստրային ծածկագրով գրառում արդեն կա/);

  const fraction = await post(env, CHIEF, BASE, { ...PARCEL, cadastral_code: '77-701-0123-0046', cadastral_value: '10.5' });
  assert.equal(fraction.statusCode, 400, 'money is whole dram');

  const edit = await post(env, CHIEF, `${BASE}/${id}`, { ...PARCEL, area_m2: '1300', purpose: 'residential', net_income: '', inside_settlement: '1' });
  assert.equal(edit.statusCode, 303);
  assert.equal((await tenant.selectFrom('parcels').select('purpose').where('id', '=', id).executeTakeFirstOrThrow()).purpose, 'residential');
  assert.equal(await auditCount(env, 'parcel', id), 2);

  const list = await get(env, CHIEF, `${BASE}?q=77-701&purpose=residential`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /77-701-0123-0045/);
  const none = await get(env, CHIEF, `${BASE}?purpose=forest&q=77-701`);
  assert.doesNotMatch(none.body, /77-701-0123-0045/);
  const page = await get(env, 'accountant@sisian.example', `${BASE}/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Հողամասի տվյալները փոխվեցին/, 'the history names the edit in the reader\'s language');
  assert.equal((await get(env, 'operator@sisian.example', BASE)).statusCode, 403, 'operators do not see property');
  assert.equal((await post(env, 'accountant@sisian.example', BASE, { ...PARCEL, cadastral_code: '77-701-0123-0047' })).statusCode, 403);
});

bothEngines('owner sets: shares must add up to exactly one; replacing closes the old owners', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const id = await saveParcel(tenant, SYSTEM_ACTOR, null, null, parcelForm.parse(PARCEL));
  await insertResident(tenant, '1234567890');
  await insertResident(tenant, '1234567891', 'Գրիգորյան', 'Լիլիթ');
  const url = `${BASE}/${id}/owners`;
  const owners = () => tenant.selectFrom('ownerships').selectAll().where('object_id', '=', id).orderBy('id').execute();

  const third = await post(env, CHIEF, url, {
    valid_from: '2020-01-01', owner_type_0: 'resident', owner_ref_0: '1234567890', share_0: '1/2', owner_type_1: 'resident', owner_ref_1: '1234567891', share_1: '1/3',
  });
  assert.equal(third.statusCode, 400);
  assert.match(third.body, /Սեփականատերերի բաժինների գումարը պետք է լինի 1/);
  assert.equal((await owners()).length, 0, 'nothing written');

  const improper = await post(env, CHIEF, url, { valid_from: '2020-01-01', owner_type_0: 'other', owner_ref_0: 'Ա. Ա.', share_0: '3/2' });
  assert.equal(improper.statusCode, 400);
  assert.match(improper.body, /Բաժինը պետք է լինի 0-ից մեծ/);

  const unknown = await post(env, CHIEF, url, { valid_from: '2020-01-01', owner_type_0: 'resident', owner_ref_0: '9999999999', share_0: '1' });
  assert.equal(unknown.statusCode, 400);

  const halves = await post(env, CHIEF, url, {
    valid_from: '01.01.2020', owner_type_0: 'resident', owner_ref_0: '1234567890', share_0: '1/2', owner_type_1: 'resident', owner_ref_1: '1234567891', share_1: '1/2',
  });
  assert.equal(halves.statusCode, 303);
  assert.equal((await owners()).length, 2);
  assert.match((await get(env, CHIEF, `${BASE}/${id}`)).body, /Պետրոսյան Արամ \(1234567890\)/);
  const accountant = (await get(env, 'accountant@sisian.example', `${BASE}/${id}`)).body;
  assert.doesNotMatch(accountant, /1234567890|Պետրոսյան/, 'no personal data for roles without registry.people_view');

  const early = await post(env, CHIEF, url, { valid_from: '2019-06-01', owner_type_0: 'community', share_0: '1' });
  assert.equal(early.statusCode, 400, 'a new set cannot start before the current one');

  const community = await post(env, CHIEF, url, { valid_from: '2024-03-01', owner_type_0: 'community', share_0: '1' });
  assert.equal(community.statusCode, 303);
  const rows = await owners();
  assert.equal(rows.length, 3, 'old owners are kept, not deleted');
  assert.deepEqual(rows.slice(0, 2).map((r) => r.valid_to), ['2024-02-29', '2024-02-29']);
  assert.equal(rows[2]!.valid_to, null);
  assert.equal(rows[2]!.owner_type, 'community');

  const page = await get(env, CHIEF, `${BASE}/${id}`);
  assert.match(page.body, /Նախկին սեփականատերեր/);
  assert.match(page.body, /1\/2/);
  const audit = await env.services.db.kysely.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', 'ownership.replace').where('entity_id', '=', String(id)).orderBy('id').execute();
  assert.equal(audit.length, 2);
  assert.match(audit[1]!.before_json!, /"share":"1\/2"/);
  assert.match(audit[1]!.after_json!, /"type":"community"/);
});

bothEngines('structures link to a parcel by its cadastral code; another community’s rows are not found', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await tenantOf(env.services, 'sisian');
  const jermuk = await tenantOf(env.services, 'jermuk');
  await saveParcel(sisian, SYSTEM_ACTOR, null, null, parcelForm.parse(PARCEL));
  const structure = { kind: 'building', cadastral_code: '77-701-0123-0045-001', parcel_code: '77-701-0123-0045', address_id: '', unit: '', area_m2: '120', purpose: 'residential', cadastral_value: '', market_value: '25000000', lat: '', lon: '' };
  const unknown = await post(env, CHIEF, '/sisian/staff/registry/structures', { ...structure, parcel_code: '77-799-0999-0001' });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Այս ծածկագրով հողամաս չկա/);
  const ok = await post(env, CHIEF, '/sisian/staff/registry/structures', structure);
  assert.equal(ok.statusCode, 303);
  const list = await get(env, CHIEF, '/sisian/staff/registry/structures?kind=building&q=77-701');
  assert.match(list.body, /77-701-0123-0045-001/);

  const foreignParcel = await saveParcel(jermuk, SYSTEM_ACTOR, null, null, parcelForm.parse({ ...PARCEL, cadastral_code: '78-001-0001-0001' }));
  const foreignStructure = await saveStructure(jermuk, SYSTEM_ACTOR, null, null, structureForm.parse({ ...structure, cadastral_code: '78-001-0001-0001-001', parcel_code: '' }));
  assert.equal((await get(env, CHIEF, `${BASE}/${foreignParcel}`)).statusCode, 404);
  assert.equal((await get(env, CHIEF, `${BASE}/${foreignParcel}/edit`)).statusCode, 404);
  assert.equal((await post(env, CHIEF, `${BASE}/${foreignParcel}`, PARCEL)).statusCode, 404);
  assert.equal((await post(env, CHIEF, `${BASE}/${foreignParcel}/owners`, { valid_from: '2020-01-01', owner_type_0: 'community', share_0: '1' })).statusCode, 404);
  assert.equal((await get(env, CHIEF, `/sisian/staff/registry/structures/${foreignStructure}`)).statusCode, 404);
  const foreignOwners = await jermuk.selectFrom('ownerships').select('id').where('object_type', '=', 'parcel').where('object_id', '=', foreignParcel).execute();
  assert.equal(foreignOwners.length, 0);
});

bothEngines('a settlement head sees only the parcels of their settlement', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const angeghakot = await settlementOf(tenant, 'Angeghakot');
  const tolors = await settlementOf(tenant, 'Tolors');
  const mine = await saveParcel(tenant, SYSTEM_ACTOR, null, null, parcelForm.parse({ ...PARCEL, settlement_id: String(angeghakot), lat: '39.50', lon: '46.00' }));
  const other = await saveParcel(tenant, SYSTEM_ACTOR, null, null, parcelForm.parse({ ...PARCEL, cadastral_code: '77-702-0001-0001', settlement_id: String(tolors), lat: '39.52', lon: '46.05' }));
  const head = 'angeghakot@sisian.example';
  const list = await get(env, head, `${BASE}?q=77-70`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /77-701-0123-0045/);
  assert.doesNotMatch(list.body, /77-702-0001-0001/);
  assert.equal((await get(env, head, `${BASE}/${mine}`)).statusCode, 200);
  assert.equal((await get(env, head, `${BASE}/${other}`)).statusCode, 404);
  const map = await get(env, head, '/api/v1/communities/sisian/property/map');
  assert.equal(map.statusCode, 200);
  const codes = (map.json() as { items: { code: string }[] }).items.map((i) => i.code);
  assert.ok(codes.includes('77-701-0123-0045'));
  assert.ok(!codes.includes('77-702-0001-0001'));
  const all = await get(env, CHIEF, `${BASE}?settlement=${tolors}&q=77-70`);
  assert.match(all.body, /77-702-0001-0001/);
  assert.doesNotMatch(all.body, /77-701-0123-0045/);
});
