// The outbox end to end on both engines: e-mail through a real SMTP server on loopback,
// SMS through the stand-in gateway over HTTP; texts in the recipient's language; retries
// with backoff; permanent refusals failed at once (and the IT administrators told).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { bodyText, startSmtp, subjectOf } from '../../../test/smtp.ts';
import { loadConfig } from '../../config.ts';
import { MODULES } from '../../modules/index.ts';
import { createServices } from '../http/services.ts';
import { type Services } from '../module/contract.ts';
import { TenantDb } from '../db/tenant.ts';
import { deliverOutbox, normalizePhone, OUTBOX_MAX_ATTEMPTS, outboxBackoffMs, queueMessage } from './outbox.ts';
import { notifyApplicant } from './notify.ts';
import { createSmsGateway, SmsError } from './sms.ts';
import { startSmsStandin, type SmsStandin } from './sms-standin.ts';
import { translator } from '../i18n/index.ts';

const TOKEN = 'standin-test-token-0123456789';

async function standinFor(t: { after: (fn: () => Promise<void>) => void }): Promise<SmsStandin> {
  const standin = await startSmsStandin({ token: TOKEN });
  t.after(() => standin.close());
  return standin;
}

async function row(services: Services, id: number) {
  return services.db.kysely.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function communityId(services: Services, slug: string): Promise<number> {
  return (await services.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

bothEngines('outbox: a notification reaches the applicant by e-mail (real SMTP) and SMS (stand-in gateway) in their language', async (t, engine) => {
  const smtp = await startSmtp();
  t.after(() => smtp.close());
  const standin = await standinFor(t);
  const { services } = await setup(t, engine, {
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'MMIS <no-reply@mmis.test>', SMS_GATEWAY_URL: standin.url, SMS_GATEWAY_TOKEN: TOKEN },
  });
  const db = services.db.kysely;
  const sisian = await communityId(services, 'sisian');
  const ani = await db.selectFrom('users').select('id').where('email', '=', 'ani@citizen.example').executeTakeFirstOrThrow();
  await db.updateTable('users').set({ locale: 'ru' }).where('id', '=', ani.id).execute();

  // Queued in the change's transaction: a rollback sends nothing.
  await assert.rejects(db.transaction().execute(async (tx) => {
    await notifyApplicant(new TenantDb(tx, sisian), { userId: ani.id, key: 'notify.test', params: { when: 'x' } });
    throw new Error('the change failed');
  }));
  assert.equal((await db.selectFrom('outbox_messages').select('id').execute()).length, 0);

  const queued = await db.transaction().execute((tx) => notifyApplicant(new TenantDb(tx, sisian), { userId: ani.id, key: 'notify.test', params: { when: '01.03.2026 12:00' } }));
  assert.ok(queued.email && queued.sms, 'both channels queued from the account');
  const arriving = smtp.next();
  const report = await deliverOutbox(services);
  assert.deepEqual(report, { claimed: 2, sent: 2, retried: 0, failed: 0 });

  const ru = translator('ru');
  const mail = await arriving;
  assert.deepEqual(mail.to, ['ani@citizen.example']);
  assert.equal(subjectOf(mail.raw), ru('notify.test.subject'));
  assert.equal(bodyText(mail.raw).trim(), ru('notify.test.body', { when: '01.03.2026 12:00' }));
  assert.equal(standin.messages.length, 1);
  assert.deepEqual({ ...standin.messages[0], id: undefined, receivedAt: undefined }, { id: undefined, receivedAt: undefined, to: '+37491000001', text: ru('notify.test.sms', { when: '01.03.2026 12:00' }), sender: 'MMIS' });

  for (const id of [queued.email, queued.sms]) {
    const r = await row(services, id);
    assert.equal(r.status, 'sent');
    assert.equal(r.community_id, sisian);
    assert.equal(r.locale, 'ru');
    assert.equal(r.attempts, 1);
    assert.ok(r.sent_at);
    assert.equal(r.last_error, null);
  }
  assert.deepEqual(await deliverOutbox(services), { claimed: 0, sent: 0, retried: 0, failed: 0 }, 'nothing is sent twice');

  // Explicit addresses and language win over the account; a malformed one is skipped.
  const explicit = await db.transaction().execute((tx) => notifyApplicant(tx, { communityId: sisian, email: 'not-an-address', phone: '091 00 00 09', locale: 'en', key: 'notify.test', params: { when: 'y' } }));
  assert.equal(explicit.email, null);
  assert.equal((await row(services, explicit.sms!)).body, translator('en')('notify.test.sms', { when: 'y' }));
  assert.equal((await row(services, explicit.sms!)).recipient, '+37491000009');
});

bothEngines('outbox: SMS retried with backoff after 503s, failed at once on 400, failed after the last attempt; IT administrators are told', async (t, engine) => {
  const standin = await standinFor(t);
  const { services } = await setup(t, engine, { env: { SMS_GATEWAY_URL: standin.url, SMS_GATEWAY_TOKEN: TOKEN, SMS_SENDER: 'Sisian' } });
  const db = services.db.kysely;
  const sisian = await communityId(services, 'sisian');
  const queue = (body: string) => queueMessage(db, { communityId: sisian, channel: 'sms', recipient: '+37491000002', locale: 'hy', body });

  // 503, then accepted one minute later.
  const retried = await queue('Փորձ 1');
  standin.failNext(1);
  const t0 = new Date();
  assert.deepEqual(await deliverOutbox(services, { now: t0 }), { claimed: 1, sent: 0, retried: 1, failed: 0 });
  let r = await row(services, retried);
  assert.equal(r.status, 'pending');
  assert.match(r.last_error ?? '', /503/);
  assert.equal(Date.parse(r.next_attempt_at) - t0.getTime(), 60_000, 'the first retry is a minute later');
  assert.equal((await deliverOutbox(services, { now: new Date(t0.getTime() + 30_000) })).claimed, 0, 'not before its time');
  assert.equal((await deliverOutbox(services, { now: new Date(t0.getTime() + 60_000) })).sent, 1);
  r = await row(services, retried);
  assert.equal(r.status, 'sent');
  assert.equal(r.attempts, 2);
  assert.equal(standin.messages.at(-1)?.text, 'Փորձ 1');
  assert.equal(standin.messages.at(-1)?.sender, 'Sisian');

  // The gateway refuses the request (text too long): failed at once, and the IT administrator hears of it.
  const refused = await queue('ա'.repeat(2000));
  assert.deepEqual(await deliverOutbox(services), { claimed: 1, sent: 0, retried: 0, failed: 1 });
  r = await row(services, refused);
  assert.equal(r.status, 'failed');
  assert.equal(r.attempts, 1);
  assert.match(r.last_error ?? '', /400/);
  const itAdmin = await db.selectFrom('users').select('id').where('email', '=', 'it@sisian.example').executeTakeFirstOrThrow();
  const notices = await db.selectFrom('notices').selectAll().where('community_id', '=', sisian).execute();
  assert.ok(notices.length >= 1 && notices.every((n) => n.message_key === 'notify.notice.deliveryFailed'));
  assert.ok(notices.some((n) => n.user_id === itAdmin.id), 'the IT administrator has a notice');

  // Down every time: after the last attempt, failed for good.
  const doomed = await queue('Փորձ 3');
  standin.failNext(OUTBOX_MAX_ATTEMPTS);
  let now = new Date();
  for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt++) {
    const rep = await deliverOutbox(services, { now });
    assert.equal(rep.claimed, 1, `attempt ${attempt}`);
    r = await row(services, doomed);
    if (attempt < OUTBOX_MAX_ATTEMPTS) assert.equal(Date.parse(r.next_attempt_at) - now.getTime(), outboxBackoffMs(attempt), `backoff after attempt ${attempt}`);
    now = new Date(r.next_attempt_at);
  }
  assert.equal(r.status, 'failed');
  assert.equal(r.attempts, OUTBOX_MAX_ATTEMPTS);
  assert.deepEqual([1, 2, 3, 9, 10, 20].map(outboxBackoffMs), [60_000, 120_000, 240_000, 15_360_000, 21_600_000, 21_600_000], '1, 2, 4 … minutes, at most 6 hours');
});

bothEngines('outbox: e-mail refused for good by the server (550) fails at once; 451 is retried; two workers never send a message twice', async (t, engine) => {
  const smtp = await startSmtp({ refuse: { 'gone@mmis.test': 550, 'busy@mmis.test': 451 } });
  t.after(() => smtp.close());
  const standin = await standinFor(t);
  const { services } = await setup(t, engine, {
    demo: false,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMS_GATEWAY_URL: standin.url, SMS_GATEWAY_TOKEN: TOKEN },
  });
  const db = services.db.kysely;
  const mail = (to: string) => queueMessage(db, { channel: 'email', recipient: to, locale: 'en', subject: 'Test', body: 'Hello' });
  const gone = await mail('gone@mmis.test');
  const busy = await mail('busy@mmis.test');
  assert.deepEqual(await deliverOutbox(services), { claimed: 2, sent: 0, retried: 1, failed: 1 });
  assert.equal((await row(services, gone)).status, 'failed');
  assert.match((await row(services, gone)).last_error ?? '', /550/);
  assert.equal((await row(services, busy)).status, 'pending');

  const other = createServices(services.config, MODULES, { log: pino({ level: 'silent' }) });
  t.after(() => other.close());
  for (let i = 0; i < 30; i++) await queueMessage(db, { channel: 'sms', recipient: `+3749100${String(1000 + i)}`, locale: 'hy', body: `N ${i}` });
  const drain = async (s: Services) => {
    while ((await deliverOutbox(s, { limit: 4 })).claimed > 0) { /* until empty */ }
  };
  await Promise.all([drain(services), drain(other), drain(services), drain(other)]);
  const texts = standin.messages.map((m) => m.text).sort();
  assert.equal(texts.length, 30, 'each message sent once');
  assert.equal(new Set(texts).size, 30);
});

