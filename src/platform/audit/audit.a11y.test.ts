// The audit log pages in a real browser: zero axe violations, and the filter form works
// with JavaScript off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs } from '../../../test/session.ts';
import { assertAccessible, contextsFor, startServer } from '../../../e2e/browser.ts';

test('audit log pages pass axe and filter without JavaScript', async (t) => {
  const server = await startServer(t);
  const contextFor = contextsFor(server, (await signInAs(server.services, 'chief@sisian.example')).cookie);

  // Accessibility in every language (axe needs JavaScript in the page to run).
  for (const lang of ['en', 'hy', 'ru']) {
    const context = await contextFor(lang, true);
    const page = await context.newPage();
    const list = await page.goto('/sisian/staff/audit');
    assert.equal(list?.status(), 200);
    await assertAccessible(page, `audit log (${lang})`);
    const bad = await page.goto('/sisian/staff/audit?from=31.02.2026');
    assert.equal(bad?.status(), 400);
    await assertAccessible(page, `audit log with a filter error (${lang})`);
    await page.goto('/sisian/staff/audit');
    await Promise.all([page.waitForLoadState('load'), page.locator('table a').first().click()]);
    assert.match(page.url(), /\/sisian\/staff\/audit\/\d+$/);
    await assertAccessible(page, `audit event (${lang})`);
    await context.close();
  }

  // The filter form and the links work with JavaScript off.
  const context = await contextFor('en', false);
  const page = await context.newPage();
  await page.goto('/sisian/staff/audit');
  await page.getByLabel('Action').selectOption('role.grant');
  await Promise.all([page.waitForURL(/action=role\.grant/), page.getByRole('button', { name: 'Apply' }).click()]);
  assert.match(await page.locator('caption').innerText(), /Events: \d+/);
  await Promise.all([page.waitForURL(/\/sisian\/staff\/audit\/\d+$/), page.locator('table a').first().click()]);
  assert.match(await page.locator('h1').innerText(), /Event no\. \d+/);
  await context.close();
});
