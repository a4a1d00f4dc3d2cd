// Online payments on both engines, against the stand-in gateways over real HTTP: a payment
// at the gateway is recorded once with its receipt and settles the debt; the same callback
// twice (and five at once) records one payment and is answered OK every time; a forged
// checksum or signature and an amount other than the intent's are refused with nothing
// recorded; reconciliation finds a payment whose callback was lost.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { payerBalance } from '../ledger/balances.ts';
import { startOnlinePayment } from './intents.service.ts';
import { idramChecksum } from './idram.ts';
import { vposChecksum } from './vpos.ts';
import { reconcilePending } from './reconcile.ts';
import { IDRAM_ACCOUNT, IDRAM_SECRET, payWorld, postForm, tokenOf, type PayWorld } from './payments.testkit.ts';
import type { TestEnv } from '../../../../test/helpers.ts';

async function start(env: TestEnv, w: PayWorld, provider: 'idram' | 'vpos', obligationIds: number[]) {
  const community = (await env.services.communities.byId(w.communityId))!;
  return startOnlinePayment(env.services, w.tdb, community, {
    provider, payer: w.payer, payerName: 'Test payer', obligationIds, returnPath: '/account/taxes', description: 'Tax', locale: 'en', actor: SYSTEM_ACTOR,
  });
}

// This payer's online ones only: the demo has payments of its own.
const payerId = (w: PayWorld) => (w.payer.kind === 'resident' ? w.payer.residentId : -1);
const counts = async (w: PayWorld) => ({
  payments: (await w.tdb.selectFrom('fin_payments').select('id').where('channel', '=', 'online').where('resident_id', '=', payerId(w)).execute()).length,
  receipts: (await w.tdb.selectFrom('fin_receipts').innerJoin('fin_payments', 'fin_payments.id', 'fin_receipts.payment_id').select('fin_receipts.id')
    .where('fin_payments.channel', '=', 'online').where('fin_payments.resident_id', '=', payerId(w)).execute()).length,
});
const intent = (w: PayWorld, id: number) => w.tdb.selectFrom('fin_payment_intents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Pays an Idram intent at the stand-in: the form, the precheck, the page, Pay. */
async function payAtIdram(w: PayWorld, redirect: Awaited<ReturnType<typeof start>>['redirect']) {
  assert.equal(redirect.method, 'POST');
  if (redirect.method !== 'POST') throw new Error('unreachable');
  const page = await postForm(redirect.url, redirect.fields);
  assert.equal(page.status, 200, page.text);
  return postForm(`${w.idram.url}/Payment/Decide`, { token: tokenOf(page.text), decision: 'pay' });
}

bothEngines('payments: Idram — paid once, OK on repeats, forged and wrong amounts refused, a lost confirmation reconciled', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await payWorld(t, env);
  const today = todayInYerevan();
  const ob = await w.oweNow(12_000, { label: 'House, Sisian' });

  const { intentId, redirect } = await start(env, w, 'idram', [ob]);
  assert.equal(redirect.method === 'POST' && redirect.fields.EDP_AMOUNT, '12000', 'the intent asks for what is due');
  const done = await payAtIdram(w, redirect);
  assert.equal(done.status, 303);
  assert.match(done.location ?? '', /\/sisian\/payments\/return\/idram\?EDP_BILL_NO=/);
  const paid = await intent(w, intentId);
  assert.equal(paid.status, 'paid');
  assert.equal((await counts(w)).payments, 1);
  assert.equal((await payerBalance(w.tdb, w.payer, today)).due, 0, 'the debt is settled');
  const receipt = await w.tdb.selectFrom('fin_receipts').select(['number', 'code']).where('payment_id', '=', paid.payment_id!).executeTakeFirstOrThrow();
  assert.match(receipt.number, new RegExp(`^${today.slice(0, 4)}/\\d{6}$`));
  const verify = await env.app.inject({ method: 'GET', url: `/verify/${receipt.code}` });
  assert.equal(verify.statusCode, 200, 'the receipt is verifiable at /verify');

  // Idram retries the confirmation: OK again, nothing new.
  const again = await w.idram.resend(IDRAM_ACCOUNT, paid.bill_no);
  assert.deepEqual([again.status, again.text], [200, 'OK']);
  assert.deepEqual(await counts(w), { payments: 1, receipts: 1 });

  // A forged checksum: refused, nothing recorded.
  const ob2 = await w.oweNow(3_000);
  const second = await start(env, w, 'idram', [ob2]);
  const bill = (await intent(w, second.intentId)).bill_no;
  const claim = { EDP_BILL_NO: bill, EDP_REC_ACCOUNT: IDRAM_ACCOUNT, EDP_PAYER_ACCOUNT: '100200300', EDP_AMOUNT: '3000', EDP_TRANS_ID: '990001', EDP_TRANS_DATE: `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)} 12:00:00` };
  const forged = await postForm(w.callbackUrl('idram'), { ...claim, EDP_CHECKSUM: idramChecksum({ recAccount: IDRAM_ACCOUNT, amount: '3000', secret: 'guessed', billNo: bill, payerAccount: claim.EDP_PAYER_ACCOUNT, transId: claim.EDP_TRANS_ID, transDate: claim.EDP_TRANS_DATE }) });
  assert.equal(forged.status, 403);
  assert.notEqual(forged.text, 'OK');
  assert.equal((await counts(w)).payments, 1, 'a forged confirmation records nothing');
  assert.equal((await intent(w, second.intentId)).status, 'pending');

  // Correctly signed, but for another amount than the intent's: refused, nothing recorded.
  const sign = (amount: string, transId: string) => ({ ...claim, EDP_AMOUNT: amount, EDP_TRANS_ID: transId,
    EDP_CHECKSUM: idramChecksum({ recAccount: IDRAM_ACCOUNT, amount, secret: IDRAM_SECRET, billNo: bill, payerAccount: claim.EDP_PAYER_ACCOUNT, transId, transDate: claim.EDP_TRANS_DATE }) });
  const short = await postForm(w.callbackUrl('idram'), sign('2999', '990002'));
  assert.equal(short.status, 409);
  assert.equal((await counts(w)).payments, 1, 'a wrong amount records nothing');
  const precheck = await postForm(w.callbackUrl('idram'), { EDP_PRECHECK: 'YES', EDP_BILL_NO: bill, EDP_REC_ACCOUNT: IDRAM_ACCOUNT, EDP_AMOUNT: '2999' });
  assert.notEqual(precheck.text, 'OK', 'the precheck refuses another amount too');

  // Five copies of one valid confirmation at once: one payment, OK to each.
  const valid = sign('3000', '990003');
  const answers = await Promise.all(Array.from({ length: 5 }, () => postForm(w.callbackUrl('idram'), valid)));
  assert.deepEqual(answers.map((a) => `${a.status} ${a.text}`), Array(5).fill('200 OK'));
  assert.deepEqual(await counts(w), { payments: 2, receipts: 2 });
  assert.equal((await intent(w, second.intentId)).status, 'paid');

  // Paid at Idram, the confirmation lost: the 15-minute reconciliation finds it.
  const ob3 = await w.oweNow(4_500);
  const third = await start(env, w, 'idram', [ob3]);
  w.idram.loseCallbacks(1);
  await payAtIdram(w, third.redirect);
  assert.equal((await intent(w, third.intentId)).status, 'pending', 'no confirmation came');
  const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000).toISOString();
  await w.tdb.updateTable('fin_payment_intents').set({ created_at: twentyMinutesAgo }).where('id', '=', third.intentId).execute();
  const report = await reconcilePending(env.services, 'recent');
  assert.equal(report.paid, 1);
  assert.equal((await intent(w, third.intentId)).status, 'paid');
  assert.equal((await counts(w)).payments, 3);
  assert.equal((await payerBalance(w.tdb, w.payer, today)).due, 0);
  assert.equal((await reconcilePending(env.services, 'all')).checked, 0, 'nothing is left pending');
});