bothEngines('outbox: without SMTP or a gateway, messages are logged and marked sent with a note', async (t, engine) => {
  const { services } = await setup(t, engine, { demo: false });
  const db = services.db.kysely;
  const sms = await queueMessage(db, { channel: 'sms', recipient: '+37491000001', locale: 'hy', body: 'Բարև' });
  const email = await queueMessage(db, { channel: 'email', recipient: 'Someone@Example.am', locale: 'hy', subject: 'Բարև', body: 'Բարև' });
  assert.equal((await deliverOutbox(services)).sent, 2);
  assert.equal((await row(services, sms)).last_error, 'no gateway: logged');
  assert.equal((await row(services, email)).last_error, 'no SMTP: logged');
  assert.equal((await row(services, email)).recipient, 'someone@example.am');
  await assert.rejects(queueMessage(db, { channel: 'sms', recipient: '12345', locale: 'hy', body: 'x' }), /Not a valid sms recipient/);
  await assert.rejects(queueMessage(db, { channel: 'email', recipient: 'a@b.am', locale: 'hy', body: 'x' }), /needs a subject/);
  await assert.rejects(queueMessage(db, { channel: 'email', recipient: 'a@b.am', locale: 'de', subject: 's', body: 'x' }), /Unknown locale/);
  assert.equal((await db.selectFrom('outbox_messages').select('id').execute()).length, 2, 'refused messages are not written');
});

