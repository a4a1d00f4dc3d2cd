import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { addressForm, streetForm } from './population.schemas.ts';
import { addUnit, createStreet, saveAddress } from '../addresses/addresses.service.ts';
import { makeResident, settlementId, tenantOf } from './residents.test-helpers.ts';

async function get(env: TestEnv, email: string, url: string) {
  const s = await signInAs(env.services, email);
  return env.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
}

async function post(env: TestEnv, email: string, url: string, fields: Record<string, string>) {
  const s = await signInAs(env.services, email);
  const payload = new URLSearchParams({ ...fields, _csrf: s.csrf }).toString();
  return env.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie } });
}

const count = async (env: TestEnv, table: 'residents' | 'resident_events' | 'audit_events') =>
  Number((await env.services.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

bothEngines('residents: register in, validation refuses bad input and writes nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await tenantOf(env.services, 'sisian');
  const town = await settlementId(sisian, 'Sisian');
  const good = { last_name: 'Հովհաննիսյան', first_name: 'Արամ', birth_date: '05.03.1984', sex: 'M', public_service_number: '1234567890', settlement_id: String(town) };
  const created = await post(env, 'operator@sisian.example', '/sisian/staff/registry/residents', good);
  assert.equal(created.statusCode, 303, created.body.slice(0, 500));
  const id = Number(/residents\/(\d+)/.exec(created.headers.location as string)![1]);
  const row = await sisian.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.last_name_latin, 'Hovhannisyan');
  assert.equal(row.birth_date, '1984-03-05');

  const before = [await count(env, 'residents'), await count(env, 'resident_events'), await count(env, 'audit_events')];
  for (const bad of [
    { ...good, public_service_number: '12345' },
    { ...good, public_service_number: '1234567890' },
    { ...good, public_service_number: '', birth_date: '31.02.1990' },
    { ...good, public_service_number: '', last_name: 'ա'.repeat(5000) },
    { ...good, public_service_number: '', sex: 'X' },
  ]) {
    const r = await post(env, 'operator@sisian.example', '/sisian/staff/registry/residents', bad);
    assert.equal(r.statusCode, 400, JSON.stringify(bad).slice(0, 100));
    assert.match(r.body, /error-summary/);
  }
  assert.deepEqual([await count(env, 'residents'), await count(env, 'resident_events'), await count(env, 'audit_events')], before);
});

bothEngines('residents: life events are recorded and never deleted; corrections need a reason', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await tenantOf(env.services, 'sisian');
  const id = await makeResident(sisian, { last_name: 'Պետրոսյան', first_name: 'Անի', settlement_id: String(await settlementId(sisian, 'Sisian')), public_service_number: '1111111111' });
  const url = `/sisian/staff/registry/residents/${id}`;
  const fields = { last_name: 'Պետրոսյան', first_name: 'Անահիտ', birth_date: '1980-05-01', sex: 'F', public_service_number: '1111111111' };
  assert.equal((await post(env, 'operator@sisian.example', url, fields)).statusCode, 400, 'no reason');
  assert.equal((await post(env, 'operator@sisian.example', url, { ...fields, reason: 'Ըստ անձնագրի' })).statusCode, 303);
  assert.equal((await post(env, 'operator@sisian.example', `${url}/events`, { kind: 'moved_out', on_date: '2099-01-01' })).statusCode, 400, 'future');
  assert.equal((await post(env, 'operator@sisian.example', `${url}/events`, { kind: 'moved_out', on_date: '2024-01-10' })).statusCode, 303);
  const events = await sisian.selectFrom('resident_events').select(['kind', 'reason']).where('resident_id', '=', id).orderBy('id').execute();
  assert.deepEqual(events.map((e) => e.kind), ['registered', 'corrected', 'moved_out']);
  const r = await sisian.selectFrom('residents').select(['first_name', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(r, { first_name: 'Անահիտ', status: 'moved_out' });
  const page = await get(env, 'head@sisian.example', url);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ըստ անձնագրի/);
});

bothEngines('residents: settlement heads see their settlement only; other communities get 403/404', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await tenantOf(env.services, 'sisian');
  const jermuk = await tenantOf(env.services, 'jermuk');
  const inTown = await makeResident(sisian, { last_name: 'Սարգսյան', first_name: 'Գոռ', settlement_id: String(await settlementId(sisian, 'Sisian')) });
  const inVillage = await makeResident(sisian, { last_name: 'Ավետիսյան', first_name: 'Լուսինե', sex: 'F', settlement_id: String(await settlementId(sisian, 'Angeghakot')) });
  const jermukId = await makeResident(jermuk, { last_name: 'Մանուկյան', first_name: 'Վահե', settlement_id: String(await settlementId(jermuk, 'Jermuk')) });
  const list = await get(env, 'angeghakot@sisian.example', '/sisian/staff/registry/residents');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Ավետիսյան/);
  assert.doesNotMatch(list.body, /Սարգսյան/);
  assert.equal((await get(env, 'angeghakot@sisian.example', `/sisian/staff/registry/residents/${inTown}`)).statusCode, 404);
  assert.equal((await get(env, 'angeghakot@sisian.example', `/sisian/staff/registry/residents/${inVillage}`)).statusCode, 200);
  assert.equal((await get(env, 'specialist@jermuk.example', `/sisian/staff/registry/residents/${inTown}`)).statusCode, 403);
  assert.equal((await get(env, 'specialist@sisian.example', `/sisian/staff/registry/residents/${jermukId}`)).statusCode, 404);
  assert.equal((await get(env, 'specialist@sisian.example', `/api/v1/communities/sisian/residents/${jermukId}`)).statusCode, 404);
  assert.equal((await get(env, 'accountant@sisian.example', '/sisian/staff/registry/residents')).statusCode, 403);
});

