import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { addressForm, streetForm } from './population.schemas.ts';
import { createStreet, saveAddress } from '../addresses/addresses.service.ts';
import { searchResidents } from './people-search.ts';
import { freshCommunity, grantRole, makeResident, settlementId } from './residents.test-helpers.ts';

const opts = { today: '2026-11-26', limit: 20, offset: 0 };

async function world(env: TestEnv) {
  const tenant = await freshCommunity(env.services, 'searchville');
  const town = await settlementId(tenant, 'Sisian');
  const village = await settlementId(tenant, 'Tolors');
  const street = await createStreet(tenant, SYSTEM_ACTOR, streetForm.parse({ settlement_id: String(village), name_hy: 'Գարեգին Նժդեհի' }));
  const address = await saveAddress(tenant, SYSTEM_ACTOR, null, addressForm.parse({ settlement_id: String(village), street_id: String(street), number: '7' }));
  const ids = {
    hovhannisyan: await makeResident(tenant, { last_name: 'Հովհաննիսյան', first_name: 'Արամ', patronymic: 'Սերգեյի', public_service_number: '2233445566', settlement_id: String(town) }),
    hovhannesyan: await makeResident(tenant, { last_name: 'Հովհաննեսյան', first_name: 'Աննա', sex: 'F', settlement_id: String(town) }),
    petrosyan: await makeResident(tenant, { last_name: 'Պետրոսյան', first_name: 'Գայանե', sex: 'F', settlement_id: String(village), address_id: String(address) }),
    grigoryan: await makeResident(tenant, { last_name: 'Գրիգորյան', first_name: 'Արամ', settlement_id: String(town) }),
  };
  return { tenant, ids };
}

async function find(tenant: TenantDb, q: string) {
  return searchResidents(tenant, null, q, opts);
}

bothEngines('search finds a person by every spelling, part of a name, PSN and address, ranked', async (t, engine) => {
  const env = await setup(t, engine);
  const { tenant, ids } = await world(env);
  const both = [ids.hovhannisyan, ids.hovhannesyan].sort();
  for (const q of ['Հովհաննիսյան', 'Հովհաննեսյան', 'Hovhannisyan', 'Hovannisian', 'Howhannisjan', 'Ованнисян', 'hovhan', 'Հովհ']) {
    const r = await find(tenant, q);
    assert.deepEqual(r.rows.map((x) => x.id).sort(), both, q);
    assert.equal(r.total, 2, q);
  }
  // Exact spelling first.
  assert.equal((await find(tenant, 'Հովհաննեսյան')).rows[0]!.id, ids.hovhannesyan);
  assert.equal((await find(tenant, 'Հովհաննիսյան')).rows[0]!.id, ids.hovhannisyan);
  // Several tokens intersect.
  assert.deepEqual((await find(tenant, 'Aram Hovhannisyan')).rows.map((x) => x.id), [ids.hovhannisyan]);
  assert.deepEqual((await find(tenant, 'Արամ')).rows.map((x) => x.id).sort(), [ids.hovhannisyan, ids.grigoryan].sort());
  assert.deepEqual((await find(tenant, 'Петросян')).rows.map((x) => x.id), [ids.petrosyan]);
  // PSN exact.
  assert.deepEqual((await find(tenant, '2233445566')).rows.map((x) => x.id), [ids.hovhannisyan]);
  assert.equal((await find(tenant, '2233445567')).total, 0);
  // Address when no name matches.
  const byStreet = await find(tenant, 'Նժդեհի');
  assert.equal(byStreet.by, 'address');
  assert.deepEqual(byStreet.rows.map((x) => x.id), [ids.petrosyan]);
  assert.deepEqual((await find(tenant, 'Tolors')).rows.map((x) => x.id), [ids.petrosyan]);
  // Paging keeps the total.
  const paged = await searchResidents(tenant, null, 'Hovhannisyan', { ...opts, limit: 1, offset: 1 });
  assert.equal(paged.total, 2);
  assert.equal(paged.rows.length, 1);
  // A settlement head's scope.
  const scoped = await searchResidents(tenant, [await settlementId(tenant, 'Tolors')], 'Hovhannisyan', opts);
  assert.equal(scoped.total, 0);
});

