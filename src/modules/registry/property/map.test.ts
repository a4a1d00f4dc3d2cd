import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { loadConfig } from '../../../config.ts';
import { securityHeaders, tileOrigin } from '../../../platform/http/security-headers.ts';
import { parcelForm, structureForm } from './property.schemas.ts';
import { saveParcel, saveStructure } from './property.service.ts';
import { MAP_LIMIT, project, quotas } from './map.queries.ts';
import { get, PARCEL, settlementOf, tenantOf } from './property.testkit.ts';

const CHIEF = 'chief@sisian.example';

bothEngines('the map: JSON for Leaflet, and an SVG plot and table that work without JavaScript or tiles', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  // In Tolors, and the map narrowed to it, so the demo's points do not crowd ours out.
  const tolors = await settlementOf(tenant, 'Tolors');
  const parcelId = await saveParcel(tenant, SYSTEM_ACTOR, null, null, parcelForm.parse({ ...PARCEL, settlement_id: String(tolors), cadastral_code: '77-704-0001-0001', lat: '39.5206', lon: '46.0312' }));
  const structureId = await saveStructure(tenant, SYSTEM_ACTOR, null, null, structureForm.parse({
    kind: 'building', cadastral_code: '77-704-0001-0001-001', parcel_code: '77-704-0001-0001', area_m2: '90', purpose: 'residential', lat: '39.5210', lon: '46.0320',
  }));
  await saveParcel(tenant, SYSTEM_ACTOR, null, null, parcelForm.parse({ ...PARCEL, settlement_id: String(tolors), cadastral_code: '77-704-0001-0002' }));

  const api = await get(env, CHIEF, `/api/v1/communities/sisian/property/map?settlement=${tolors}`);
  assert.equal(api.statusCode, 200);
  const body = api.json() as { items: { id: number; kind: string; code: string; lat: number; url: string }[]; tileUrl: string | null };
  assert.equal(body.tileUrl, null);
  const mine = body.items.filter((i) => i.code.startsWith('77-704'));
  assert.deepEqual(mine.map((i) => [i.kind, i.code]).sort(), [['building', '77-704-0001-0001-001'], ['parcel', '77-704-0001-0001']]);
  assert.equal(mine.find((i) => i.kind === 'parcel')!.url, `/sisian/staff/registry/parcels/${parcelId}`);
  assert.equal(mine.find((i) => i.kind === 'parcel')!.lat, 39.5206);
  assert.equal((await get(env, 'operator@sisian.example', '/api/v1/communities/sisian/property/map')).statusCode, 403);
  assert.equal((await get(env, null, '/api/v1/communities/sisian/property/map')).statusCode, 401);

  const page = await get(env, CHIEF, `/sisian/staff/registry/map?settlement=${tolors}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<svg[^>]*viewBox="0 0 800 480"/);
  assert.match(page.body, new RegExp(`<a href="structures/${structureId}"><title>77-704-0001-0001-001</title>`), 'links relative to the page');
  assert.match(page.body, new RegExp(`<a href="parcels/${parcelId}">77-704-0001-0001</a>`));
  const slash = await get(env, CHIEF, `/sisian/staff/registry/map/?settlement=${tolors}`);
  assert.deepEqual([slash.statusCode, slash.headers.location], [301, `/sisian/staff/registry/map?settlement=${tolors}`], 'relative links need the canonical path');
  assert.match(page.body, /<th scope="col">/);
  assert.doesNotMatch(page.body, /leaflet\.js/, 'no Leaflet without tiles');
  assert.doesNotMatch(page.body, /<script>/, 'no inline script');
  assert.match(String(page.headers['content-security-policy']), /img-src 'self' data:;/);
});

bothEngines('with a tile server configured the map loads Leaflet and the CSP allows the tile host', async (t, engine) => {
  const env = await setup(t, engine, { env: { MMIS_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' } });
  const tenant = await tenantOf(env.services, 'sisian');
  await saveParcel(tenant, SYSTEM_ACTOR, null, null, parcelForm.parse({ ...PARCEL, cadastral_code: '77-705-0001-0001', lat: '39.5', lon: '46.0' }));
  const page = await get(env, CHIEF, '/sisian/staff/registry/map');
  assert.match(page.body, /<script src="\/static\/vendor\/leaflet\/leaflet\.js" defer/);
  assert.match(page.body, /<script src="\/static\/map\.js" defer/);
  assert.match(page.body, /data-tiles="https:\/\/\{s\}\.tile\.example\.org/);
  assert.match(String(page.headers['content-security-policy']), /img-src 'self' data: https:\/\/\*\.tile\.example\.org/);
  assert.equal((await env.app.inject({ url: '/static/vendor/leaflet/leaflet.js' })).statusCode, 200);
  assert.equal((await env.app.inject({ url: '/static/map.js' })).statusCode, 200);
});

bothEngines('a demo-sized map stays a small page: points capped, a notice, and a settlement filter without JavaScript', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env.services, 'sisian');
  const [sisian, tolors] = [await settlementOf(tenant, 'Sisian'), await settlementOf(tenant, 'Tolors')];
  const now = new Date().toISOString();
  // 2,000 parcels with coordinates, 1,500 in Sisian and 500 in Tolors, by multi-row INSERTs.
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    cadastral_code: `77-8${String(Math.floor(i / 1000)).padStart(2, '0')}-${String(i % 1000).padStart(4, '0')}-0001`,
    settlement_id: i < 1500 ? sisian : tolors, address_id: null, area_m2: 500 + i, purpose: 'agricultural' as const, inside_settlement: 0,
    cadastral_value: 1_000_000, net_income: 50_000, lat: 39.5 + (i % 50) * 0.001, lon: 46.0 + Math.floor(i / 50) * 0.001, created_at: now, updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 400) await tenant.insertInto('parcels', rows.slice(i, i + 400)).execute();

  const page = await get(env, CHIEF, '/sisian/staff/registry/map');
  assert.equal(page.statusCode, 200);
  const bytes = Buffer.byteLength(page.body);
  t.diagnostic(`map page: ${bytes} bytes`);
  assert.ok(bytes < 300_000, `map page is ${bytes} bytes`);
  const all = (await get(env, CHIEF, '/api/v1/communities/sisian/property/map')).json() as { items: unknown[]; total: number };
  assert.ok(all.total >= 2000);
  assert.equal(all.items.length, MAP_LIMIT);
  // Marks in the plot (the legend above it draws one of each kind too).
  const plotOf = (body: string) => body.slice(body.indexOf('<figure class="map-plot">'), body.indexOf('</figure>'));
  const drawn = (body: string) => (plotOf(body).match(/<circle |<rect x="[\d.-]+" y="[\d.-]+" width="10"/g) ?? []).length;
  assert.equal(drawn(page.body), MAP_LIMIT);
  assert.match(page.body, /class="map-legend"[\s\S]*<circle[^>]*><\/circle><\/svg> [^<]+\d<\/li><li><svg[^>]*><rect[^>]*><\/rect><\/svg> [^<]+\d<\/li>[\s\S]*<figure class="map-plot">/, 'a legend above the plot');
  assert.match(page.body, /<details class="map-table"><summary>[^<]+<\/summary>[\s\S]*<table/, 'the thousand-row table is folded away');
  assert.match(page.body, new RegExp(`${MAP_LIMIT}[^<]*${all.total}[^<]*${all.total - MAP_LIMIT}`), 'the notice says how many are not shown');
  assert.match(page.body, /<form method="get" action="\/sisian\/staff\/registry\/map"[^>]*>/);
  assert.match(page.body, /<select[^>]*name="settlement"/);

  const api = (await get(env, CHIEF, `/api/v1/communities/sisian/property/map?settlement=${tolors}`)).json() as { items: unknown[]; total: number };
  assert.ok(api.total >= 500 && api.total < MAP_LIMIT);
  assert.equal(api.items.length, api.total);
  const filtered = await get(env, CHIEF, `/sisian/staff/registry/map?settlement=${tolors}`);
  assert.equal(drawn(filtered.body), api.total);
  assert.doesNotMatch(filtered.body, new RegExp(`${all.total}`), 'all of Tolors fits: no capped notice');
  assert.match(filtered.body, new RegExp(`<option value="${tolors}" selected`));
  const bad = await get(env, CHIEF, '/sisian/staff/registry/map?settlement=abc');
  assert.equal(bad.statusCode, 400, 'a bad filter is refused, not ignored (the map would claim to be filtered)');
  assert.match(bad.body, /<code>settlement<\/code>/);

  const head = (await get(env, 'angeghakot@sisian.example', `/sisian/staff/registry/map?settlement=${tolors}`));
  assert.equal(drawn(head.body), 0, 'a settlement head cannot filter into another settlement');
});

test('tile origins and the plot projection', () => {
  assert.deepEqual(quotas(10, 5, 100), [10, 5]);
  assert.deepEqual(quotas(2000, 0, 1000), [1000, 0]);
  assert.deepEqual(quotas(1500, 500, 1000), [750, 250]);
  assert.deepEqual(quotas(5000, 10, 1000), [998, 2]);
  assert.deepEqual(quotas(100, 5000, 1000), [20, 980]);
  assert.equal(tileOrigin('https://tile.openstreetmap.org/{z}/{x}/{y}.png'), 'https://tile.openstreetmap.org');
  assert.equal(tileOrigin(null), null);
  assert.throws(() => loadConfig({ MMIS_TILE_URL: 'http://insecure.example/{z}/{x}/{y}.png' }));
  assert.doesNotMatch(securityHeaders(loadConfig({}))['Content-Security-Policy']!, /tile/);
  const [a, b] = project([{ lat: 39.5, lon: 46.0 }, { lat: 39.6, lon: 46.1 }], 800, 480);
  assert.ok(a!.x < b!.x, 'east is right');
  assert.ok(a!.y > b!.y, 'north is up');
  for (const p of [a!, b!]) assert.ok(p.x >= 0 && p.x <= 800 && p.y >= 0 && p.y <= 480);
});
