// The accountant's journey in a real browser, every page checked with axe: upload a
// statement, see the one line left unmatched, match it by hand and see the queue empty.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, contextsFor, startServer } from '../../../../e2e/browser.ts';
import { signInAs } from '../../../../test/session.ts';
import { statementCsv, statementWorld } from './statements.testkit.ts';

test('an accountant imports a statement and matches the leftover line by hand', async (t) => {
  const server = await startServer(t);
  const w = await statementWorld(server.services);
  await w.owe(9_000, '2026-07-01');
  const session = await signInAs(server.services, 'accountant@sisian.example');
  const context = await contextsFor(server, session.cookie)('en', true);
  const page = await context.newPage();
  const base = '/sisian/staff/finance/statements';

  assert.equal((await page.goto(base))?.status(), 200);
  await assertAccessible(page, 'statements upload');
  await page.getByLabel('Source').selectOption('treasury');
  await page.getByLabel('Statement file').setInputFiles({
    name: 'treasury-dec.csv', mimeType: 'text/csv',
    buffer: Buffer.from(statementCsv('treasury', [
      { date: '01.12.2026', amount: '1500', txnId: 'E2E-1', payerId: w.organization.taxId, purpose: 'Տուրք' },
      { date: '02.12.2026', amount: '9000', txnId: 'E2E-2', payerName: w.resident.name, purpose: 'Գույքահարկ' },
    ])),
  });
  await Promise.all([page.waitForURL(/\/imports\/\d+$/), page.getByRole('button', { name: 'Import' }).click()]);
  assert.match(await page.locator('main').innerText(), /2 lines: 1 matched, 1 waiting, 0 rejected/);
  await assertAccessible(page, 'import report');

  await Promise.all([page.waitForURL(/\/queue$/), page.getByRole('button', { name: 'Unmatched lines', exact: true }).click()]);
  await assertAccessible(page, 'queue');
  await Promise.all([page.waitForURL(/\/lines\/\d+$/), page.getByRole('link', { name: /^Match/ }).click()]);
  await page.getByLabel(/Find the payer/).fill(w.resident.psn);
  await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: 'Find' }).click()]);
  await Promise.all([page.waitForURL(/payer=/), page.getByRole('link', { name: new RegExp(`^Choose ${w.resident.name}`) }).click()]);
  await assertAccessible(page, 'line with the chosen payer');
  await Promise.all([page.waitForURL(/done=matched/), page.getByRole('button', { name: 'Match to this payer' }).click()]);
  assert.match(await page.locator('main').innerText(), /The line was matched and the payment recorded/);
  await assertAccessible(page, 'matched line');

  await page.goto(`${base}/queue`);
  assert.match(await page.locator('main').innerText(), /No unmatched lines/);
  await context.close();
});
