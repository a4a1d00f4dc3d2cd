// The register exports read through the lists' own queries: the same filters give the same
// rows; settlement heads export only their settlements; resident tenants are named only to
// roles that may see people, and such an export is audited as 'resident.export'.
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { listParcels, listStructures } from '../property/property.queries.ts';
import { parcelListQuery, structureListQuery } from '../property/property.schemas.ts';
import { listOrganizations } from '../organizations/organizations.queries.ts';
import { organizationListQuery } from '../organizations/organizations.schemas.ts';
import { listAssets } from '../assets/assets.queries.ts';
import { assetListQuery } from '../assets/assets.schemas.ts';
import { insertResident, settlementOf, tenantOf } from '../property/property.testkit.ts';

const BASE = '/sisian/staff/registry';

async function exportCsv(env: TestEnv, email: string, url: string): Promise<string[][]> {
  const s = await signInAs(env.services, email);
  const r = await env.app.inject({ method: 'GET', url, headers: { cookie: `${s.cookie}; mmis_lang=en` } });
  assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 300)}`);
  return r.body.replace(/^\uFEFF/, '').trim().split(/\r\n/).slice(1).map((l) => l.split(','));
}

async function exportAudits(env: TestEnv) {
  const rows = await env.services.db.kysely.selectFrom('audit_events').select(['action', 'entity_type', 'after_json'])
    .where('action', 'in', ['registry.export', 'resident.export']).orderBy('seq').execute();
  return rows.map((r) => ({ action: r.action, entity: r.entity_type, after: JSON.parse(r.after_json!) as { register: string; rows: number; filters: object } }));
}

bothEngines('exports: each holds exactly its list for the same filters, and the lists link to them', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const sisian = String(await settlementOf(tenant, 'Sisian'));
  type Q = Record<string, string>;
  const cases: { path: string; query: Q; total: (q: Q) => Promise<number> }[] = [
    { path: 'parcels', query: { settlement: sisian, purpose: 'agricultural', inside: '0' }, total: async (q) => (await listParcels(tenant, null, parcelListQuery.parse(q), 1)).total },
    { path: 'parcels', query: { q: '77' }, total: async (q) => (await listParcels(tenant, null, parcelListQuery.parse(q), 1)).total },
    { path: 'structures', query: { kind: 'building', settlement: sisian }, total: async (q) => (await listStructures(tenant, null, structureListQuery.parse(q), 1)).total },
    { path: 'organizations', query: { status: 'active', q: 'a' }, total: async (q) => (await listOrganizations(tenant, organizationListQuery.parse(q), 1)).total },
    { path: 'organizations', query: { legal_form: 'llc', settlement: sisian }, total: async (q) => (await listOrganizations(tenant, organizationListQuery.parse(q), 1)).total },
    { path: 'assets', query: { kind: 'premises' }, total: async (q) => (await listAssets(tenant, assetListQuery.parse(q), 1)).total },
    { path: 'assets', query: {}, total: async (q) => (await listAssets(tenant, assetListQuery.parse(q), 1)).total },
  ];
  for (const c of cases) {
    const qs = new URLSearchParams(c.query).toString();
    const total = await c.total(c.query);
    const rows = await exportCsv(env, 'chief@sisian.example', `${BASE}/${c.path}/export.csv?${qs}`);
    assert.equal(rows.length, total, `${c.path}?${qs}`);
    const s = await signInAs(env.services, 'chief@sisian.example');
    const page = await env.app.inject({ method: 'GET', url: `${BASE}/${c.path}?${qs}&page=2`, headers: { cookie: `${s.cookie}; mmis_lang=en` } });
    assert.equal(page.statusCode, 200);
    for (const format of ['csv', 'xlsx']) {
      const href = new RegExp(`href="(${BASE}/${c.path}/export\\.${format}[^"]*)"`).exec(page.body)?.[1]?.replace(/&amp;/g, '&');
      assert.ok(href, `${c.path} links its ${format} export`);
      const linked = Object.fromEntries(new URL(href, 'http://x').searchParams);
      assert.deepEqual(linked, c.query, `${c.path}: the ${format} link carries the filters, not the page`);
    }
    assert.match(page.body, /Export CSV/);
  }
  assert.ok((await listParcels(tenant, null, parcelListQuery.parse({}), 1)).total > 50, 'the demo has more than one page of parcels');
  assert.equal((await exportCsv(env, 'chief@sisian.example', `${BASE}/parcels/export.csv`)).length, (await listParcels(tenant, null, parcelListQuery.parse({}), 1)).total);
  const audits = await exportAudits(env);
  assert.equal(audits.length, cases.length + 1);
  assert.deepEqual(audits[2], { action: 'registry.export', entity: 'structures', after: { register: 'structures', format: 'csv', filters: { kind: 'building', settlement: Number(sisian) }, rows: audits[2]!.after.rows } });
});

