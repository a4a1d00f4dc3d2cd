// The payment pages on both engines, as a citizen and as staff would use them: "my taxes"
// lists a citizen's debt and pays it at the stand-in vPOS, the way back shows the receipt,
// the statement downloads (audited); someone else gets 404 for the receipt; the desk takes
// cash with gap-free receipt numbers and one payment for a double press; a case's fee is
// paid through the services seam; the settings page never shows a stored secret.
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { browserAs } from '../../services/portal/portal.testkit.ts';
import { payerBalance } from '../ledger/balances.ts';
import { payWorld, postForm, tokenOf, VPOS_PASSWORD } from './payments.testkit.ts';

const OPERATOR = 'operator@sisian.example';
const ACCOUNTANT = 'accountant@sisian.example';

/** A demo citizen whose verified PSN is a Sisian resident's, and that resident. */
async function sisianCitizen(env: TestEnv) {
  const row = await env.services.db.kysely.selectFrom('users')
    .innerJoin('residents', 'residents.public_service_number', 'users.verified_psn')
    .innerJoin('communities', 'communities.id', 'residents.community_id')
    .select(['users.email', 'residents.id as residentId', 'residents.public_service_number as psn'])
    .where('communities.slug', '=', 'sisian').where('users.is_staff', '=', 0).where('users.email', 'is not', null)
    .orderBy('users.id').executeTakeFirstOrThrow();
  return { email: row.email!, residentId: row.residentId, psn: row.psn! };
}

bothEngines('payments pages: my taxes → pay at the stand-in → receipt and zero balance; statement; others get 404', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await payWorld(t, env);
  const who = await sisianCitizen(env);
  const payer = { kind: 'resident' as const, residentId: who.residentId };
  const before = (await payerBalance(w.tdb, payer, todayInYerevan())).due;
  const ob = await w.oweNow(8_000, { payer, label: 'Garage, Sisian' });
  const me = await browserAs(env, who.email);

  const page = await me.get('/account/taxes');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Garage, Sisian/);
  assert.match(page.body, /Pay online/);

  // Nothing chosen: the form comes back with its error, nothing is started.
  const none = await me.post('/sisian/taxes/pay', { payer: `r${who.residentId}`, provider: 'vpos' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Choose at least one obligation/);

  const go = await me.post('/sisian/taxes/pay', { payer: `r${who.residentId}`, obligations: [String(ob)], provider: 'vpos' });
  assert.equal(go.statusCode, 200, go.body);
  const gatewayUrl = /<a class="button button-primary" href="([^"]+)"/.exec(go.body)![1]!.replace(/&amp;/g, '&');
  assert.ok(gatewayUrl.startsWith(w.vpos.url), 'a link to the gateway\'s page');
  const gateway = await fetch(gatewayUrl);
  const back = await postForm(`${w.vpos.url}/payment/merchants/decide`, { token: tokenOf(await gateway.text()), decision: 'pay' });
  const result = await me.get(new URL(back.location!).pathname + new URL(back.location!).search);
  assert.equal(result.statusCode, 200);
  assert.match(result.body, /Payment received/);
  const receiptHref = /href="(\/sisian\/taxes\/receipts\/\d+)"/.exec(result.body)?.[1];
  assert.ok(receiptHref, 'the receipt is linked');
  const pdf = await me.get(receiptHref);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal((await payerBalance(w.tdb, payer, todayInYerevan())).due, before, 'what this payment was for is paid');

  const statement = await me.get(`/sisian/taxes/statement?payer=r${who.residentId}`);
  assert.equal(statement.statusCode, 200);
  assert.equal(statement.headers['content-type'], 'application/pdf');
  const audited = await env.services.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'finance.statement.download').execute();
  assert.equal(audited.length, 1);
  assert.equal((await me.get(`/sisian/taxes/statement?payer=r${who.residentId}&x=1`)).statusCode, 400, 'strict query');

  // Another citizen: the receipt and the statement are not theirs.
  const other = await env.services.db.kysely.selectFrom('users').select('email').where('is_staff', '=', 0).where('email', '!=', who.email).where('email', 'is not', null).executeTakeFirstOrThrow();
  const stranger = await browserAs(env, other.email!);
  assert.equal((await stranger.get(receiptHref)).statusCode, 404);
  assert.equal((await stranger.get(`/sisian/taxes/statement?payer=r${who.residentId}`)).statusCode, 404);
  assert.equal((await stranger.post('/sisian/taxes/pay', { payer: `r${who.residentId}`, obligations: [String(ob)], provider: 'vpos' })).statusCode, 404);
});

