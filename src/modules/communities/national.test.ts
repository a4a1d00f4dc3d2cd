import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../test/helpers.ts';
import { signInAs } from '../../../test/session.ts';

async function post(env: TestEnv, email: string, url: string, fields: Record<string, string>) {
  const s = await signInAs(env.services, email);
  return env.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams({ ...fields, _csrf: s.csrf }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
  });
}

async function get(env: TestEnv, email: string, url: string) {
  return env.app.inject({ method: 'GET', url, headers: { cookie: (await signInAs(env.services, email)).cookie } });
}

async function counts(env: TestEnv) {
  const db = env.services.db.kysely;
  const n = async (table: 'communities' | 'settlements' | 'audit_events' | 'community_domains') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { communities: await n('communities'), settlements: await n('settlements'), audit: await n('audit_events'), domains: await n('community_domains') };
}

const GORIS = {
  slug: 'goris',
  marz_id: 'syunik',
  name_hy: 'Գորիս',
  name_en: 'Goris',
  name_ru: 'Горис',
  phone: '+374 284 2 00 00',
  email: 'info@goris.example',
  color_primary: '#5a2d82',
  color_accent: '#e0a000',
  domain: 'goris.localhost',
  settlements: 'Գորիս; Goris; Горис; town; 3201\nՎերիշեն; Verishen; Веришен; village; 3205\n',
};

bothEngines('a national administrator creates a community that is served at once', async (t, engine) => {
  const env = await setup(t, engine);
  const form = await get(env, 'admin@ministry.example', '/national/communities/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="settlements"/);
  const res = await post(env, 'admin@ministry.example', '/national/communities', GORIS);
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  assert.equal(res.headers.location, '/national?created=goris');
  const page = await env.app.inject({ method: 'GET', url: '/goris' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Գորիս<\/h1>/);
  // Its settlements are on the website's page about the community.
  assert.match((await env.app.inject({ method: 'GET', url: '/goris/about' })).body, /Վերիշեն/);
  const byHost = await env.app.inject({ method: 'GET', url: '/', headers: { host: 'goris.localhost' } });
  assert.equal(byHost.statusCode, 200);
  assert.match(byHost.body, /<h1>Գորիս<\/h1>/);
  const list = await get(env, 'analyst@ministry.example', '/national');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /href="\/goris"/);
  const audit = await env.services.db.kysely.selectFrom('audit_events').select('actor_label').where('action', '=', 'community.create').where('entity_id', '=', String((await env.services.db.kysely.selectFrom('communities').select('id').where('slug', '=', 'goris').executeTakeFirstOrThrow()).id)).executeTakeFirstOrThrow();
  assert.match(audit.actor_label, /Դավիթ/);
});

bothEngines('bad community input re-renders the form with field errors and writes nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const before = await counts(env);
  const cases: [string, Record<string, string>, string[]][] = [
    ['empty', {}, ['slug', 'marz_id', 'name_hy', 'name_en', 'name_ru', 'settlements']],
    ['10k-character name', { ...GORIS, name_hy: 'Ա'.repeat(10_000) }, ['name_hy']],
    ['bad slug', { ...GORIS, slug: 'Goris Town!' }, ['slug']],
    ['reserved slug', { ...GORIS, slug: 'national' }, ['slug']],
    ['duplicate slug', { ...GORIS, slug: 'sisian', domain: '' }, ['slug']],
    ['duplicate domain', { ...GORIS, domain: 'sisian.localhost' }, ['domain']],
    ['bad settlement line', { ...GORIS, settlements: 'Գորիս; Goris' }, ['settlements']],
    ['unreadable colour', { ...GORIS, color_primary: '#ffff00' }, ['color_primary']],
  ];
  for (const [name, fields, errors] of cases) {
    const res = await post(env, 'admin@ministry.example', '/national/communities', fields);
    assert.equal(res.statusCode, 400, name);
    assert.match(res.body, /class="error-summary" role="alert"/, name);
    for (const f of errors) assert.match(res.body, new RegExp(`href="#field-${f}"`), `${name}: ${f}`);
  }
  assert.deepEqual(await counts(env), before);
  assert.equal((await env.app.inject({ method: 'GET', url: '/goris' })).statusCode, 404);
});

bothEngines('only national administrators create communities; analysts only look', async (t, engine) => {
  const env = await setup(t, engine);
  assert.equal((await get(env, 'analyst@ministry.example', '/national')).statusCode, 200);
  assert.equal((await get(env, 'analyst@ministry.example', '/national/communities/new')).statusCode, 403);
  assert.equal((await post(env, 'analyst@ministry.example', '/national/communities', GORIS)).statusCode, 403);
  assert.equal((await get(env, 'head@sisian.example', '/national')).statusCode, 403);
  const overview = await get(env, 'admin@ministry.example', '/national?sort=settlements&dir=desc');
  assert.match(overview.body, /aria-sort="descending"/);
  assert.ok(overview.body.indexOf('href="/sisian"') < overview.body.indexOf('href="/jermuk"'), 'Sisian has more settlements');
});

bothEngines('community staff edit contacts and colours, audited with before and after', async (t, engine) => {
  const env = await setup(t, engine);
  const page = await get(env, 'chief@sisian.example', '/sisian/staff/settings');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /value="#1d4f91"/);
  const fields = {
    phone: '+374 283 9 99 99',
    email: 'office@sisian.example',
    address_hy: 'ք. Սիսիան, Ս. Սիսական փ. 1',
    address_en: '1 S. Sisakan St, Sisian',
    address_ru: 'г. Сисиан, ул. С. Сисакана, 1',
    reception_hours_hy: 'Երկուշաբթի 10:00–13:00',
    reception_hours_en: 'Monday 10:00–13:00',
    reception_hours_ru: 'Понедельник 10:00–13:00',
    color_primary: '#123456',
    color_accent: '#b5121b',
  };
  const res = await post(env, 'chief@sisian.example', '/sisian/staff/settings', fields);
  assert.equal(res.statusCode, 303);
  const row = await env.services.db.kysely.selectFrom('communities').selectAll().where('slug', '=', 'sisian').executeTakeFirstOrThrow();
  assert.equal(row.phone, fields.phone);
  assert.equal(row.color_primary, '#123456');
  const event = await env.services.db.kysely
    .selectFrom('audit_events').selectAll().where('action', '=', 'community.update').where('community_id', '=', row.id).executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(event.before_json!).phone, '+374 283 2 12 34');
  assert.deepEqual(JSON.parse(event.after_json!).phone, fields.phone);
  assert.equal(JSON.parse(event.after_json!).address_en, undefined, 'only what changed is recorded');
  const home = await env.app.inject({ method: 'GET', url: '/sisian' });
  assert.match(home.body, /--brand:#123456/);

  const bad = await post(env, 'chief@sisian.example', '/sisian/staff/settings', { ...fields, color_accent: 'red', email: 'nope' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#field-color_accent"/);
  assert.match(bad.body, /href="#field-email"/);
  assert.equal((await post(env, 'specialist@sisian.example', '/sisian/staff/settings', fields)).statusCode, 403);
  assert.equal((await post(env, 'it@jermuk.example', '/sisian/staff/settings', fields)).statusCode, 403);
});
