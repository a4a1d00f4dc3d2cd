// Shared setup of the browser journeys: Debian's Chromium through playwright-core, a real
// server over a fresh SQLite database with the demo, and an axe check for every page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { setup } from '../test/helpers.ts';
import type { Services } from '../src/platform/module/contract.ts';

export { DEMO_PASSWORD } from '../test/helpers.ts';

/** Debian's Chromium, or a failure that says how to install it (tests never skip). */
export function chromiumPath(): string {
  let found = '';
  try {
    found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    found = '';
  }
  if (!found || !fs.existsSync(found)) {
    throw new Error("Chromium was not found: install Debian's chromium (`apt-get install chromium`). Browser tests cannot run without it.");
  }
  return found;
}

export interface Server {
  base: string;
  browser: Browser;
  /** The server's services (database, config), for setting up and checking data in a journey. */
  services: Services;
}

/** Starts the app on a free port and a headless Chromium; both stop when `t` ends. */
export async function startServer(t: TestContext): Promise<Server> {
  const executablePath = chromiumPath();
  const { app, services } = await setup(t, 'sqlite');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  t.after(() => browser.close());
  return { base: `http://127.0.0.1:${address.port}`, browser, services };
}

/** Contexts with JavaScript off: axe cannot run inside them (it is a script); their pages are the
 *  same URLs the JavaScript journeys check, so the check is made there. */
const noScript = new WeakSet<BrowserContext>();

/** A fresh browser context in English (the journeys switch languages later). */
export async function englishContext(server: Server, opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await server.browser.newContext({ baseURL: server.base, javaScriptEnabled: opts.javaScriptEnabled ?? true });
  await context.addCookies([{ name: 'mmis_lang', value: 'en', url: server.base }]);
  if (opts.javaScriptEnabled === false) noScript.add(context);
  context.setDefaultTimeout(10_000);
  return context;
}

/**
 * Opens browser contexts for one person signed in with signInAs (`cookie` is its session
 * cookie): in a language, with JavaScript on or off, or signed out to see what others see.
 */
export function contextsFor(server: Pick<Server, 'base' | 'browser'>, cookie: string) {
  const [name, value] = cookie.split('=') as [string, string];
  return async (lang: string, javaScriptEnabled: boolean, signedIn = true): Promise<BrowserContext> => {
    const context = await server.browser.newContext({ baseURL: server.base, javaScriptEnabled });
    await context.addCookies([{ name: 'mmis_lang', value: lang, url: server.base }, ...(signedIn ? [{ name, value, url: server.base }] : [])]);
    return context;
  };
}

/** Zero axe violations on the page as it is now. */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  if (noScript.has(page.context())) return;
  const result = await new AxeBuilder({ page }).analyze();
  const list = result.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n      ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n      ')}`,
  );
  assert.equal(result.violations.length, 0, `axe violations on ${what} (${page.url()}):\n    ${list.join('\n    ')}`);
}

/** Goes to a URL, expects a 2xx answer, checks accessibility. */
export async function visit(page: Page, url: string, what: string): Promise<void> {
  const res = await page.goto(url);
  assert.ok(res, `no response for ${url}`);
  assert.ok(res.status() < 400, `${what}: ${url} answered ${res.status()}`);
  await assertAccessible(page, what);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await visit(page, '/signin', 'sign-in page');
  await page.getByLabel(/e-?mail/i).first().fill(email);
  await page.getByLabel(/password/i).first().fill(password);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /sign in/i }).click()]);
  await page.waitForLoadState('load');
  assert.doesNotMatch(new URL(page.url()).pathname, /^\/signin/, `still on the sign-in page after signing in as ${email}`);
}