bothEngines('payments pages: cash at the desk — receipt numbers without gaps, one payment for a double press, bad amounts refused', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await payWorld(t, env);
  const who = await sisianCitizen(env);
  const payer = { kind: 'resident' as const, residentId: who.residentId };
  await w.oweNow(10_000, { payer, label: 'House, Sisian' });
  const operator = await browserAs(env, OPERATOR);

  const found = await operator.get(`/sisian/staff/finance/cash?q=${who.psn}`);
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /House, Sisian/);
  const viewed = await env.services.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'resident.view').where('entity_id', '=', String(who.residentId)).execute();
  assert.ok(viewed.length >= 1, 'showing the payer at the desk is an audited read');
  assert.equal((await operator.get('/sisian/staff/finance/cash?q=12ab')).statusCode, 400);
  const formKey = /name="formKey" value="([0-9a-f]{32})"/.exec(found.body)![1]!;

  const bad = await operator.post('/sisian/staff/finance/cash', { payer: `r${who.residentId}`, formKey, amount: '12.5' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter a positive whole number of drams/);

  const first = await operator.post('/sisian/staff/finance/cash', { payer: `r${who.residentId}`, formKey, amount: '4000' });
  assert.equal(first.statusCode, 303);
  const twice = await operator.post('/sisian/staff/finance/cash', { payer: `r${who.residentId}`, formKey, amount: '4000' });
  assert.equal(twice.headers.location, first.headers.location, 'a double press records one payment');
  const second = await operator.post('/sisian/staff/finance/cash', { payer: `r${who.residentId}`, formKey: 'a'.repeat(32), amount: '1000' });
  const numbers = (await w.tdb.selectFrom('fin_payments').select('receipt_number').where('channel', '=', 'cash').where('actor_user_id', 'is not', null).orderBy('id').execute()).map((r) => r.receipt_number!);
  assert.equal(numbers.length, 2);
  const [a, b] = numbers.map((n) => Number(n.split('/')[1]));
  assert.equal(b, a! + 1, 'receipt numbers follow each other');
  const done = await operator.get(first.headers.location as string);
  assert.match(done.body, /Payment taken/);
  const receipt = await operator.get(`${second.headers.location as string}/receipt`);
  assert.equal(receipt.headers['content-type'], 'application/pdf');

  const citizen = await browserAs(env, who.email);
  assert.notEqual((await citizen.get('/sisian/staff/finance/cash')).statusCode, 200, 'citizens do not reach the desk');
});

bothEngines('payments pages: a case fee is paid through the services seam; the settings page keeps secrets to itself', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await payWorld(t, env);
  const c = await env.services.db.kysely.selectFrom('cases').innerJoin('users', 'users.id', 'cases.applicant_user_id')
    .select(['cases.id', 'users.email']).where('cases.community_id', '=', w.communityId).where('cases.state', '=', 'registered').where('cases.reg_number', 'is not', null)
    .orderBy('cases.id').executeTakeFirstOrThrow();
  // The demo's fees are random and relative to seeding time, so the test makes this case owe one.
  await env.services.db.kysely.updateTable('cases').set({ fee_amount: 1000, fee_status: 'due' }).where('id', '=', c.id).execute();
  await w.oweNow(1_000, { kind: 'service_fee', sourceKey: `case:${c.id}`, label: 'Service fee' });
  const applicant = await browserAs(env, c.email!);
  assert.match((await applicant.get(`/sisian/cases/${c.id}`)).body, /Pay online/);
  const pay = await applicant.post(`/sisian/cases/${c.id}/pay`);
  assert.equal(pay.statusCode, 303);
  const ours = new URL(pay.headers.location as string).pathname;
  assert.equal(ours, `/sisian/payments/case/${c.id}`);
  const page = await applicant.get(ours);
  assert.match(page.body, /Due: 1.000/);
  const toIdram = await applicant.post(ours, { provider: 'idram' });
  assert.equal(toIdram.statusCode, 200);
  assert.ok(toIdram.body.includes(`action="${w.idram.url}/Payment/GetPayment"`), 'a form to post to Idram');
  assert.match(String(toIdram.headers['content-security-policy']), new RegExp(`form-action 'self' ${w.idram.url}`), 'which this page alone may post');
  assert.equal((await applicant.post(ours, { provider: 'paypal' })).statusCode, 400);

  const accountant = await browserAs(env, ACCOUNTANT);
  const settings = await accountant.get('/sisian/staff/finance/payment-settings');
  assert.equal(settings.statusCode, 200);
  assert.ok(!settings.body.includes(VPOS_PASSWORD), 'the stored secret is not shown');
  assert.match(settings.body, /A secret is stored/);
  const saved = await accountant.post('/sisian/staff/finance/payment-settings/vpos', { merchantId: 'client-2', username: 'sisian_api', secret: '', gatewayUrl: w.vpos.url, enabled: '1' });
  assert.equal(saved.statusCode, 303);
  const row = await w.tdb.selectFrom('fin_payment_providers').select(['merchant_id', 'secret']).where('provider', '=', 'vpos').executeTakeFirstOrThrow();
  assert.deepEqual(row, { merchant_id: 'client-2', secret: VPOS_PASSWORD }, 'an empty secret keeps the stored one');
  const audit = await env.services.db.kysely.selectFrom('audit_events').select(['after_json']).where('action', '=', 'finance.payment_settings.save').executeTakeFirstOrThrow();
  assert.ok(!String(audit.after_json).includes(VPOS_PASSWORD), 'the audit does not hold the secret');
  assert.equal((await accountant.post('/sisian/staff/finance/payment-settings/vpos', { merchantId: '', gatewayUrl: 'ftp://x' })).statusCode, 400);
});
