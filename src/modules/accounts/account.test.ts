import assert from 'node:assert/strict';
import { bothEngines, setup, DEMO_PASSWORD } from '../../../test/helpers.ts';
import { sha256 } from '../../platform/auth/tokens.ts';
import { Browser } from './test-client.ts';
import { createTokenForEmail, createUser, CliError } from './accounts.service.ts';

bothEngines('/api/v1/me answers with a session cookie and with a Bearer token from the CLI; 401 JSON when anonymous', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;

  const anon = await app.inject({ method: 'GET', url: '/api/v1/me' });
  assert.equal(anon.statusCode, 401);
  const err = anon.json() as { error: { code: string; message: string; fields: object } };
  assert.equal(err.error.code, 'unauthorized');
  assert.equal(typeof err.error.message, 'string');
  assert.deepEqual(err.error.fields, {});

  const b = new Browser(app);
  await b.signIn('angeghakot@sisian.example', DEMO_PASSWORD);
  const viaCookie = JSON.parse((await b.get('/api/v1/me')).body);
  assert.equal(viaCookie.email, 'angeghakot@sisian.example');
  assert.equal(viaCookie.isStaff, true);
  assert.equal(viaCookie.communities.length, 1);
  assert.equal(viaCookie.communities[0].slug, 'sisian');
  assert.deepEqual(viaCookie.communities[0].roles, ['settlement_head']);
  assert.equal(viaCookie.communities[0].settlementIds.length, 1);
  assert.deepEqual(Object.keys(viaCookie.communities[0].name).sort(), ['en', 'hy', 'ru']);

  const token = await createTokenForEmail(services, 'admin@ministry.example', 'integration');
  assert.match(token, /^mmis_[\w-]{40,}$/);
  const row = await db.selectFrom('api_tokens').select(['token_hash', 'name']).executeTakeFirstOrThrow();
  assert.equal(row.token_hash, sha256(token));
  assert.equal(row.name, 'integration');
  const viaToken = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  assert.equal(viaToken.statusCode, 200);
  const me = viaToken.json() as { email: string; nationalRoles: string[]; communities: unknown[] };
  assert.equal(me.email, 'admin@ministry.example');
  assert.deepEqual(me.nationalRoles, ['system_admin']);
  assert.deepEqual(me.communities, []);
  const badToken = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer mmis_nope' } });
  assert.equal(badToken.statusCode, 401);

  await assert.rejects(createTokenForEmail(services, 'nobody@nowhere.example'), CliError);
  await assert.rejects(createTokenForEmail(services, 'ani@citizen.example'), /citizen/);

  const spec = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  const paths = (spec.json() as { paths: Record<string, { get?: { tags?: string[] } }> }).paths;
  assert.deepEqual(paths['/api/v1/me']?.get?.tags, ['accounts']);
});

bothEngines('the CLI makes the first administrator, who can then sign in', async (t, engine) => {
  const { app, services } = await setup(t, engine, { demo: false });
  const made = await createUser(services, { email: 'Root@Gov.AM', name: 'First Admin', nationalRole: 'system_admin' });
  assert.equal(made.generated, true);
  assert.ok(made.password.length >= 16);
  const res = await new Browser(app).signIn('root@gov.am', made.password);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/national');
  await assert.rejects(createUser(services, { email: 'root@gov.am', name: 'Again' }), /already exists/);
  await assert.rejects(createUser(services, { email: 'x@gov.am', name: 'X', nationalRole: 'king' }), /Unknown national role/);
  await assert.rejects(createUser(services, { email: 'x@gov.am', name: 'X', password: 'short' }), /at least 10/);
  const withPassword = await createUser(services, { email: 'ops@gov.am', name: 'Ops', password: 'chosen-password-1' });
  assert.equal(withPassword.generated, false);
  assert.equal((await new Browser(app).signIn('ops@gov.am', 'chosen-password-1')).statusCode, 303);
});

