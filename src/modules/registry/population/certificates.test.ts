import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { addressForm, streetForm } from './population.schemas.ts';
import { addUnit, createStreet, saveAddress } from '../addresses/addresses.service.ts';
import { householdCompositionData, residenceCertificateData } from './certificates.ts';
import { makeResident, settlementId, tenantOf } from './residents.test-helpers.ts';

bothEngines('certificate data: residence and household composition, one query each', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const town = String(await settlementId(tenant, 'Sisian'));
  const street = await createStreet(tenant, SYSTEM_ACTOR, streetForm.parse({ settlement_id: town, name_hy: 'Սիսական' }));
  const address = await saveAddress(tenant, SYSTEM_ACTOR, null, addressForm.parse({ settlement_id: town, street_id: String(street), number: '12', postcode: '3301', lat: '39.52', lon: '46.03' }));
  await addUnit(tenant, SYSTEM_ACTOR, address, '3');
  const unit = (await tenant.selectFrom('address_units').select('id').where('address_id', '=', address).executeTakeFirstOrThrow()).id;
  const at = { settlement_id: town, address_id: String(address), unit: '3' };
  const head = await makeResident(tenant, { last_name: 'Սարգսյան', first_name: 'Տիգրան', public_service_number: '1000000001', registered_on: '2010-04-01', ...at });
  assert.equal((await tenant.selectFrom('residents').select('unit_id').where('id', '=', head).executeTakeFirstOrThrow()).unit_id, unit, 'apartment "3" resolved to its unit');
  await makeResident(tenant, { last_name: 'Սարգսյան', first_name: 'Մարիամ', sex: 'F', birth_date: '2012-01-02', public_service_number: '1000000002', ...at });

  const s = await signInAs(env.services, 'operator@sisian.example');
  const post = (url: string, fields: Record<string, string>) =>
    env.app.inject({ method: 'POST', url, payload: new URLSearchParams({ ...fields, _csrf: s.csrf }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie } });
  const created = await post('/sisian/staff/registry/households', { resident_id: String(head) });
  assert.equal(created.statusCode, 303);
  const hh = Number(/households\/(\d+)/.exec(created.headers.location as string)![1]);
  assert.equal((await post(`/sisian/staff/registry/households/${hh}/members`, { public_service_number: '1000000002', relationship: 'child' })).statusCode, 303);
  assert.equal((await post(`/sisian/staff/registry/households/${hh}/members`, { public_service_number: '9999999999', relationship: 'child' })).statusCode, 400);

  const residence = await residenceCertificateData(tenant, head);
  assert.equal(residence?.address, 'Սիսիան, Սիսական 12, բն. 3');
  assert.equal(residence?.registeredSince, '2010-04-01');
  assert.equal(residence?.resident.publicServiceNumber, '1000000001');
  const composition = await householdCompositionData(tenant, { residentId: head });
  assert.deepEqual(composition?.members.map((m) => [m.name, m.relationship]), [['Սարգսյան Տիգրան', 'head'], ['Սարգսյան Մարիամ', 'child']]);
  assert.deepEqual(await householdCompositionData(tenant, { householdId: hh }), composition);
  const jermuk = await tenantOf(env.services, 'jermuk');
  assert.equal(await residenceCertificateData(jermuk, head), null, 'another community sees nothing');
  const page = await env.app.inject({ method: 'GET', url: `/sisian/staff/registry/households/${hh}`, headers: { cookie: s.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Մարիամ/);
});
