// Browser journeys through a real server and Debian's Chromium: staff sign-in, language
// switch and a role change; a citizen registering; the community home pages; the same
// staff journey with JavaScript off. Every page visited must pass axe with zero violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_COMMUNITIES } from '../src/demo/demo-data.ts';
import { DEMO_PASSWORD, assertAccessible, englishContext, signIn, startServer, visit } from './browser.ts';
import { signInAs } from '../test/session.ts';

async function changeRole(page: Page, base: string): Promise<void> {
  await visit(page, '/sisian/staff', 'staff dashboard');
  await page.getByRole('link', { name: /staff (and|&) roles/i }).first().click();
  await page.waitForLoadState('load');
  assert.match(page.url(), /\/sisian\/staff\/people/, 'the Staff and roles link leads to the people list');
  await assertAccessible(page, 'staff and roles');

  // The specialist's page: their row in the list links to it.
  const row = page.getByRole('row').filter({ hasText: 'specialist@sisian.example' });
  await row.getByRole('link').first().click();
  await page.waitForLoadState('load');
  await assertAccessible(page, "a colleague's page");

  await page.getByLabel(/^role/i).first().selectOption('accountant');
  await page.getByRole('button', { name: /grant role/i }).click();
  await page.waitForLoadState('load');
  await assertAccessible(page, 'after granting a role');
  assert.match(await page.locator('main').innerText(), /Accountant/, 'the granted role is shown on the person page');

  await visit(page, `${base}/sisian/staff/people`, 'staff and roles after the change');
  const after = page.getByRole('row').filter({ hasText: 'specialist@sisian.example' });
  assert.match(await after.innerText(), /Accountant/, 'the people list shows the new role');
}

test('browser journeys', async (t) => {
  const server = await startServer(t);
  const problems: string[] = [];
  // Each journey runs on its own; a missing page fails that journey, and the test, at the end.
  const journey = async (name: string, fn: () => Promise<void>) => {
    await t.test(name, async () => {
      try {
        await fn();
      } catch (err) {
        problems.push(`${name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        throw err;
      }
    });
  };

  await journey('staff signs in, switches language and grants a role', async () => {
    const context = await englishContext(server);
    const page = await context.newPage();
    await signIn(page, 'it@sisian.example', DEMO_PASSWORD);
    await visit(page, '/sisian/staff', 'staff dashboard');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru', 'the Russian link switches the page to Russian');
    assert.match(new URL(page.url()).pathname, /^\/sisian\/staff/, 'the language switch returns to the same page');
    await assertAccessible(page, 'dashboard in Russian');

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the English link switches back');
    await assertAccessible(page, 'dashboard in English');

    await changeRole(page, server.base);
    await context.close();
  });

  await journey('a citizen registers, signs out and signs in again', async () => {
    const context = await englishContext(server);
    const page = await context.newPage();
    const email = `new-citizen-${Date.now()}@citizen.example`;
    const password = 'a-long-citizen-password-42';
    await visit(page, '/register', 'registration page');
    await page.getByLabel(/full name|name/i).first().fill('Նոր Քաղաքացի');
    await page.getByLabel(/e-?mail/i).first().fill(email);
    const passwords = page.getByLabel(/password/i);
    for (let i = 0; i < (await passwords.count()); i++) await passwords.nth(i).fill(password);
    const consent = page.getByRole('checkbox');
    for (let i = 0; i < (await consent.count()); i++) await consent.nth(i).check();
    await page.getByRole('button', { name: /register|create account/i }).click();
    await page.waitForLoadState('load');
    assert.match(new URL(page.url()).pathname, /^\/account/, 'a new citizen lands on /account');
    await assertAccessible(page, 'account page');

    await page.getByRole('button', { name: /sign out/i }).first().click();
    await page.waitForLoadState('load');
    assert.ok(await page.getByRole('link', { name: /sign in/i }).first().isVisible(), 'signed out: the sign-in link is back');
    await assertAccessible(page, 'after signing out');

    await signIn(page, email, password);
    await visit(page, '/account', 'account page after signing in again');
    assert.match(await page.locator('main').innerText(), new RegExp(email.replace(/[.]/g, '\\.')));
    await context.close();
  });

  await journey('each community site shows its name, and its settlements on the About page', async () => {
    const context = await englishContext(server);
    const page = await context.newPage();
    for (const c of DEMO_COMMUNITIES) {
      await visit(page, `/${c.slug}`, `${c.name_en} home page`);
      assert.match(await page.locator('h1').first().innerText(), new RegExp(c.name_en));
      // The settlements are on the site's About page, one link away from the home page.
      await page.locator('header, nav').getByRole('link', { name: /^About/ }).first().click();
      await page.waitForLoadState('load');
      const text = await page.locator('main').innerText();
      for (const s of c.settlements) assert.ok(text.includes(s.name_en), `${c.name_en} lists ${s.name_en}`);
    }
    await context.close();
  });

  await journey('without JavaScript: staff signs in and grants a role', async () => {
    const context = await englishContext(server, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'it@sisian.example', DEMO_PASSWORD);
    // The first journey granted 'accountant' already; take it back first, then grant it again.
    await visit(page, '/sisian/staff/people', 'staff and roles (no JS)');
    const row = page.getByRole('row').filter({ hasText: 'specialist@sisian.example' });
    await row.getByRole('link').first().click();
    await page.waitForLoadState('load');
    const revoke = page.getByRole('button', { name: /revoke accountant/i });
    if (await revoke.count()) {
      await revoke.first().click();
      await page.waitForLoadState('load');
    }
    await changeRole(page, server.base);
    await context.close();
  });

  await journey('on a 390 px phone, "My applications" and the performance page fit the screen in every language', async () => {
    const { cookie } = await signInAs(server.services, 'hayk@citizen.example');
    const [name, value] = cookie.split('=') as [string, string];
    for (const lang of ['hy', 'en', 'ru']) {
      const context = await server.browser.newContext({ baseURL: server.base, viewport: { width: 390, height: 844 } });
      await context.addCookies([{ name: 'mmis_lang', value: lang, url: server.base }, { name, value, url: server.base }]);
      const page = await context.newPage();
      for (const url of ['/account/cases', '/sisian/services/performance']) {
        await visit(page, url, `${url} on a phone (${lang})`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `${url} (${lang}) is ${width} px wide on a 390 px screen`);
      }
      await context.close();
    }
  });

  await journey('page weight: HTML and CSS of /sisian under 100 KB', async () => {
    const html = await fetch(`${server.base}/sisian`);
    const body = await html.text();
    let bytes = Buffer.byteLength(body);
    for (const m of body.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
      const css = await fetch(new URL(m[1]!, server.base));
      bytes += Buffer.byteLength(await css.text());
    }
    assert.ok(bytes < 100 * 1024, `HTML + CSS of /sisian is ${(bytes / 1024).toFixed(1)} KB`);
  });

  if (problems.length) t.diagnostic(`journeys that failed:\n  ${problems.join('\n  ')}`);
});
