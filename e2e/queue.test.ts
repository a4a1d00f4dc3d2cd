// The Citizen Office queue in a real browser: a visitor takes a ticket at the kiosk, the
// hall display shows it waiting, the operator calls it to window 1 (the display updates
// itself and announces it), serves and finishes it, and the office statistics count one
// more served visitor. Every page visited passes axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, assertAccessible, englishContext, signIn, startServer, visit } from './browser.ts';

test('a visitor takes a ticket and is served at a window', async (t) => {
  const server = await startServer(t);
  const contexts = await Promise.all([englishContext(server), englishContext(server), englishContext(server), englishContext(server)]);
  t.after(() => Promise.all(contexts.map((c) => c.close())));
  const [chiefContext, visitorContext, hallContext, operatorContext] = contexts as [typeof contexts[0], typeof contexts[0], typeof contexts[0], typeof contexts[0]];

  // The chief of staff notes today's figures first, and looks at the windows set-up.
  const chief = await chiefContext.newPage();
  await signIn(chief, 'chief@sisian.example', DEMO_PASSWORD);
  await visit(chief, '/sisian/staff/queue/stats', 'office statistics');
  const servedBefore = Number(await chief.locator('#stat-served').innerText());
  await visit(chief, '/sisian/staff/queue/windows', 'service windows');
  await chief.getByRole('link', { name: /Change.*Window 1.*Central office/ }).click();
  await chief.waitForLoadState('load');
  await assertAccessible(chief, 'a window set-up');

  // The visitor: choose the central office, then Certificates.
  const visitor = await visitorContext.newPage();
  await visit(visitor, '/sisian/queue', 'choice of office');
  await visitor.getByRole('link', { name: 'Central office' }).click();
  await visitor.waitForLoadState('load');
  await assertAccessible(visitor, 'ticket screen');
  await visitor.getByRole('button', { name: 'Certificates' }).click();
  await visitor.waitForLoadState('load');
  await assertAccessible(visitor, 'the ticket');
  const label = (await visitor.locator('.queue-ticket-number').innerText()).trim();
  assert.match(label, /^Ա-\d{3}$/, 'a certificates ticket');
  assert.match(await visitor.locator('main').innerText(), /You are next/);

  // The hall display shows one certificates visitor waiting.
  const hall = await hallContext.newPage();
  await visit(hall, '/sisian/queue/display?office=central', 'hall display');
  assert.equal((await hall.locator('td[data-group="certificates"]').innerText()).trim(), '1');

  // The operator calls the next visitor to window 1.
  const operator = await operatorContext.newPage();
  await signIn(operator, 'operator@sisian.example', DEMO_PASSWORD);
  await visit(operator, '/sisian/staff/queue', 'operator windows');
  await operator.getByRole('link', { name: 'Window 1', exact: true }).first().click();
  await operator.waitForLoadState('load');
  await assertAccessible(operator, 'window 1');
  await operator.getByRole('button', { name: 'Call next' }).click();
  await operator.waitForLoadState('load');
  await assertAccessible(operator, 'window 1 after calling');
  assert.match(await operator.locator('.queue-current-number').innerText(), new RegExp(label));

  // Without reloading, the display shows the ticket at window 1 and announces it.
  await hall.waitForFunction((l) => document.querySelector('.queue-newest .queue-called-ticket')?.textContent === l, label, { timeout: 15_000 });
  assert.match(await hall.locator('.queue-newest').innerText(), /Window 1/);
  assert.match(await hall.locator('#queue-announce').innerText(), new RegExp(`${label}.*window 1`));
  assert.equal((await hall.locator('td[data-group="certificates"]').innerText()).trim(), '0');
  await assertAccessible(hall, 'hall display after the call');

  // The visitor's ticket page now says where to go.
  await visitor.reload();
  assert.match(await visitor.locator('main').innerText(), /Please go to window 1/);
  await assertAccessible(visitor, 'the called ticket');

  // Serve, then finish.
  await operator.getByRole('button', { name: 'Start serving' }).click();
  await operator.waitForLoadState('load');
  await assertAccessible(operator, 'serving a visitor');
  assert.ok(await operator.getByRole('link', { name: 'Start an application for this visitor' }).isVisible());
  await operator.getByRole('button', { name: 'Finish' }).click();
  await operator.waitForLoadState('load');
  await assertAccessible(operator, 'after finishing');
  assert.match(await operator.locator('main').innerText(), /Service finished/);

  // One more served visitor in today's statistics.
  await visit(chief, '/sisian/staff/queue/stats', 'office statistics after the visit');
  assert.equal(Number(await chief.locator('#stat-served').innerText()), servedBefore + 1);
});
