import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../test/helpers.ts';
import { signInAs } from '../../../test/session.ts';
import { DEMO_STAFF } from '../../demo/demo-data.ts';

function form(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

async function post(env: TestEnv, email: string, url: string, fields: Record<string, string>) {
  const s = await signInAs(env.services, email);
  const f = form({ ...fields, _csrf: s.csrf });
  return env.app.inject({ method: 'POST', url, payload: f.payload, headers: { ...f.headers, cookie: s.cookie } });
}

async function get(env: TestEnv, email: string | null, url: string) {
  const headers: Record<string, string> = {};
  if (email) headers.cookie = (await signInAs(env.services, email)).cookie;
  return env.app.inject({ method: 'GET', url, headers });
}

async function userId(env: TestEnv, email: string): Promise<number> {
  return (await env.services.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function rolesOf(env: TestEnv, email: string, slug: string) {
  return env.services.db.kysely
    .selectFrom('role_assignments')
    .innerJoin('communities', 'communities.id', 'role_assignments.community_id')
    .select(['role_assignments.id', 'role_assignments.role', 'role_assignments.settlement_id'])
    .where('role_assignments.user_id', '=', await userId(env, email))
    .where('communities.slug', '=', slug)
    .execute();
}

async function auditActions(env: TestEnv, entityId: number) {
  const rows = await env.services.db.kysely
    .selectFrom('audit_events')
    .select(['action', 'before_json', 'after_json', 'actor_label'])
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
  return rows;
}

bothEngines('the dashboard opens for every Sisian role, not for Jermuk staff or anonymous visitors', async (t, engine) => {
  const env = await setup(t, engine);
  for (const s of DEMO_STAFF.filter((x) => x.community === 'sisian')) {
    const res = await get(env, s.email, '/sisian/staff');
    assert.equal(res.statusCode, 200, `${s.role} sees the dashboard`);
    assert.match(res.body, /<h1>Սիսիան<\/h1>/);
    assert.ok(res.body.length < 100_000, 'the page stays small');
  }
  assert.equal((await get(env, 'specialist@jermuk.example', '/sisian/staff')).statusCode, 403);
  const anonymous = await get(env, null, '/sisian/staff');
  assert.equal(anonymous.statusCode, 303);
  assert.match(anonymous.headers.location as string, /^\/signin\?next=/);
});

bothEngines('the dashboard links only to sections the user may open', async (t, engine) => {
  const env = await setup(t, engine);
  const specialist = await get(env, 'specialist@sisian.example', '/sisian/staff');
  assert.doesNotMatch(specialist.body, /href="\/sisian\/staff\/people"/);
  assert.doesNotMatch(specialist.body, /href="\/sisian\/staff\/settings"/);
  const admin = await get(env, 'it@sisian.example', '/sisian/staff');
  assert.match(admin.body, /href="\/sisian\/staff\/people"/);
  assert.match(admin.body, /href="\/sisian\/staff\/audit"/);
  assert.match(admin.body, /href="\/sisian\/staff\/settings"/);
  // Hidden means forbidden: the same policy decides both.
  assert.equal((await get(env, 'specialist@sisian.example', '/sisian/staff/people')).statusCode, 403);
  assert.equal((await get(env, 'head@sisian.example', '/sisian/staff/people')).statusCode, 200);
});

bothEngines('the staff list shows every role, with the settlement of a settlement head', async (t, engine) => {
  const env = await setup(t, engine);
  const res = await get(env, 'head@sisian.example', '/sisian/staff/people?sort=email&dir=desc');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Վարչական ղեկավար · Անգեղակոթ/);
  assert.match(res.body, /aria-sort="descending"/);
  assert.doesNotMatch(res.body, /jermuk\.example/, 'no staff of another community');
  assert.doesNotMatch(res.body, /action="\/sisian\/staff\/people"/, 'the head may look but not manage');
});

bothEngines('an IT administrator grants and revokes a role, and both are audited', async (t, engine) => {
  const env = await setup(t, engine);
  const target = await userId(env, 'specialist@sisian.example');
  const grant = await post(env, 'it@sisian.example', `/sisian/staff/people/${target}/roles`, { role: 'operator' });
  assert.equal(grant.statusCode, 303);
  assert.deepEqual((await rolesOf(env, 'specialist@sisian.example', 'sisian')).map((r) => r.role).sort(), ['operator', 'specialist']);

  const operator = (await rolesOf(env, 'specialist@sisian.example', 'sisian')).find((r) => r.role === 'operator')!;
  const revoke = await post(env, 'it@sisian.example', `/sisian/staff/people/${target}/roles/${operator.id}/delete`, {});
  assert.equal(revoke.statusCode, 303);
  assert.deepEqual((await rolesOf(env, 'specialist@sisian.example', 'sisian')).map((r) => r.role), ['specialist']);

  const events = await auditActions(env, target);
  const actions = events.map((e) => e.action);
  assert.ok(actions.includes('role.grant') && actions.includes('role.revoke'));
  const revoked = events.find((e) => e.action === 'role.revoke')!;
  assert.match(revoked.before_json!, /operator/);
  assert.doesNotMatch(revoked.after_json!, /operator/);
  assert.match(revoked.actor_label, /Տիգրան/);
});

bothEngines('a settlement head needs a settlement of this community', async (t, engine) => {
  const env = await setup(t, engine);
  const target = await userId(env, 'operator@sisian.example');
  const missing = await post(env, 'it@sisian.example', `/sisian/staff/people/${target}/roles`, { role: 'settlement_head' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /id="field-settlement_id"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-settlement_id"/);
  assert.match(missing.body, /href="#field-settlement_id"/);
  const gndevaz = await env.services.db.kysely.selectFrom('settlements').select('id').where('name_en', '=', 'Gndevaz').executeTakeFirstOrThrow();
  const foreign = await post(env, 'it@sisian.example', `/sisian/staff/people/${target}/roles`, { role: 'settlement_head', settlement_id: String(gndevaz.id) });
  assert.equal(foreign.statusCode, 400);
  const tolors = await env.services.db.kysely.selectFrom('settlements').select('id').where('name_en', '=', 'Tolors').executeTakeFirstOrThrow();
  const ok = await post(env, 'it@sisian.example', `/sisian/staff/people/${target}/roles`, { role: 'settlement_head', settlement_id: String(tolors.id) });
  assert.equal(ok.statusCode, 303);
  const roles = await rolesOf(env, 'operator@sisian.example', 'sisian');
  assert.equal(roles.find((r) => r.role === 'settlement_head')?.settlement_id, tolors.id);
});

bothEngines('an IT administrator adds a new member of staff without a password', async (t, engine) => {
  const env = await setup(t, engine);
  const before = await env.services.db.kysely.selectFrom('users').select('id').execute();
  const res = await post(env, 'it@sisian.example', '/sisian/staff/people', { email: 'New.Clerk@Sisian.example', full_name: 'Նոր Աշխատակից', role: 'operator' });
  assert.equal(res.statusCode, 303);
  const user = await env.services.db.kysely.selectFrom('users').selectAll().where('email', '=', 'new.clerk@sisian.example').executeTakeFirstOrThrow();
  assert.equal(user.is_staff, 1);
  assert.equal(user.password_hash, null);
  assert.equal((await env.services.db.kysely.selectFrom('users').select('id').execute()).length, before.length + 1);
  assert.deepEqual((await rolesOf(env, 'new.clerk@sisian.example', 'sisian')).map((r) => r.role), ['operator']);
  assert.deepEqual((await auditActions(env, user.id)).map((e) => e.action), ['staff.add']);

  // An existing account (a citizen) is linked, not duplicated.
  const linked = await post(env, 'it@sisian.example', '/sisian/staff/people', { email: 'ani@citizen.example', full_name: 'x', role: 'specialist' });
  assert.equal(linked.statusCode, 303);
  const ani = await env.services.db.kysely.selectFrom('users').selectAll().where('email', '=', 'ani@citizen.example').executeTakeFirstOrThrow();
  assert.equal(ani.is_staff, 1);
  assert.equal(ani.full_name, 'Անի Բաղդասարյան');

  const bad = await post(env, 'it@sisian.example', '/sisian/staff/people', { email: 'not-an-email', full_name: '', role: '' });
  assert.equal(bad.statusCode, 400);
  for (const f of ['email', 'full_name', 'role']) assert.match(bad.body, new RegExp(`href="#field-${f}"`));
});

bothEngines('an IT administrator cannot remove their own administrator role', async (t, engine) => {
  const env = await setup(t, engine);
  const me = await userId(env, 'it@sisian.example');
  const [mine] = await rolesOf(env, 'it@sisian.example', 'sisian');
  const res = await post(env, 'it@sisian.example', `/sisian/staff/people/${me}/roles/${mine!.id}/delete`, {});
  assert.equal(res.statusCode, 409);
  assert.deepEqual((await rolesOf(env, 'it@sisian.example', 'sisian')).map((r) => r.role), ['it_admin']);
});

bothEngines('a specialist cannot manage roles', async (t, engine) => {
  const env = await setup(t, engine);
  const target = await userId(env, 'operator@sisian.example');
  const res = await post(env, 'specialist@sisian.example', `/sisian/staff/people/${target}/roles`, { role: 'head' });
  assert.equal(res.statusCode, 403);
  const add = await post(env, 'specialist@sisian.example', '/sisian/staff/people', { email: 'x@y.example', full_name: 'x', role: 'head' });
  assert.equal(add.statusCode, 403);
  assert.deepEqual((await rolesOf(env, 'operator@sisian.example', 'sisian')).map((r) => r.role), ['operator']);
});

bothEngines('people and roles of another community are not found', async (t, engine) => {
  const env = await setup(t, engine);
  const jermukUser = await userId(env, 'specialist@jermuk.example');
  const [jermukRole] = await rolesOf(env, 'specialist@jermuk.example', 'jermuk');
  const grant = await post(env, 'it@sisian.example', `/sisian/staff/people/${jermukUser}/roles`, { role: 'operator' });
  assert.equal(grant.statusCode, 404);
  assert.equal((await get(env, 'it@sisian.example', `/sisian/staff/people/${jermukUser}`)).statusCode, 404);
  const revoke = await post(env, 'it@sisian.example', `/sisian/staff/people/${jermukUser}/roles/${jermukRole!.id}/delete`, {});
  assert.equal(revoke.statusCode, 404);
  // Even with a Sisian user id, a Jermuk assignment id is not found.
  const sisianUser = await userId(env, 'operator@sisian.example');
  const mixed = await post(env, 'it@sisian.example', `/sisian/staff/people/${sisianUser}/roles/${jermukRole!.id}/delete`, {});
  assert.equal(mixed.statusCode, 404);
  assert.deepEqual((await rolesOf(env, 'specialist@jermuk.example', 'jermuk')).map((r) => r.role), ['specialist']);
  assert.equal((await rolesOf(env, 'specialist@jermuk.example', 'sisian')).length, 0);
});