bothEngines('exports: a settlement head exports only parcels and structures of their settlements', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const angeghakot = await settlementOf(tenant, 'Angeghakot');
  const head = 'angeghakot@sisian.example';
  const parcels = await exportCsv(env, head, `${BASE}/parcels/export.csv`);
  const all = (await listParcels(tenant, null, parcelListQuery.parse({}), 1)).total;
  assert.equal(parcels.length, (await listParcels(tenant, [angeghakot], parcelListQuery.parse({}), 1)).total);
  assert.ok(parcels.length < all, 'fewer than the whole community');
  assert.ok(parcels.every((r) => r[1] === 'Անգեղակոթ'), 'every parcel in Angeghakot');
  const structures = await exportCsv(env, head, `${BASE}/structures/export.csv`);
  assert.equal(structures.length, (await listStructures(tenant, [angeghakot], structureListQuery.parse({}), 1)).total);
  assert.ok(structures.length < (await listStructures(tenant, null, structureListQuery.parse({}), 1)).total);
  const sisian = await settlementOf(tenant, 'Sisian');
  assert.equal((await exportCsv(env, head, `${BASE}/parcels/export.csv?settlement=${sisian}`)).length, 0, 'another settlement by filter: nothing');
  const s = await signInAs(env.services, head);
  assert.equal((await env.app.inject({ method: 'GET', url: `${BASE}/assets/export.csv`, headers: { cookie: s.cookie } })).statusCode, 403);
});

bothEngines('exports: assets with the current lease; resident tenants named only to people readers', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const residentId = await insertResident(tenant, '9900000077', 'Զզզյան', 'Վարդան');
  const now = new Date().toISOString();
  const asset = await tenant.insertInto('assets', {
    name: 'Արտահանման դահլիճ', kind: 'premises', parcel_id: null, structure_id: null, address_id: null, book_value: 1_000_000, acquired_on: null, notes: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await tenant.insertInto('leases', {
    asset_id: asset.id, tenant_resident_id: residentId, tenant_organization_id: null, tenant_name: 'Զզզյան Վարդան', starts_on: '2000-01-01', ends_on: '2999-12-31',
    rent: 30_000, rent_period: 'month', status: 'active', created_at: now, updated_at: now,
  }).execute();
  assert.ok(todayInYerevan() < '2999-12-31');

  const chief = await exportCsv(env, 'chief@sisian.example', `${BASE}/assets/export.csv?kind=premises`);
  const mine = chief.find((r) => r[0] === 'Արտահանման դահլիճ');
  assert.ok(mine);
  assert.deepEqual(mine.slice(5, 10), ['active', 'Զզզյան Վարդան', '30000', 'month', '2000-01-01']);
  const accountant = await exportCsv(env, 'accountant@sisian.example', `${BASE}/assets/export.csv?kind=premises`);
  assert.equal(accountant.length, chief.length);
  assert.ok(!accountant.flat().some((c) => c.includes('Զզզյան')), 'no resident names without registry.people_view');
  assert.equal(accountant.find((r) => r[0] === 'Արտահանման դահլիճ')![6], 'Resident');

  const audits = await exportAudits(env);
  assert.deepEqual(audits.map((a) => [a.action, a.entity]), [['resident.export', 'resident'], ['registry.export', 'assets']]);
  assert.equal(audits[0]!.after.register, 'assets');
  assert.equal(audits[0]!.after.rows, chief.length);
  const s = await signInAs(env.services, 'operator@sisian.example');
  assert.equal((await env.app.inject({ method: 'GET', url: `${BASE}/assets/export.xlsx`, headers: { cookie: s.cookie } })).statusCode, 403, 'operators do not see assets');
});
