import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { organizationForm } from './organizations.schemas.ts';
import { saveOrganization } from './organizations.service.ts';
import { parcelForm } from '../property/property.schemas.ts';
import { replaceOwners, saveParcel } from '../property/property.service.ts';
import { get, PARCEL, post, tenantOf } from '../property/property.testkit.ts';

const CHIEF = 'chief@sisian.example';
const BASE = '/sisian/staff/registry/organizations';
const ORG = { tax_id: '99000001', name: 'Հովհաննիսյան Շինարարություն', legal_form: 'llc', settlement_id: '', address_id: '', activity: 'Շինարարություն', phone: '', email: '', status: 'active' };

bothEngines('organizations are found by name in any spelling and by tax ID', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const id = await saveOrganization(tenant, SYSTEM_ACTOR, null, organizationForm.parse(ORG));
  const found = async (q: string) => (await get(env, CHIEF, `${BASE}?q=${encodeURIComponent(q)}`)).body.includes(`${BASE}/${id}"`);
  assert.ok(await found('Հովհաննիսյան'), 'Armenian');
  assert.ok(await found('Հովհաննեսյան'), 'ի/ե variant');
  assert.ok(await found('Hovhannisyan'), 'BGN/PCGN');
  assert.ok(await found('Hovannisian shin'), 'another Latin spelling, two words, a prefix');
  assert.ok(await found('Ованнисян'), 'Russian Cyrillic');
  assert.ok(await found('9900000'), 'tax ID prefix');
  assert.ok(!(await found('Պետրոսյան')), 'another name');
  assert.ok(!(await found('99000002')), 'another tax ID');
  assert.equal((await get(env, 'angeghakot@sisian.example', BASE)).statusCode, 403, 'settlement heads do not see organizations');
  // Another community does not see it.
  assert.equal((await get(env, 'specialist@jermuk.example', `/jermuk/staff/registry/organizations/${id}`)).statusCode, 404);
});

bothEngines('organizations: create with validation, unique tax ID, edit re-indexes the name, property owned is listed', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const bad = await post(env, CHIEF, BASE, { ...ORG, tax_id: '1234', name: '', legal_form: 'plc', email: 'nope' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /ՀՎՀՀ-ն 8 թիվ է/);
  assert.equal((await tenant.selectFrom('organizations').select('id').where('tax_id', '=', '99000001').execute()).length, 0);

  const ok = await post(env, CHIEF, BASE, { ...ORG, is_entrepreneur: '1' });
  assert.equal(ok.statusCode, 303);
  const id = Number(/organizations\/(\d+)\?/.exec(ok.headers.location as string)![1]);
  const dup = await post(env, CHIEF, BASE, { ...ORG, name: 'Ուրիշ' });
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /Այս ՀՎՀՀ-ով կազմակերպություն արդեն կա/);

  const edit = await post(env, CHIEF, `${BASE}/${id}`, { ...ORG, name: 'Սիսիանի Կաթ' });
  assert.equal(edit.statusCode, 303);
  const keys = await tenant.selectFrom('search_keys').select('key').where('entity', '=', 'organization').where('entity_id', '=', id).execute();
  assert.ok(keys.length > 0 && !keys.some((k) => k.key.startsWith('ovanis')), 'the old name is no longer indexed');
  assert.match((await get(env, CHIEF, `${BASE}?q=Sisiani`)).body, new RegExp(`${BASE}/${id}"`));

  const parcelId = await saveParcel(tenant, SYSTEM_ACTOR, null, null, parcelForm.parse({ ...PARCEL, cadastral_code: '77-703-0001-0001' }));
  await replaceOwners(tenant, SYSTEM_ACTOR, null, 'parcel', parcelId, { valid_from: '2021-05-01', owners: [{ owner_type: 'organization', ref: '99000001', num: 1, den: 1 }] });
  const page = await get(env, 'accountant@sisian.example', `${BASE}/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /77-703-0001-0001/);
  assert.equal((await post(env, 'operator@sisian.example', BASE, { ...ORG, tax_id: '99000003' })).statusCode, 403);
});
