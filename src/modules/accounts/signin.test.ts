import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import { bothEngines, setup, DEMO_PASSWORD } from '../../../test/helpers.ts';
import { Browser } from './test-client.ts';

const CITIZEN = 'ani@citizen.example';

async function auditActions(db: import('../../platform/db/tenant.ts').Executor, userId?: number) {
  let q = db.selectFrom('audit_events').select(['action', 'chain', 'entity_id']).where('chain', '=', 'national').orderBy('seq');
  if (userId !== undefined) q = q.where('entity_id', '=', String(userId));
  return (await q.execute()).map((r) => r.action);
}

bothEngines('sign-in with e-mail or phone opens a rotated session and goes to the right home', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;

  const citizen = new Browser(app);
  const res = await citizen.signIn(CITIZEN, DEMO_PASSWORD);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account');
  const first = citizen.cookies.get('mmis_sid');
  assert.ok(first, 'the session cookie is set');
  const me = await citizen.get('/api/v1/me');
  assert.equal(me.statusCode, 200);
  assert.equal(JSON.parse(me.body).email, CITIZEN);

  // Signing in again replaces the session: the old cookie no longer works.
  const again = await citizen.signIn('+374 91 000001', DEMO_PASSWORD);
  assert.equal(again.statusCode, 303);
  const second = citizen.cookies.get('mmis_sid');
  assert.notEqual(second, first);
  const old = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `mmis_sid=${first}` } });
  assert.equal(old.statusCode, 401);

  const staff = new Browser(app);
  assert.equal((await staff.signIn('head@sisian.example', DEMO_PASSWORD)).headers.location, '/sisian/staff');
  const national = new Browser(app);
  assert.equal((await national.signIn('analyst@ministry.example', DEMO_PASSWORD)).headers.location, '/national');
  const withNext = new Browser(app);
  assert.equal((await withNext.signIn(CITIZEN, DEMO_PASSWORD, '/sisian')).headers.location, '/sisian');
  const offsite = new Browser(app);
  assert.equal((await offsite.signIn(CITIZEN, DEMO_PASSWORD, '//evil.example/x')).headers.location, '/account');

  const cookie = (await new Browser(app).signIn(CITIZEN, DEMO_PASSWORD)).headers['set-cookie'];
  const sid = (Array.isArray(cookie) ? cookie : [cookie]).find((c) => String(c).startsWith('mmis_sid='));
  assert.match(String(sid), /HttpOnly/i);
  assert.match(String(sid), /SameSite=Lax/i);
  assert.match(String(sid), /Path=\//);

  const user = await db.selectFrom('users').select(['id', 'last_login_at']).where('email', '=', CITIZEN).executeTakeFirstOrThrow();
  assert.ok(user.last_login_at);
  assert.ok((await auditActions(db, user.id)).includes('auth.signin'));

  // Sign-out ends the session.
  const out = await citizen.submit('/account', '/signout', {});
  assert.equal(out.statusCode, 303);
  assert.equal(out.headers.location, '/');
  const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `mmis_sid=${second}` } });
  assert.equal(after.statusCode, 401);
});

bothEngines('a wrong password and an unknown account get the same answer; five failures lock for 15 minutes', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const b = new Browser(app);

  const unknown = await b.signIn('nobody@nowhere.example', 'whatever-password');
  const wrong = await b.signIn(CITIZEN, 'wrong-password');
  assert.equal(unknown.statusCode, 400);
  assert.equal(wrong.statusCode, 400);
  const message = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0];
  assert.equal(message(unknown.body), message(wrong.body));
  assert.ok(!b.cookies.has('mmis_sid'));

  for (let i = 0; i < 3; i++) assert.equal((await b.signIn(CITIZEN, 'wrong-password')).statusCode, 400);
  let row = await db.selectFrom('users').select(['id', 'failed_logins', 'locked_until']).where('email', '=', CITIZEN).executeTakeFirstOrThrow();
  assert.equal(row.failed_logins, 4);
  assert.equal(row.locked_until, null);

  const fifth = await b.signIn(CITIZEN, 'wrong-password');
  assert.equal(fifth.statusCode, 400);
  row = await db.selectFrom('users').select(['id', 'failed_logins', 'locked_until']).where('email', '=', CITIZEN).executeTakeFirstOrThrow();
  assert.equal(row.failed_logins, 5);
  assert.ok(row.locked_until);
  const minutes = (Date.parse(row.locked_until) - Date.now()) / 60_000;
  assert.ok(minutes > 14 && minutes <= 15, `locked for about 15 minutes, got ${minutes}`);
  assert.match(fifth.body, /locked|կողպված/);

  // While locked even the right password is refused, and nothing more is counted.
  const right = await b.signIn(CITIZEN, DEMO_PASSWORD);
  assert.equal(right.statusCode, 400);
  assert.match(right.body, /կողպված/);
  assert.ok(!b.cookies.has('mmis_sid'));
  row = await db.selectFrom('users').select(['id', 'failed_logins', 'locked_until']).where('email', '=', CITIZEN).executeTakeFirstOrThrow();
  assert.equal(row.failed_logins, 5);

  const actions = await auditActions(db, row.id);
  assert.equal(actions.filter((a) => a === 'auth.signin_failed').length, 5);
  assert.ok(actions.includes('auth.lockout'));
  assert.ok(actions.includes('auth.signin_refused'));

  // When the lock has run out, the right password works and the count starts again.
  await db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', row.id).execute();
  const ok = await new Browser(app).signIn(CITIZEN, DEMO_PASSWORD);
  assert.equal(ok.statusCode, 303);
  row = await db.selectFrom('users').select(['id', 'failed_logins', 'locked_until']).where('email', '=', CITIZEN).executeTakeFirstOrThrow();
  assert.equal(row.failed_logins, 0);
  assert.equal(row.locked_until, null);
});

