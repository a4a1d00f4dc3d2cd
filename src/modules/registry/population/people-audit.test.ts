// Every read that shows a person names that person in the audit, and the citizen sees it:
// the household page, a search, the plain list, an export, the record page (with its
// household), one event per person shown; each appears on the citizen's "who viewed my
// record" with where it was shown; the audit chain still verifies.
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { verifyAuditChains } from '../../../platform/audit/verify.ts';
import { tenantOf } from './residents.test-helpers.ts';

const STAFF = 'specialist@sisian.example';
const HAYK = 'hayk@citizen.example';

async function get(env: TestEnv, email: string, url: string) {
  const s = await signInAs(env.services, email);
  return env.app.inject({ method: 'GET', url, headers: { cookie: `${s.cookie}; mmis_lang=en` } });
}

/** The 'resident.view' events written since `after` (an audit event id): resident id → the ways shown. */
async function viewsSince(env: TestEnv, after: number): Promise<{ resident: number; via: string; actor: string }[]> {
  const rows = await env.services.db.kysely.selectFrom('audit_events').select(['entity_id', 'after_json', 'actor_label'])
    .where('id', '>', after).where('action', '=', 'resident.view').orderBy('id').execute();
  return rows.map((r) => ({ resident: Number(r.entity_id), via: String((JSON.parse(r.after_json ?? '{}') as { via?: string }).via), actor: r.actor_label }));
}

const lastEventId = async (env: TestEnv) => Number((await env.services.db.kysely.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id);

bothEngines('people audit: household, search, list, export and record page name every person shown; the citizen sees each', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await tenantOf(env.services, 'sisian');
  const db = env.services.db.kysely;
  const staff = await db.selectFrom('users').select('full_name').where('email', '=', STAFF).executeTakeFirstOrThrow();
  const psn = (await db.selectFrom('users').select('verified_psn').where('email', '=', HAYK).executeTakeFirstOrThrow()).verified_psn!;
  const hayk = await sisian.selectFrom('residents').select(['id', 'household_id', 'last_name']).where('public_service_number', '=', psn).executeTakeFirstOrThrow();
  assert.ok(hayk.household_id, 'the demo citizen lives in a household');
  const members = (await sisian.selectFrom('residents').select('id').where('household_id', '=', hayk.household_id).execute()).map((m) => m.id).sort((a, b) => a - b);
  assert.ok(members.length >= 2, `${members.length} members`);

  // The household page shows every member: one event each.
  let mark = await lastEventId(env);
  assert.equal((await get(env, STAFF, `/sisian/staff/registry/households/${hayk.household_id}`)).statusCode, 200);
  let views = await viewsSince(env, mark);
  assert.deepEqual(views.map((v) => v.resident).sort((a, b) => a - b), members);
  assert.ok(views.every((v) => v.via === 'household' && v.actor === staff.full_name));

  // A search: every resident on the result page, and the search itself.
  mark = await lastEventId(env);
  const search = await get(env, STAFF, `/sisian/staff/registry/residents?q=${encodeURIComponent(hayk.last_name)}`);
  assert.equal(search.statusCode, 200);
  const shown = [...new Set([...search.body.matchAll(/\/staff\/registry\/residents\/(\d+)"/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  views = await viewsSince(env, mark);
  assert.ok(shown.includes(hayk.id) && shown.length > 1, `${shown.length} found`);
  assert.deepEqual(views.map((v) => v.resident).sort((a, b) => a - b), shown, 'one event per person on the page');
  assert.ok(views.every((v) => v.via === 'search'));
  const summary = await db.selectFrom('audit_events').select('after_json').where('id', '>', mark).where('action', '=', 'resident.search').execute();
  assert.equal(summary.length, 1);
  assert.equal(JSON.parse(summary[0]!.after_json!).q, hayk.last_name);

  // The plain list (no search) shows people too: a page of them.
  mark = await lastEventId(env);
  assert.equal((await get(env, STAFF, '/sisian/staff/registry/residents')).statusCode, 200);
  views = await viewsSince(env, mark);
  assert.equal(views.length, 50, 'a page of the list');
  assert.ok(views.every((v) => v.via === 'list'));

  // An export: one event per row.
  mark = await lastEventId(env);
  const csv = await get(env, STAFF, `/sisian/staff/registry/residents/export.csv?q=${encodeURIComponent(hayk.last_name)}`);
  assert.equal(csv.statusCode, 200);
  const lines = csv.body.trim().split(/\r?\n/).length - 1;
  views = await viewsSince(env, mark);
  assert.equal(views.length, lines, `${lines} rows exported`);
  assert.ok(views.some((v) => v.resident === hayk.id) && views.every((v) => v.via === 'export'));

  // The record page: the record, and its household members listed on it.
  mark = await lastEventId(env);
  assert.equal((await get(env, STAFF, `/sisian/staff/registry/residents/${hayk.id}`)).statusCode, 200);
  views = await viewsSince(env, mark);
  assert.deepEqual(views.filter((v) => v.via === 'page').map((v) => v.resident), [hayk.id]);
  assert.deepEqual(views.filter((v) => v.via === 'household').map((v) => v.resident).sort((a, b) => a - b), members.filter((m) => m !== hayk.id));

  // The citizen sees each of these on "who viewed my record", with where it was shown.
  const page = await get(env, HAYK, '/account/record-views');
  assert.equal(page.statusCode, 200);
  for (const where of ['Household members', 'Search results', 'List export (CSV/XLSX)', 'Your record page']) {
    assert.match(page.body, new RegExp(`<td[^>]*>${where.replace(/[()]/g, '\\$&')}</td>`), where);
  }
  assert.ok(page.body.includes(staff.full_name));

  assert.deepEqual((await verifyAuditChains(db)).problems, [], 'the audit chain verifies');
});
