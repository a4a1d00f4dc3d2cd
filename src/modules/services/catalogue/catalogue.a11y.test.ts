// The catalogue in a real browser: every page passes axe in Armenian and English (the
// editor also with its errors shown), and the editor saves a new version with JavaScript off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, startServer } from '../../../../e2e/browser.ts';
import { signInAs } from '../../../../test/session.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { installTemplates } from './catalogue.service.ts';
import { getService } from './catalogue.queries.ts';

test('catalogue pages pass axe; the editor works without JavaScript', async (t) => {
  const server = await startServer(t);
  const { services, browser, base } = server;
  const db = services.db.kysely;
  const sisian = await db.selectFrom('communities').select('id').where('slug', '=', 'sisian').executeTakeFirstOrThrow();
  await db.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, sisian.id));
  const tenant = new TenantDb(db, sisian.id);
  const id = async (code: string) => (await tenant.selectFrom('service_definitions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const construction = await id('construction-permit');
  const trade = await id('trade-permit');
  const session = await signInAs(services, 'it@sisian.example');
  const [name, value] = session.cookie.split('=') as [string, string];
  const contextFor = async (lang: string, javaScriptEnabled: boolean, signedIn = true) => {
    const context = await browser.newContext({ baseURL: base, javaScriptEnabled });
    await context.addCookies([{ name: 'mmis_lang', value: lang, url: base }, ...(signedIn ? [{ name, value, url: base }] : [])]);
    return context;
  };

  for (const lang of ['hy', 'en']) {
    const anon = await contextFor(lang, true, false);
    const page = await anon.newPage();
    for (const url of ['/sisian/services', `/sisian/services/${construction}`, `/sisian/services/${trade}`]) {
      assert.equal((await page.goto(url))?.status(), 200, url);
      await assertAccessible(page, `${url} (${lang})`);
    }
    await anon.close();
    const staff = await contextFor(lang, true);
    const p = await staff.newPage();
    for (const url of ['/sisian/staff/services', '/sisian/staff/services/templates', '/sisian/staff/services/new', `/sisian/staff/services/${construction}`, `/sisian/staff/services/${construction}/versions`]) {
      assert.equal((await p.goto(url))?.status(), 200, url);
      await assertAccessible(p, `${url} (${lang})`);
    }
    // The editor with field errors and JSON issues on show.
    await p.goto(`/sisian/staff/services/${construction}`);
    await p.locator('#field-name_hy').fill('');
    await p.locator('#field-advanced').fill('{"fields": []');
    await Promise.all([p.waitForLoadState('load'), p.locator('form[method="post"] button[type="submit"]').last().click()]);
    assert.equal(await p.locator('.error-summary').count(), 1);
    await assertAccessible(p, `editor with errors (${lang})`);
    await staff.close();
  }

  const noJs = await contextFor('en', false);
  const page = await noJs.newPage();
  await page.goto(`/sisian/staff/services/${construction}`);
  await page.getByLabel('Rate per unit (AMD)').fill('150');
  await page.getByLabel('Approve: Community head').uncheck();
  await page.getByLabel('Approve: Deputy head').check();
  await Promise.all([page.waitForURL(/done=saved/), page.getByRole('button', { name: 'Save as a new version' }).click()]);
  assert.match(await page.getByRole('status').innerText(), /new version is saved/);
  const saved = (await getService(tenant, construction))!;
  assert.equal(saved.version, 2);
  assert.deepEqual(saved.spec.fee, { kind: 'per_unit', field: 'floor_area', rate: '150', base: 0, min: 3000 });
  assert.deepEqual(saved.spec.workflow.actions.find((a) => a.key === 'approve')!.roles, ['deputy_head']);
  await noJs.close();
});
