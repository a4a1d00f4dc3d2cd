// The audit log pages in a real browser: zero axe violations, and the filter form works
// with JavaScript off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { setup } from '../../../test/helpers.ts';
import { signInAs } from '../../../test/session.ts';
import { assertAccessible, chromiumPath } from '../../../e2e/browser.ts';

test('audit log pages pass axe and filter without JavaScript', async (t) => {
  const { app, services } = await setup(t, 'sqlite');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  const base = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());

  const session = await signInAs(services, 'chief@sisian.example');
  const [name, value] = session.cookie.split('=') as [string, string];
  const contextFor = async (lang: string, javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ baseURL: base, javaScriptEnabled });
    await context.addCookies([{ name, value, url: base }, { name: 'mmis_lang', value: lang, url: base }]);
    return context;
  };

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
