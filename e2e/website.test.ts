// The community website in a real browser at phone width (390 px): a visitor reads a news
// item in Russian and switches to Armenian on the same item; every page passes axe. The home
// page's weight (HTML + CSS + JS, no images) stays within the 60 KB budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, startServer } from './browser.ts';

test('a visitor reads a news item in Russian and switches to Armenian on the same item', async (t) => {
  const server = await startServer(t);
  const context = await server.browser.newContext({ baseURL: server.base, viewport: { width: 390, height: 844 } });
  t.after(() => context.close());
  await context.addCookies([{ name: 'mmis_lang', value: 'ru', url: server.base }]);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();

  const home = await page.goto('/sisian');
  assert.equal(home?.status(), 200);
  await assertAccessible(page, 'the home page in Russian');
  const html = await home!.text();
  const css = await (await page.request.get('/static/app.css')).text();
  const scripts = await page.locator('script[src]').count();
  const weight = Buffer.byteLength(html) + Buffer.byteLength(css);
  assert.equal(scripts, 0, 'the home page needs no JavaScript');
  assert.ok(weight <= 60 * 1024, `home page weight ${weight} bytes`);
  console.log(`# home page weight: HTML ${Buffer.byteLength(html)} B + CSS ${Buffer.byteLength(css)} B + JS 0 B = ${weight} B`);

  await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Новости' }).click();
  await assertAccessible(page, 'the news list in Russian');
  // A news item translated to Russian (the demo translates some).
  const item = page.locator('main .post-list h2:not([lang]) a').first();
  const russianTitle = (await item.textContent())!.trim();
  assert.match(russianTitle, /[А-Яа-я]/, 'a translated headline');
  await item.click();
  await page.waitForLoadState('load');
  const itemPath = new URL(page.url()).pathname;
  assert.match(itemPath, /^\/sisian\/news\/\d+$/);
  assert.equal((await page.locator('main h1').textContent())!.trim(), russianTitle);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  await assertAccessible(page, 'a news item in Russian');

  await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Հայերեն' }).click();
  await page.waitForLoadState('load');
  assert.equal(new URL(page.url()).pathname, itemPath, 'the switch keeps the visitor on the same item');
  assert.equal(await page.locator('html').getAttribute('lang'), 'hy');
  assert.match((await page.locator('main h1').textContent())!, /[Ա-Ֆա-ֆ]/, 'the Armenian headline');
  await assertAccessible(page, 'the same news item in Armenian');
});
