// The estimator in a real browser on a 390 px phone: with JavaScript off it is filled in and
// sent like any GET form and shows the tax with its rule and mark; the same answer and the
// form with errors fit the screen and pass axe (which needs JavaScript) in Armenian and English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, startServer } from '../../../../e2e/browser.ts';

const PHONE = { width: 390, height: 844 };

test('the tax estimator on a phone: works without JavaScript, fits 390 px, axe-clean', async (t) => {
  const server = await startServer(t);
  const noJs = await server.browser.newContext({ baseURL: server.base, viewport: PHONE, javaScriptEnabled: false });
  await noJs.addCookies([{ name: 'mmis_lang', value: 'en', url: server.base }]);
  noJs.setDefaultTimeout(20_000);
  const form = await noJs.newPage();
  assert.equal((await form.goto('/sisian/taxes/estimate'))?.status(), 200);
  await form.locator('#field-kind').selectOption('vehicle');
  await form.locator('#field-year').fill('2026');
  await form.locator('#field-class').selectOption('car');
  await form.locator('#field-hp').fill('200');
  await form.locator('#field-manufactured').fill('2025');
  await Promise.all([form.waitForURL(/kind=vehicle/), form.locator('form[method="get"] button[type="submit"]').click()]);
  assert.match(await form.locator('#estimate-result + p').innerText(), /110\s000/);
  assert.ok(await form.locator('.tag-yellow').count() > 0, 'the to-be-checked mark is shown');
  const answer = new URL(form.url()).pathname + new URL(form.url()).search;
  await noJs.close();

  for (const lang of ['hy', 'en'] as const) {
    const context = await server.browser.newContext({ baseURL: server.base, viewport: PHONE });
    await context.addCookies([{ name: 'mmis_lang', value: lang, url: server.base }]);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    for (const [url, status] of [[answer, 200], ['/sisian/taxes/estimate?kind=land&year=2026', 400]] as const) {
      assert.equal((await page.goto(url))?.status(), status, url);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${url} (${lang}) is ${width} px wide on a 390 px screen`);
      await assertAccessible(page, `${url} (${lang})`);
    }
    await context.close();
  }
});