bothEngines('payments: card vPOS — minor units and 051, callback signature checked, the status API reconciles a lost callback', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await payWorld(t, env);
  const ob = await w.oweNow(7_500);
  const { intentId, redirect } = await start(env, w, 'vpos', [ob]);
  assert.equal(redirect.method, 'GET');
  const page = await fetch(redirect.url);
  assert.match(await page.clone().text(), /7500\.00 AMD/, 'the gateway was told 750000 luma');
  const orderId = tokenOf(await page.text());
  const back = await postForm(`${w.vpos.url}/payment/merchants/decide`, { token: orderId, decision: 'pay' });
  assert.match(back.location ?? '', new RegExp(`/sisian/payments/return/vpos\\?orderId=${orderId}`));
  assert.equal((await intent(w, intentId)).status, 'paid');
  assert.equal((await counts(w)).payments, 1);

  // The same notification again: OK, nothing new. A forged one: refused.
  const callback = w.vpos.callbackOf(orderId)!;
  assert.deepEqual(await postForm(w.callbackUrl('vpos'), callback).then((a) => [a.status, a.text]), [200, 'OK']);
  const ob2 = await w.oweNow(1_000);
  const second = await start(env, w, 'vpos', [ob2]);
  const secondIntent = await intent(w, second.intentId);
  const claim = { mdOrder: secondIntent.provider_order_id!, orderNumber: secondIntent.bill_no, operation: 'deposited', status: '1', amount: '100000' };
  const forged = await postForm(w.callbackUrl('vpos'), { ...claim, checksum: vposChecksum(claim, 'not-the-key') });
  assert.equal(forged.status, 403);
  const wrongAmount = { ...claim, amount: '99900' };
  assert.equal((await postForm(w.callbackUrl('vpos'), { ...wrongAmount, checksum: vposChecksum(wrongAmount, 'vpos-test-password') })).status, 409);
  assert.equal((await counts(w)).payments, 1, 'nothing recorded for either');

  // Paid at the gateway with the notification lost: the daily pass asks getOrderStatusExtended.
  w.vpos.loseCallbacks(1);
  const page2 = await fetch((second.redirect as { url: string }).url);
  await postForm(`${w.vpos.url}/payment/merchants/decide`, { token: tokenOf(await page2.text()), decision: 'pay' });
  assert.equal((await intent(w, second.intentId)).status, 'pending');
  const report = await reconcilePending(env.services, 'all');
  assert.deepEqual([report.paid, report.errors], [1, 0]);
  assert.equal((await intent(w, second.intentId)).status, 'paid');
  assert.equal((await counts(w)).payments, 2);

  // Declined at the gateway: the notification closes the intent, nothing is recorded.
  const ob3 = await w.oweNow(2_000);
  const third = await start(env, w, 'vpos', [ob3]);
  const page3 = await fetch((third.redirect as { url: string }).url);
  const declined = await postForm(`${w.vpos.url}/payment/merchants/decide`, { token: tokenOf(await page3.text()), decision: 'decline' });
  assert.match(declined.location ?? '', /failed=1/);
  assert.equal((await intent(w, third.intentId)).status, 'failed');
  assert.equal((await counts(w)).payments, 2);
});
