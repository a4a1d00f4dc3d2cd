// The register search finds Ղազարյան as Казарян (and Газарян, Kazarian, Ghazaryan), and keys
// stored under older folding rules are folded again by the migration's refoldSearchKeys:
// until then the Russian spelling misses, afterwards it finds, and a second run does nothing.
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../test/helpers.ts';
import { signInAs } from '../../../test/session.ts';
import { refoldSearchKeys } from './search-refold.ts';
import { searchResidents } from './population/people-search.ts';
import { tenantOf } from './population/residents.test-helpers.ts';

async function api(env: TestEnv, q: string): Promise<number[]> {
  const s = await signInAs(env.services, 'specialist@sisian.example');
  const res = await env.app.inject({ method: 'GET', url: `/api/v1/communities/sisian/residents?q=${encodeURIComponent(q)}`, headers: { cookie: s.cookie } });
  assert.equal(res.statusCode, 200);
  return (res.json() as { items: { id: number }[] }).items.map((i) => i.id);
}

bothEngines('search: Казарян and every other spelling find Ղազարյան; stale keys are folded again', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const sisian = await tenantOf(env.services, 'sisian');
  const ghazaryans = (await sisian.selectFrom('residents').select('id').where('last_name', '=', 'Ղազարյան').execute()).map((r) => r.id).sort((a, b) => a - b);
  assert.ok(ghazaryans.length > 5, `${ghazaryans.length} in the demo`);
  const found = async (q: string) => (await searchResidents(sisian, null, q, { today: '2026-12-07', limit: 500, offset: 0 })).rows.map((r) => r.id).sort((a, b) => a - b);
  for (const q of ['Казарян', 'Газарян', 'Kazarian', 'Ghazaryan', 'Ղազարյան', 'Каз']) {
    const ids = await found(q);
    assert.ok(ghazaryans.every((id) => ids.includes(id)), `${q} finds every Ղազարյան`);
  }
  assert.deepEqual((await api(env, 'Казарян')).filter((id) => ghazaryans.includes(id)).length, Math.min(ghazaryans.length, 50), 'through the API too');

  // Keys as an older folding stored them (Ղ as g): the Russian spelling with К misses them.
  await db.updateTable('search_keys').set({ key: 'gazaryan' }).where('entity', '=', 'resident').where('entity_id', 'in', ghazaryans).where('key', '=', 'kazaryan').execute();
  await db.updateTable('residents').set({ search_key: 'gazaryan' }).where('id', 'in', ghazaryans).execute();
  assert.ok(!(await found('Казарян')).some((id) => ghazaryans.includes(id)), 'stale keys miss');

  const first = await refoldSearchKeys(db);
  assert.equal(first.residents, ghazaryans.length, 'only the stale records are rewritten');
  assert.equal(first.organizations, 0);
  assert.deepEqual((await found('Казарян')).filter((id) => ghazaryans.includes(id)), ghazaryans);
  const row = await sisian.selectFrom('residents').select(['search_key']).where('id', '=', ghazaryans[0]!).executeTakeFirstOrThrow();
  assert.match(row.search_key, /\bkazaryan\b/);
  assert.deepEqual(await refoldSearchKeys(db), { residents: 0, organizations: 0 }, 'a second run finds nothing to do');
});