test('SMS gateway client: the contract (token, 4xx permanent, 5xx and network errors retried) and the stand-in validating it', async (t) => {
  const standin = await standinFor(t);
  const log = pino({ level: 'silent' });
  const ok = createSmsGateway({ url: standin.url, token: TOKEN, sender: 'MMIS' }, log);
  assert.match((await ok.send({ to: '+37491000001', text: 'Բարև' })).id ?? '', /^[\w-]{10,}$/);

  const wrongToken = createSmsGateway({ url: standin.url, token: 'wrong', sender: 'MMIS' }, log);
  await assert.rejects(wrongToken.send({ to: '+37491000001', text: 'x' }), (e: unknown) => e instanceof SmsError && e.permanent && /401/.test(e.message));
  await assert.rejects(ok.send({ to: '37491', text: 'x' }), (e: unknown) => e instanceof SmsError && e.permanent && /400/.test(e.message));
  standin.failNext(1);
  await assert.rejects(ok.send({ to: '+37491000001', text: 'x' }), (e: unknown) => e instanceof SmsError && !e.permanent && /503/.test(e.message));
  const closed = await startSmsStandin({ token: TOKEN });
  await closed.close();
  const unreachable = createSmsGateway({ url: closed.url, token: TOKEN, sender: 'MMIS' }, log);
  await assert.rejects(unreachable.send({ to: '+37491000001', text: 'x' }), (e: unknown) => e instanceof SmsError && !e.permanent && /unreachable/.test(e.message));

  // The stand-in's own HTTP surface: listing needs the token; failures can be asked for over HTTP.
  assert.equal((await fetch(`${standin.url}/messages`)).status, 401);
  const list = await fetch(`${standin.url}/messages`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.deepEqual(((await list.json()) as { text: string }[]).map((m) => m.text), ['Բարև']);
  const control = await fetch(`${standin.url}/control/fail-next`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ count: 1 }) });
  assert.equal(control.status, 200);
  await assert.rejects(ok.send({ to: '+37491000001', text: 'x' }), /503/);
  assert.equal((await fetch(`${standin.url}/messages`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{"to":' })).status, 400);
});

test('settings: phone numbers, MMIS_WORKER and SMS_* are validated', () => {
  assert.equal(normalizePhone('+374 91 00-00-01'), '+37491000001');
  assert.equal(normalizePhone('091000001'), '+37491000001');
  assert.equal(normalizePhone('+33 6 12 34 56 78'), '+33612345678');
  assert.equal(normalizePhone('12345'), null);
  const defaults = loadConfig({});
  assert.equal(defaults.worker, 'in-process');
  assert.deepEqual(defaults.sms, { url: null, token: null, sender: 'MMIS' });
  assert.deepEqual(loadConfig({ SMS_GATEWAY_URL: 'https://sms.example.am/v1/', SMS_GATEWAY_TOKEN: 's', MMIS_WORKER: 'off' }).sms.url, 'https://sms.example.am/v1');
  assert.throws(() => loadConfig({ MMIS_WORKER: 'sometimes', SMS_GATEWAY_URL: 'ftp://x', SMS_SENDER: 'A name far too long' }), (err: Error) => {
    for (const name of ['MMIS_WORKER', 'SMS_GATEWAY_URL', 'SMS_SENDER']) assert.match(err.message, new RegExp(name));
    return true;
  });
});