bothEngines('search through the page and the API is audited with the query, and a view of each person found', async (t, engine) => {
  const env = await setup(t, engine);
  const { ids, tenant } = await world(env);
  await grantRole(env.services, 'specialist@sisian.example', tenant, 'specialist');
  const s = await signInAs(env.services, 'specialist@sisian.example');
  const page = await env.app.inject({ method: 'GET', url: `/searchville/staff/registry/residents?q=${encodeURIComponent('Ованнисян')}`, headers: { cookie: s.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Հովհաննեսյան/);
  const api = await env.app.inject({ method: 'GET', url: '/api/v1/communities/searchville/residents?q=Hovannisian', headers: { cookie: s.cookie } });
  assert.equal(api.statusCode, 200);
  const body = api.json() as { items: { id: number; lastName: string; settlement: { name: string } }[]; total: number };
  assert.equal(body.total, 2);
  assert.deepEqual(body.items.map((i) => i.id).sort(), [ids.hovhannisyan, ids.hovhannesyan].sort());
  assert.equal(body.items[0]!.settlement.name, 'Սիսիան');
  const one = await env.app.inject({ method: 'GET', url: `/api/v1/communities/searchville/residents/${ids.petrosyan}`, headers: { cookie: s.cookie } });
  assert.equal(one.statusCode, 200);
  const audit = await env.services.db.kysely.selectFrom('audit_events').select(['action', 'entity_id', 'after_json', 'actor_label']).where('action', 'in', ['resident.search', 'resident.view']).where('community_id', '=', tenant.communityId).orderBy('id').execute();
  // Each person a search shows is a read of their record (the citizen sees it), besides the search itself.
  const found = { action: 'resident.view', after: { via: 'search' } };
  assert.deepEqual(audit.map((a) => ({ action: a.action, after: a.after_json ? JSON.parse(a.after_json) : null })), [
    { action: 'resident.search', after: { q: 'Ованнисян', count: 2 } }, found, found,
    { action: 'resident.search', after: { q: 'Hovannisian', count: 2 } }, found, found,
    { action: 'resident.view', after: { via: 'api' } },
  ]);
  for (const i of [1, 4]) assert.deepEqual([audit[i]!.entity_id, audit[i + 1]!.entity_id].sort(), [String(ids.hovhannisyan), String(ids.hovhannesyan)].sort());
  assert.equal(audit[6]!.entity_id, String(ids.petrosyan));
});

bothEngines('search survives garbage: control characters, LIKE wildcards, long input', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await freshCommunity(env.services, 'garbage');
  for (const q of ['%%\u0000<script>', '_%\\', 'ա'.repeat(300), '1234567890 %', '   ']) {
    const r = await searchResidents(tenant, null, q, opts);
    assert.equal(r.total, 0, JSON.stringify(q));
  }
});

bothEngines('exports (CSV, XLSX) keep the filters and search, and are audited', async (t, engine) => {
  const env = await setup(t, engine);
  const { tenant } = await world(env);
  await grantRole(env.services, 'specialist@sisian.example', tenant, 'specialist');
  const s = await signInAs(env.services, 'specialist@sisian.example');
  const csv = await env.app.inject({ method: 'GET', url: '/searchville/staff/registry/residents/export.csv?q=Hovannisian&sex=F', headers: { cookie: s.cookie } });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  const lines = csv.body.trim().split('\r\n');
  assert.equal(lines.length, 2, csv.body);
  assert.match(lines[1]!, /Հովհաննեսյան/);
  const xlsx = await env.app.inject({ method: 'GET', url: '/searchville/staff/registry/residents/export.xlsx', headers: { cookie: s.cookie } });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  const audit = await env.services.db.kysely.selectFrom('audit_events').select(['after_json']).where('action', '=', 'resident.export').where('community_id', '=', tenant.communityId).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => { const v = JSON.parse(a.after_json!) as { format: string; rows: number }; return [v.format, v.rows]; }), [['csv', 1], ['xlsx', 4]]);
});
