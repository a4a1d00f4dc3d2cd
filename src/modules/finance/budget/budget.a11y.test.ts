// The public budget page in a real browser, on a 390 px phone: the demo's adopted budget
// with its tables and charts (each chart's numbers in a table beside it), no script, no
// sideways scrolling, and axe passes in hy, en and ru.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, startServer } from '../../../../e2e/browser.ts';

test('the public budget page passes axe in hy, en and ru at 390 px', async (t) => {
  const { browser, base } = await startServer(t);
  for (const lang of ['hy', 'en', 'ru']) {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 } });
    await context.addCookies([{ name: 'mmis_lang', value: lang, url: base }]);
    const page = await context.newPage();
    assert.equal((await page.goto('/sisian/budget'))?.status(), 200);
    for (const id of ['chart-expense-plan', 'chart-expense-execution', 'chart-revenue-execution']) {
      assert.equal(await page.locator(`#${id} [role="img"]`).count(), 1, `${id} is drawn`);
      assert.ok((await page.locator(`#${id} details table tbody tr`).count()) > 0, `${id} has its numbers in a table`);
    }
    assert.ok((await page.locator('table.table tbody tr').count()) > 20, 'a row per line and the totals');
    assert.equal(await page.locator('script').count(), 0, 'no script: it works without JavaScript');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow} px too wide)`);
    await assertAccessible(page, `budget page (${lang})`);
    await context.close();
  }
});
