// The estimator in a real browser on a 390 px phone with JavaScript off: filled in and sent
// like any GET form, it shows the tax with its rule and mark, fits the screen and passes axe
// (with its answer, and with errors) in Armenian and English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, startServer } from '../../../../e2e/browser.ts';

test('the tax estimator on a phone without JavaScript: an answer with its rule, axe-clean', async (t) => {
  const server = await startServer(t);
  for (const lang of ['hy', 'en'] as const) {
    const context = await server.browser.newContext({ baseURL: server.base, viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await context.addCookies([{ name: 'mmis_lang', value: lang, url: server.base }]);
    const page = await context.newPage();
    assert.equal((await page.goto('/sisian/taxes/estimate'))?.status(), 200);
    await page.locator('#field-kind').selectOption('vehicle');
    await page.locator('#field-year').fill('2026');
    await page.locator('#field-class').selectOption('car');
    await page.locator('#field-hp').fill('200');
    await page.locator('#field-manufactured').fill('2025');
    await Promise.all([page.waitForURL(/kind=vehicle/), page.locator('form[method="get"] button[type="submit"]').click()]);
    assert.match(await page.locator('#estimate-result + p').innerText(), /110\s000/);
    assert.ok(await page.locator('.tag-yellow').count() > 0, 'the to-be-checked mark is shown');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the estimator (${lang}) is ${width} px wide on a 390 px screen`);
    await assertAccessible(page, `estimator with an answer (${lang})`);
    await page.goto('/sisian/taxes/estimate?kind=land&year=2026');
    assert.equal(await page.locator('.error-summary').count(), 1);
    await assertAccessible(page, `estimator with errors (${lang})`);
    await context.close();
  }
});
