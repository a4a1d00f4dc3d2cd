import assert from 'node:assert/strict';
import { bothEngines, setup, DEMO_PASSWORD } from '../../../test/helpers.ts';
import { bodyText, startSmtp } from '../../../test/smtp.ts';
import { Browser } from './test-client.ts';

bothEngines('password reset by a link mailed through a real SMTP server', async (t, engine) => {
  const smtp = await startSmtp();
  t.after(() => smtp.close());
  const { app, services } = await setup(t, engine, {
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'MMIS <no-reply@mmis.test>', MMIS_PUBLIC_URL: 'https://mmis.test' },
  });
  const db = services.db.kysely;

  // A signed-in session that the reset must end.
  const other = new Browser(app);
  await other.signIn('ani@citizen.example', DEMO_PASSWORD);
  assert.equal((await other.get('/api/v1/me')).statusCode, 200);

  const b = new Browser(app);
  const unknown = await b.submit('/password/forgot', '/password/forgot', { email: 'nobody@nowhere.example' });
  const arriving = smtp.next();
  const known = await b.submit('/password/forgot', '/password/forgot', { email: 'Ani@Citizen.Example' });
  assert.equal(unknown.statusCode, 200);
  assert.equal(known.statusCode, 200);
  const neutral = (html: string) => /<div class="notice[ "][\s\S]*?<\/div>/.exec(html)?.[0];
  assert.ok(neutral(known.body), 'a notice is shown');
  assert.equal(neutral(unknown.body), neutral(known.body), 'the same answer whether or not the account exists');

  const mail = await arriving;
  assert.deepEqual(mail.to, ['ani@citizen.example']);
  const link = /https:\/\/mmis\.test\/password\/reset\/[\w-]+/.exec(bodyText(mail.raw))?.[0];
  assert.ok(link, 'the mail carries the reset link');
  assert.equal(smtp.messages.length, 1, 'no mail for an unknown address');
  const path = new URL(link).pathname;
  const token = path.split('/').pop()!;
  const stored = await db.selectFrom('password_resets').select(['token_hash', 'expires_at', 'created_at']).execute();
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0]!.token_hash, token, 'only the hash is stored');
  assert.equal(Date.parse(stored[0]!.expires_at) - Date.parse(stored[0]!.created_at), 3600_000);

  const form = await b.get(path);
  assert.equal(form.statusCode, 200);
  const mismatch = await b.post(path, { _csrf: Browser.csrfOf(form.body), password: 'a-brand-new-pass', password_confirm: 'something-else' });
  assert.equal(mismatch.statusCode, 400);
  assert.match(mismatch.body, /href="#field-password_confirm"/);
  const done = await b.post(path, { _csrf: Browser.csrfOf(form.body), password: 'a-brand-new-pass', password_confirm: 'a-brand-new-pass' });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/signin?done=reset');

  assert.equal((await other.get('/api/v1/me')).statusCode, 401, 'every session of the account has ended');
  assert.equal((await b.get(path)).statusCode, 404, 'the link works once');
  assert.equal((await new Browser(app).signIn('ani@citizen.example', DEMO_PASSWORD)).statusCode, 400, 'the old password is gone');
  const signedIn = await new Browser(app).signIn('ani@citizen.example', 'a-brand-new-pass');
  assert.equal(signedIn.statusCode, 303);

  const actions = (await db.selectFrom('audit_events').select('action').execute()).map((a) => a.action);
  assert.ok(actions.includes('account.password_reset_requested'));
  assert.ok(actions.includes('account.password_reset'));
});

bothEngines('reset: bad e-mail input answers 400; an expired or made-up link is refused', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const b = new Browser(app);
  for (const email of ['', 'x'.repeat(10_000), 'not-an-address']) {
    const res = await b.submit('/password/forgot', '/password/forgot', { email });
    assert.equal(res.statusCode, 400, `"${email.slice(0, 20)}"`);
    assert.match(res.body, /href="#field-email"/);
  }
  assert.equal((await b.get('/password/reset/made-up-token-made-up-token')).statusCode, 404);
  const { createPasswordReset } = await import('../../platform/auth/password-resets.ts');
  const user = await db.selectFrom('users').select('id').where('email', '=', 'ani@citizen.example').executeTakeFirstOrThrow();
  const token = await createPasswordReset(db, user.id, new Date(Date.now() - 2 * 3600_000));
  assert.equal((await b.get(`/password/reset/${token}`)).statusCode, 404, 'expired after an hour');
  assert.equal((await db.selectFrom('audit_events').select('action').where('action', 'like', 'account.%').execute()).length, 0);
});