bothEngines('portal: a linked citizen sees which staff viewed their record and when', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await tenantOf(env.services, 'sisian');
  const id = await makeResident(sisian, { last_name: 'Բաղդասարյան', first_name: 'Անի', sex: 'F', public_service_number: '9876501234', settlement_id: String(await settlementId(sisian, 'Sisian')) });
  const before = await get(env, 'ani@citizen.example', '/account/record-views');
  assert.equal(before.statusCode, 200);
  assert.match(before.body, /Citizen Office|Քաղաքացիների սպասարկման/);
  assert.equal((await post(env, 'operator@sisian.example', `/sisian/staff/registry/residents/${id}/link-account`, { contact: 'nobody@nowhere.example' })).statusCode, 400);
  assert.equal((await post(env, 'operator@sisian.example', `/sisian/staff/registry/residents/${id}/link-account`, { contact: 'ani@citizen.example' })).statusCode, 303);
  assert.equal((await get(env, 'head@sisian.example', `/sisian/staff/registry/residents/${id}`)).statusCode, 200);
  const views = await get(env, 'ani@citizen.example', '/account/record-views');
  assert.equal(views.statusCode, 200);
  assert.match(views.body, /Արամ Պետրոսյան/, 'the head who viewed the record');
  assert.match(views.body, /Սիսիան/);
  const audit = await env.services.db.kysely.selectFrom('audit_events').select(['action']).where('entity_type', '=', 'resident').where('entity_id', '=', String(id)).orderBy('id').execute();
  // The refused link re-rendered the record page: a view of it too.
  assert.deepEqual(audit.map((a) => a.action), ['resident.create', 'resident.view', 'resident.link_account', 'resident.view']);
  assert.equal((await env.app.inject({ method: 'GET', url: '/account/record-views' })).statusCode, 303, 'anonymous visitors sign in first');
});

bothEngines('residents: the address is chosen by name and the apartment by its number; an unknown apartment writes nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await tenantOf(env.services, 'sisian');
  const town = String(await settlementId(sisian, 'Sisian'));
  const street = await createStreet(sisian, SYSTEM_ACTOR, streetForm.parse({ settlement_id: town, name_hy: 'Փորձնական' }));
  const address = await saveAddress(sisian, SYSTEM_ACTOR, null, addressForm.parse({ settlement_id: town, street_id: String(street), number: '7', postcode: '', lat: '', lon: '' }));
  await addUnit(sisian, SYSTEM_ACTOR, address, '4');
  const form = await get(env, 'operator@sisian.example', '/sisian/staff/registry/residents/new');
  assert.match(form.body, /<optgroup label="[^"]+">/);
  assert.match(form.body, new RegExp(`<option value="${address}">[^<]+, Փորձնական 7</option>`));
  assert.match(form.body, /name="unit"/);

  const good = { last_name: 'Մկրտչյան', first_name: 'Նարեկ', birth_date: '1990-02-03', sex: 'M', settlement_id: town, address_id: String(address) };
  const before = [await count(env, 'residents'), await count(env, 'resident_events'), await count(env, 'audit_events')];
  const bad = await post(env, 'operator@sisian.example', '/sisian/staff/registry/residents', { ...good, unit: '99' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /error-summary/);
  assert.match(bad.body, /href="#field-unit"/);
  assert.match(bad.body, new RegExp(`<option value="${address}" selected>`), 'the chosen address is kept');
  assert.match(bad.body, /name="unit"[^>]*value="99"|value="99"[^>]*name="unit"/, 'the typed apartment is kept');
  assert.deepEqual([await count(env, 'residents'), await count(env, 'resident_events'), await count(env, 'audit_events')], before, 'nothing written');

  const created = await post(env, 'operator@sisian.example', '/sisian/staff/registry/residents', { ...good, unit: '4' });
  assert.equal(created.statusCode, 303, created.body.slice(0, 500));
  const id = Number(/residents\/(\d+)/.exec(created.headers.location as string)![1]);
  const unitId = (await sisian.selectFrom('address_units').select('id').where('address_id', '=', address).where('number', '=', '4').executeTakeFirstOrThrow()).id;
  assert.equal((await sisian.selectFrom('residents').select('unit_id').where('id', '=', id).executeTakeFirstOrThrow()).unit_id, unitId);

  const moved = { kind: 'moved_within', on_date: '2024-01-10', address_id: String(address) };
  const events = await count(env, 'resident_events');
  assert.equal((await post(env, 'operator@sisian.example', `/sisian/staff/registry/residents/${id}/events`, { ...moved, unit: '5' })).statusCode, 400);
  assert.equal(await count(env, 'resident_events'), events, 'nothing written');
  assert.equal((await post(env, 'operator@sisian.example', `/sisian/staff/registry/residents/${id}/events`, { ...moved, unit: '' })).statusCode, 303);
  assert.equal((await sisian.selectFrom('residents').select('unit_id').where('id', '=', id).executeTakeFirstOrThrow()).unit_id, null);
});
