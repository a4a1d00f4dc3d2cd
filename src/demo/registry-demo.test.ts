// The registers demo: the promised counts in Sisian, rows of every registry table in
// Jermuk (so the isolation suite has something to probe on both sides), consistent
// ownership shares, and the same data on every run.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bothEngines, setup } from '../../test/helpers.ts';
import type { Services } from '../platform/module/contract.ts';
import { sharesSumToOne } from '../modules/registry/identifiers.ts';

const TABLES = [
  'streets', 'addresses', 'address_units', 'households', 'residents', 'resident_events', 'search_keys',
  'organizations', 'parcels', 'structures', 'ownerships', 'assets', 'leases', 'import_runs',
] as const;

async function communityId(services: Services, slug: string): Promise<number> {
  return (await services.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

async function count(services: Services, table: string, cid: number, where = sql`1 = 1`): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where community_id = ${cid} and ${where}`.execute(services.db.kysely);
  return Number(r.rows[0]!.n);
}

bothEngines('the registers demo seeds Sisian at full size and Jermuk with every table', async (t, engine) => {
  const { services } = await setup(t, engine);
  const sisian = await communityId(services, 'sisian');
  const jermuk = await communityId(services, 'jermuk');

  assert.ok((await count(services, 'residents', sisian, sql`status = 'registered'`)) >= 2000);
  assert.ok((await count(services, 'households', sisian)) >= 600);
  assert.ok((await count(services, 'parcels', sisian)) >= 1000);
  assert.ok((await count(services, 'structures', sisian)) >= 550);
  assert.equal(await count(services, 'organizations', sisian), 100);
  assert.ok((await count(services, 'assets', sisian)) >= 15);
  assert.ok((await count(services, 'leases', sisian)) >= 8);
  assert.ok((await count(services, 'residents', sisian, sql`status = 'moved_out'`)) > 0);
  assert.ok((await count(services, 'residents', sisian, sql`status = 'deceased'`)) > 0);
  assert.ok((await count(services, 'resident_events', sisian, sql`kind = 'died'`)) > 0);
  assert.ok((await count(services, 'parcels', sisian, sql`inside_settlement = 0 and purpose = 'agricultural'`)) > 300);
  for (const status of ['active', 'ended', 'draft']) assert.ok((await count(services, 'leases', sisian, sql`status = ${status}`)) > 0, status);

  for (const table of TABLES) assert.ok((await count(services, table, jermuk)) > 0, `${table} has Jermuk rows`);
  assert.ok((await count(services, 'residents', jermuk)) >= 50);
  assert.ok((await count(services, 'parcels', jermuk)) >= 20);
  assert.ok((await count(services, 'structures', jermuk)) >= 10);

  // Every resident is searchable; PSNs and tax IDs have the right shape.
  const unkeyed = await sql<{ n: number }>`select count(*) as n from residents r where not exists (select 1 from search_keys k where k.entity = 'resident' and k.entity_id = r.id)`.execute(services.db.kysely);
  assert.equal(Number(unkeyed.rows[0]!.n), 0);
  const psns = await services.db.kysely.selectFrom('residents').select(['public_service_number', 'last_name']).execute();
  assert.ok(psns.every((r) => /^\d{10}$/.test(r.public_service_number ?? '') && r.last_name.endsWith('յան')));
  const taxIds = await services.db.kysely.selectFrom('organizations').select('tax_id').execute();
  assert.ok(taxIds.every((r) => /^\d{8}$/.test(r.tax_id)));

  // The shares of every object's current owners add up to one; every kind of owner occurs.
  const shares = await services.db.kysely.selectFrom('ownerships').select(['object_type', 'object_id', 'share_num', 'share_den', 'owner_type']).execute();
  const byObject = new Map<string, { num: number; den: number }[]>();
  for (const s of shares) byObject.set(`${s.object_type}:${s.object_id}`, [...(byObject.get(`${s.object_type}:${s.object_id}`) ?? []), { num: s.share_num, den: s.share_den }]);
  for (const [key, list] of byObject) assert.ok(sharesSumToOne(list), key);
  assert.deepEqual(new Set(shares.map((s) => s.owner_type)), new Set(['resident', 'organization', 'community', 'other']));
  assert.ok(shares.some((s) => s.share_den === 2) && shares.some((s) => s.share_den === 3));

  const seeded = await services.db.kysely.selectFrom('audit_events').select('entity_id').where('action', '=', 'registry.demo_seed').where('community_id', '=', sisian).execute();
  assert.deepEqual(seeded.map((e) => e.entity_id).sort(), ['addresses', 'assets', 'organizations', 'population', 'property']);
});

bothEngines('the registers demo is deterministic', async (t, engine) => {
  const a = await setup(t, engine);
  const b = await setup(t, engine);
  const psns = async (s: Services) =>
    (await s.db.kysely.selectFrom('residents').select(['public_service_number', 'first_name', 'birth_date']).orderBy('id').execute()).map((r) => `${r.public_service_number} ${r.first_name} ${r.birth_date}`);
  const codes = async (s: Services) => (await s.db.kysely.selectFrom('parcels').select('cadastral_code').orderBy('id').execute()).map((r) => r.cadastral_code);
  assert.deepEqual(await psns(a.services), await psns(b.services));
  assert.deepEqual(await codes(a.services), await codes(b.services));
});
