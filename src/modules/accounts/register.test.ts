import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { Browser } from './test-client.ts';

const count = async (db: import('../../platform/db/tenant.ts').Executor, table: 'users' | 'sessions' | 'audit_events') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

bothEngines('a citizen registers with a phone number, is signed in, and a duplicate is refused', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const b = new Browser(app);
  const form = await b.get('/register');
  assert.equal(form.statusCode, 200);
  for (const f of ['full_name', 'email', 'phone', 'password', 'password_confirm']) {
    assert.match(form.body, new RegExp(`<label[^>]*\\bfor="field-${f}"`), `${f} has a label`);
  }

  const res = await b.submit('/register', '/register', {
    full_name: 'Մարիամ Սարգսյան', email: 'Mariam@Example.AM', phone: '094 12-34-56', password: 'long-enough-pw', password_confirm: 'long-enough-pw',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account');
  const user = await db.selectFrom('users').selectAll().where('phone', '=', '+37494123456').executeTakeFirstOrThrow();
  assert.equal(user.email, 'mariam@example.am');
  assert.equal(user.is_staff, 0);
  const me = JSON.parse((await b.get('/api/v1/me')).body);
  assert.equal(me.name, 'Մարիամ Սարգսյան');
  assert.deepEqual(me.communities, []);
  const audit = await db.selectFrom('audit_events').select('action').where('entity_id', '=', String(user.id)).execute();
  assert.ok(audit.some((a) => a.action === 'account.register'));

  const users = await count(db, 'users');
  const dup = await new Browser(app).submit('/register', '/register', {
    full_name: 'Someone Else', email: 'mariam@example.am', phone: '+374 94 123456', password: 'long-enough-pw', password_confirm: 'long-enough-pw',
  });
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /href="#field-email"/);
  assert.match(dup.body, /href="#field-phone"/);
  assert.match(dup.body, /value="Someone Else"/, 'the form keeps what was typed');
  assert.equal(await count(db, 'users'), users);

  // The demo citizen's e-mail is taken too.
  const demo = await new Browser(app).submit('/register', '/register', {
    full_name: 'X', email: 'ani@citizen.example', phone: '', password: 'long-enough-pw', password_confirm: 'long-enough-pw',
  });
  assert.equal(demo.statusCode, 400);
});

bothEngines('registration: empty, oversized and malformed input answers 400 with the fields and writes nothing', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const before = { users: await count(db, 'users'), sessions: await count(db, 'sessions'), audit: await count(db, 'audit_events') };
  const b = new Browser(app);

  const empty = await b.submit('/register', '/register', { full_name: '', email: '', phone: '', password: '', password_confirm: '' });
  assert.equal(empty.statusCode, 400);
  for (const f of ['full_name', 'email', 'password', 'password_confirm']) assert.match(empty.body, new RegExp(`href="#field-${f}"`), f);

  // 10 000 characters per field (Armenian in the name: six bytes each once URL-encoded, well under the body limit).
  const huge = 'ա'.repeat(10_000);
  const long = 'x'.repeat(10_000);
  const big = await b.submit('/register', '/register', { full_name: huge, email: long, phone: long, password: long, password_confirm: long });
  assert.equal(big.statusCode, 400);
  for (const f of ['full_name', 'email', 'phone', 'password']) assert.match(big.body, new RegExp(`href="#field-${f}"`), f);

  const bad = await b.submit('/register', '/register', {
    full_name: 'Ok Name', email: 'not-an-email', phone: '+1 555 0100', password: 'short', password_confirm: 'different',
  });
  assert.equal(bad.statusCode, 400);
  for (const f of ['email', 'phone', 'password', 'password_confirm']) assert.match(bad.body, new RegExp(`href="#field-${f}"`), f);
  assert.match(bad.body, /aria-invalid="true"/);

  const page = await b.get('/register');
  const arr = await b.postRaw('/register', `full_name=a&full_name=b&email=x%40y.am&password=long-enough-pw&password_confirm=long-enough-pw&_csrf=${Browser.csrfOf(page.body)}`);
  assert.equal(arr.statusCode, 400);
  assert.match(arr.body, /href="#field-full_name"/);

  // English page, English messages.
  const en = await new Browser(app).get('/register', { 'accept-language': 'en' });
  assert.match(en.body, /Full name/);

  assert.deepEqual(
    { users: await count(db, 'users'), sessions: await count(db, 'sessions'), audit: await count(db, 'audit_events') },
    before,
  );
});
