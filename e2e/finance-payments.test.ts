// Paying taxes in a real browser on a phone-sized screen (390 px): a citizen signs in, sees a
// debt in "My taxes", pays at the stand-in card gateway, comes back, sees the receipt and a
// zero balance. Every page of ours passes axe (the gateway's page is the stand-in's).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, assertAccessible, englishContext, signIn, startServer, visit } from './browser.ts';
import { TenantDb } from '../src/platform/db/tenant.ts';
import { todayInYerevan } from '../src/platform/i18n/index.ts';
import { ensureObligation, postEntries } from '../src/modules/finance/ledger/ledger.core.ts';
import { payerBalance } from '../src/modules/finance/ledger/balances.ts';
import { saveConnection } from '../src/modules/finance/payments/settings.ts';
import { startVposStandin } from '../src/modules/finance/payments/vpos-standin.ts';

test('a citizen pays a tax debt online and sees the receipt and a zero balance', async (t) => {
  const server = await startServer(t);
  const db = server.services.db.kysely;
  const who = await db.selectFrom('users').innerJoin('residents', 'residents.public_service_number', 'users.verified_psn')
    .innerJoin('communities', 'communities.id', 'residents.community_id')
    .select(['users.email', 'residents.id as residentId', 'communities.id as communityId'])
    .where('communities.slug', '=', 'sisian').where('users.is_staff', '=', 0).orderBy('users.id').executeTakeFirstOrThrow();
  const tdb = new TenantDb(db, who.communityId);
  const payer = { kind: 'resident' as const, residentId: who.residentId };

  const vpos = await startVposStandin();
  t.after(() => vpos.close());
  vpos.addMerchant({ userName: 'sisian_e2e', password: 'e2e-secret', callbackUrl: `${server.base}/api/v1/communities/sisian/payments/vpos/callback` });
  await saveConnection(tdb, { provider: 'vpos', merchantId: 'e2e', username: 'sisian_e2e', secret: 'e2e-secret', gatewayUrl: vpos.url, enabled: true });
  await tdb.updateTable('fin_payment_providers').set({ enabled: 0 }).where('provider', '=', 'idram').execute();
  const today = todayInYerevan();
  const { id } = await ensureObligation(tdb, {
    payer_kind: 'resident', resident_id: who.residentId, organization_id: null, kind: 'real_estate_tax', subject_type: 'structure', subject_id: null,
    subject_label: 'Apartment, Sisian (e2e)', period: today.slice(0, 4), due_on: '2099-12-01', revenue_line: '1131', source_key: 'e2e:pay',
  });
  await postEntries(tdb, [{ obligation_id: id, kind: 'accrual', component: 'principal', amount: 6_400, entry_on: today, payment_id: null, reverses_entry_id: null, legal_ground: null, note: null, batch: 'e2e', actor_user_id: null }]);
  const owedBefore = (await payerBalance(tdb, payer, today)).due;

  const context = await englishContext(server);
  t.after(() => context.close());
  // The gateway sends the payer back to MMIS_PUBLIC_URL, which the test server leaves at its
  // default: the address it sends them to is taken and opened on the server's real port.
  const publicUrl = server.services.config.publicUrl;
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, who.email!, DEMO_PASSWORD);
  await visit(page, '/account/taxes', 'my taxes');
  assert.match(await page.locator('main').innerText(), /Apartment, Sisian \(e2e\)/);

  // Only the new debt: untick the others, choose the card, pay at the gateway.
  const boxes = page.locator('input[type=checkbox][name=obligations]');
  for (let i = 0; i < await boxes.count(); i++) {
    const box = boxes.nth(i);
    if ((await box.getAttribute('value')) !== String(id) && await box.isChecked()) await box.uncheck();
  }
  // The demo citizen also pays for an organization they represent: pay in their own section.
  await page.locator('form[action="/sisian/taxes/pay"]').filter({ has: page.locator(`input[name=obligations][value="${id}"]`) }).getByRole('button', { name: 'Pay' }).click();
  await page.waitForLoadState('load');
  await assertAccessible(page, 'on the way to the gateway');
  await page.getByRole('link', { name: /Pay: Card/ }).click();
  await page.waitForLoadState('load');
  assert.ok(page.url().startsWith(vpos.url), `at the gateway: ${page.url()}`);
  assert.match(await page.locator('main').innerText(), /6400\.00 AMD/);
  const returned = page.waitForRequest((r) => r.url().includes('/sisian/payments/return/vpos'));
  await page.getByRole('button', { name: 'Pay' }).click();
  const backUrl = (await returned).url().replace(publicUrl, server.base);
  await page.close();
  const back = await context.newPage();
  await back.setViewportSize({ width: 390, height: 844 });
  await back.goto(backUrl);

  assert.match(back.url(), /\/sisian\/payments\/return\/vpos\?orderId=/);
  await assertAccessible(back, 'payment result');
  assert.match(await back.locator('h1').innerText(), /Payment received/);
  const [download] = await Promise.all([back.waitForEvent('download'), back.getByRole('link', { name: /Download the receipt/ }).click()]);
  assert.match(download.suggestedFilename(), /^receipt-\d{4}-\d{6}\.pdf$/);

  await back.getByRole('button', { name: 'Go back' }).click();
  await back.waitForLoadState('load');
  await assertAccessible(back, 'my taxes after paying');
  assert.equal((await payerBalance(tdb, payer, today)).due, owedBefore - 6_400);
  const section = await back.locator('main').innerText();
  assert.match(section, /Apartment, Sisian \(e2e\)[\s\S]*0\s֏/, 'the paid obligation shows nothing due');
  assert.match(section, /Receipt \d{4}\/\d{6}/, 'the history lists the receipt');
});
