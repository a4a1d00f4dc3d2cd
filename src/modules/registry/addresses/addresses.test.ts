import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { settlementId, tenantOf } from '../population/residents.test-helpers.ts';

async function post(env: TestEnv, email: string, url: string, fields: Record<string, string>) {
  const s = await signInAs(env.services, email);
  const payload = new URLSearchParams({ ...fields, _csrf: s.csrf }).toString();
  return env.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie } });
}

bothEngines('gazetteer: streets, addresses and apartments are created, edited, validated and audited', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await tenantOf(env.services, 'sisian');
  const jermuk = await tenantOf(env.services, 'jermuk');
  const village = String(await settlementId(sisian, 'Tolors'));
  const A = '/sisian/staff/registry/addresses';
  assert.equal((await post(env, 'operator@sisian.example', `${A}/streets`, { settlement_id: village, name_hy: 'Փորձնական' })).statusCode, 403);
  assert.equal((await post(env, 'specialist@sisian.example', `${A}/streets`, { settlement_id: village, name_hy: 'Փորձնական' })).statusCode, 303);
  const street = await sisian.selectFrom('streets').select(['id', 'name_en']).where('name_hy', '=', 'Փորձնական').executeTakeFirstOrThrow();
  assert.equal(street.name_en, 'Pordznakan');
  const streets = await sisian.selectFrom('streets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  for (const bad of [{ settlement_id: village, name_hy: '' }, { settlement_id: String(await settlementId(jermuk, 'Jermuk')), name_hy: 'X' }, { settlement_id: village, name_hy: 'ա'.repeat(500) }]) {
    assert.equal((await post(env, 'specialist@sisian.example', `${A}/streets`, bad)).statusCode, 400);
  }
  assert.deepEqual(await sisian.selectFrom('streets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), streets);

  const created = await post(env, 'specialist@sisian.example', A, { settlement_id: village, street_id: String(street.id), number: '12Ա', postcode: '3318', lat: '39.5', lon: '46.0' });
  assert.equal(created.statusCode, 303);
  const id = Number(/addresses\/(\d+)/.exec(created.headers.location as string)![1]);
  assert.equal((await post(env, 'specialist@sisian.example', A, { settlement_id: village, number: '1', lat: '95' })).statusCode, 400, 'latitude outside Armenia');
  assert.equal((await post(env, 'specialist@sisian.example', `${A}/${id}`, { settlement_id: village, street_id: String(street.id), number: '14', postcode: '331' })).statusCode, 400);
  assert.equal((await post(env, 'specialist@sisian.example', `${A}/${id}`, { settlement_id: village, street_id: String(street.id), number: '14' })).statusCode, 303);
  assert.equal((await post(env, 'specialist@sisian.example', `${A}/${id}/units`, { number: '5' })).statusCode, 303);
  assert.equal((await post(env, 'specialist@sisian.example', `${A}/${id}/units`, { number: '5' })).statusCode, 400, 'the same apartment twice');
  const a = await sisian.selectFrom('addresses').select(['number', 'postcode', 'lat']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(a, { number: '14', postcode: null, lat: null });
  const actions = await env.services.db.kysely.selectFrom('audit_events').select('action').where('community_id', '=', sisian.communityId).where('action', 'like', '%ddress%').orderBy('id').execute();
  assert.deepEqual(actions.map((x) => x.action), ['address.create', 'address.update', 'address.add_unit']);
  const s = await signInAs(env.services, 'head@sisian.example');
  const page = await env.app.inject({ method: 'GET', url: `${A}?settlement_id=${village}`, headers: { cookie: s.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Փորձնական/);
  assert.doesNotMatch(page.body, /id="new-street"/, 'the head may look but not edit');
});