bothEngines('a POST without the CSRF token is refused with 403', async (t, engine) => {
  const { app } = await setup(t, engine);
  const b = new Browser(app);
  const res = await b.submit('/signin', '/signin', { identifier: CITIZEN, password: DEMO_PASSWORD }, { csrf: false });
  assert.equal(res.statusCode, 403);
  assert.ok(!b.cookies.has('mmis_sid'));
  const wrong = await b.post('/signin', { identifier: CITIZEN, password: DEMO_PASSWORD, _csrf: 'x'.repeat(32) });
  assert.equal(wrong.statusCode, 403);

  // Signed in, the session's own token is required.
  await b.signIn(CITIZEN, DEMO_PASSWORD);
  const locale = await b.post('/account/locale', { locale: 'en' });
  assert.equal(locale.statusCode, 403);
});

bothEngines('sign-in form: empty, oversized and malformed input answers 400 with the fields', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const b = new Browser(app);
  const empty = await b.submit('/signin', '/signin', { identifier: '', password: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#field-identifier"/);
  assert.match(empty.body, /href="#field-password"/);
  assert.match(empty.body, /id="field-identifier"/);
  const big = await b.submit('/signin', '/signin', { identifier: 'a'.repeat(10_000), password: 'b'.repeat(10_000) });
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /href="#field-identifier"/);
  const page = await b.get('/signin');
  const csrf = Browser.csrfOf(page.body);
  // A field sent twice arrives as an array: malformed, not a crash.
  const dup = await b.postRaw('/signin', `identifier=a&identifier=b&password=x&_csrf=${csrf}`);
  assert.equal(dup.statusCode, 400);
  const failures = await services.db.kysely.selectFrom('users').select('failed_logins').where('email', '=', CITIZEN).executeTakeFirstOrThrow();
  assert.equal(failures.failed_logins, 0, 'bad input is not a failed sign-in');
});

bothEngines('TOTP: enrol with a code, then sign-in asks for the code before the session works', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const b = new Browser(app);
  await b.signIn(CITIZEN, DEMO_PASSWORD);

  const start = await b.submit('/account', '/account/totp/start', {});
  assert.equal(start.statusCode, 200);
  assert.match(start.body, /<svg/);
  assert.match(start.body, /otpauth:\/\/totp\//);
  const secret = /<code class="totp-secret">([A-Z2-7]+)<\/code>/.exec(start.body)?.[1];
  assert.ok(secret, 'the secret is shown');
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

  const csrf = Browser.csrfOf(start.body);
  const bad = await b.post('/account/totp/confirm', { _csrf: csrf, totp_code: '000000' === totp.generate() ? '111111' : '000000' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#field-totp_code"/);
  const enrolCode = totp.generate();
  const good = await b.post('/account/totp/confirm', { _csrf: csrf, totp_code: enrolCode });
  assert.equal(good.statusCode, 303);
  assert.equal((await db.selectFrom('users').select('totp_enabled').where('email', '=', CITIZEN).executeTakeFirstOrThrow()).totp_enabled, 1);

  // A new sign-in: password first, then the session waits for the code.
  const c = new Browser(app);
  const first = await c.signIn(CITIZEN, DEMO_PASSWORD, '/sisian');
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/signin/totp?next=%2Fsisian');
  const pending = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select('sessions.mfa_pending').where('users.email', '=', CITIZEN).orderBy('sessions.created_at', 'desc').execute();
  assert.ok(pending.some((s) => s.mfa_pending === 1));
  assert.equal((await c.get('/api/v1/me')).statusCode, 401, 'a pending session is not signed in');

  const page = await c.get('/signin/totp?next=%2Fsisian');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /id="field-code"/);
  const wrong = await c.post('/signin/totp', { _csrf: Browser.csrfOf(page.body), code: '12345x', next: '/sisian' });
  assert.equal(wrong.statusCode, 400);
  // The code used to enrol cannot be replayed; the next step's code is accepted.
  const replay = await c.post('/signin/totp', { _csrf: Browser.csrfOf(page.body), code: enrolCode, next: '/sisian' });
  assert.equal(replay.statusCode, 400);
  const next = totp.generate({ timestamp: Date.now() + 30_000 });
  const done = await c.post('/signin/totp', { _csrf: Browser.csrfOf(page.body), code: next, next: '/sisian' });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/sisian');
  assert.equal((await c.get('/api/v1/me')).statusCode, 200);

  const user = await db.selectFrom('users').select(['id', 'failed_logins']).where('email', '=', CITIZEN).executeTakeFirstOrThrow();
  assert.equal(user.failed_logins, 0);
  const actions = await auditActions(db, user.id);
  for (const a of ['account.totp_start', 'account.totp_enable', 'auth.signin_password_ok', 'auth.signin']) assert.ok(actions.includes(a), a);

  // Turning it off needs the password.
  const acct = await c.get('/account');
  const off = await c.post('/account/totp/disable', { _csrf: Browser.csrfOf(acct.body), totp_password: 'not-my-password' });
  assert.equal(off.statusCode, 400);
  const off2 = await c.post('/account/totp/disable', { _csrf: Browser.csrfOf(acct.body), totp_password: DEMO_PASSWORD });
  assert.equal(off2.statusCode, 303);
  assert.equal((await db.selectFrom('users').select('totp_enabled').where('id', '=', user.id).executeTakeFirstOrThrow()).totp_enabled, 0);
});