bothEngines('the language switch sets the cookie, stores the preference and goes back', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;

  const anon = new Browser(app);
  const sw = await anon.get('/lang/ru?back=%2Fsisian');
  assert.equal(sw.statusCode, 303);
  assert.equal(sw.headers.location, '/sisian');
  assert.equal(anon.cookies.get('mmis_lang'), 'ru');
  const setCookie = String(sw.headers['set-cookie']);
  assert.match(setCookie, /Max-Age=31536000/);
  assert.match((await anon.get('/signin')).body, /<html lang="ru"/);
  assert.equal((await anon.get('/lang/fr')).statusCode, 400, 'an unknown language is refused');
  assert.equal((await anon.get('/lang/en?back=%2F%2Fevil.example')).headers.location, '/');
  assert.equal((await anon.get('/lang/en?back=https%3A%2F%2Fevil.example')).headers.location, '/');

  const b = new Browser(app);
  await b.signIn('hayk@citizen.example', DEMO_PASSWORD);
  await b.get('/lang/en?back=%2Faccount');
  const user = await db.selectFrom('users').select(['id', 'locale']).where('email', '=', 'hayk@citizen.example').executeTakeFirstOrThrow();
  assert.equal(user.locale, 'en');
  // A new browser without the cookie gets the stored preference once signed in.
  const fresh = new Browser(app);
  await fresh.signIn('hayk@citizen.example', DEMO_PASSWORD);
  assert.match((await fresh.get('/account')).body, /<html lang="en"/);

  // The account page's form stores it too.
  const page = await fresh.get('/account');
  const saved = await fresh.post('/account/locale', { _csrf: Browser.csrfOf(page.body), locale: 'ru' });
  assert.equal(saved.statusCode, 303);
  assert.equal((await db.selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow()).locale, 'ru');
  assert.match((await fresh.get('/account')).body, /<html lang="ru"/);
  const bad = await fresh.post('/account/locale', { _csrf: Browser.csrfOf(page.body), locale: 'xx' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#field-locale"/);
  const actions = (await db.selectFrom('audit_events').select('action').where('entity_id', '=', String(user.id)).execute()).map((a) => a.action);
  assert.equal(actions.filter((a) => a === 'account.locale').length, 2);
});

bothEngines('my account: details, communities, password change, API tokens for staff', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  assert.equal((await app.inject({ method: 'GET', url: '/account' })).statusCode, 303, 'anonymous people are sent to sign in');

  const b = new Browser(app);
  await b.signIn('head@sisian.example', DEMO_PASSWORD);
  const page = await b.get('/account');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /head@sisian\.example/);
  assert.match(page.body, /Համայնքի ղեկավար/);
  assert.match(page.body, /href="\/sisian\/staff"/);

  // Tokens: create (shown once), revoke.
  let csrf = Browser.csrfOf(page.body);
  const emptyName = await b.post('/account/tokens', { _csrf: csrf, token_name: '' });
  assert.equal(emptyName.statusCode, 400);
  assert.match(emptyName.body, /href="#field-token_name"/);
  const made = await b.post('/account/tokens', { _csrf: csrf, token_name: 'Accounting' });
  assert.equal(made.statusCode, 200);
  const token = /<code class="token">(mmis_[\w-]+)<\/code>/.exec(made.body)?.[1];
  assert.ok(token);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
  assert.ok(!(await b.get('/account')).body.includes(token), 'the token is shown only once');
  const tk = await db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow();

  // Another staff member cannot revoke it; a citizen has no tokens at all.
  const other = new Browser(app);
  await other.signIn('head@jermuk.example', DEMO_PASSWORD);
  const otherPage = await other.get('/account');
  assert.equal((await other.post(`/account/tokens/${tk.id}/revoke`, { _csrf: Browser.csrfOf(otherPage.body) })).statusCode, 404);
  const citizen = new Browser(app);
  await citizen.signIn('ani@citizen.example', DEMO_PASSWORD);
  const citizenPage = await citizen.get('/account');
  assert.ok(!citizenPage.body.includes('/account/tokens'));
  assert.equal((await citizen.post('/account/tokens', { _csrf: Browser.csrfOf(citizenPage.body), token_name: 'x' })).statusCode, 200, 'citizens may hold API tokens for their own integrations too');

  const revoked = await b.post(`/account/tokens/${tk.id}/revoke`, { _csrf: csrf });
  assert.equal(revoked.statusCode, 303);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);

  // Password change: needs the current one; other sessions end, this one stays.
  const second = new Browser(app);
  await second.signIn('head@sisian.example', DEMO_PASSWORD);
  csrf = Browser.csrfOf((await b.get('/account')).body);
  const wrong = await b.post('/account/password', { _csrf: csrf, current_password: 'nope-nope-nope', new_password: 'new-password-123', confirm_password: 'new-password-123' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /href="#field-current_password"/);
  const tooLong = await b.post('/account/password', { _csrf: csrf, current_password: 'x'.repeat(10_000), new_password: 'y'.repeat(10_000), confirm_password: '' });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /href="#field-new_password"/);
  const changed = await b.post('/account/password', { _csrf: csrf, current_password: DEMO_PASSWORD, new_password: 'new-password-123', confirm_password: 'new-password-123' });
  assert.equal(changed.statusCode, 303);
  assert.equal((await b.get('/api/v1/me')).statusCode, 200);
  assert.equal((await second.get('/api/v1/me')).statusCode, 401);
  assert.equal((await new Browser(app).signIn('head@sisian.example', 'new-password-123')).statusCode, 303);

  const actions = (await db.selectFrom('audit_events').select('action').where('chain', '=', 'national').execute()).map((a) => a.action);
  for (const a of ['account.token_create', 'account.token_revoke', 'account.password_change']) assert.ok(actions.includes(a), a);
});
