// The public performance page in a real browser: axe passes in all three languages, with
// the demo's figures (table, totals and the chart). The page has no script of its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, startServer } from '../../../../e2e/browser.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { installTemplates } from '../catalogue/catalogue.ts';
import { seedServicesDemo } from '../../../demo/services-demo.ts';

test('the service performance page passes axe in hy, en and ru', async (t) => {
  const { services, browser, base } = await startServer(t);
  const db = services.db.kysely;
  // The demo's cases and figures (seeded here while src/demo/seed.ts does not seed them yet).
  if (!(await db.selectFrom('service_stats').select('id').limit(1).executeTakeFirst())) {
    const ids = new Map((await db.selectFrom('communities').select(['slug', 'id']).execute()).map((c) => [c.slug, c.id]));
    for (const id of ids.values()) await db.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, id));
    await seedServicesDemo(services, db, { ...SYSTEM_ACTOR, label: 'demo seed' }, ids);
  }
  for (const lang of ['hy', 'en', 'ru']) {
    const context = await browser.newContext({ baseURL: base });
    await context.addCookies([{ name: 'mmis_lang', value: lang, url: base }]);
    const page = await context.newPage();
    assert.equal((await page.goto('/sisian/services/performance'))?.status(), 200);
    assert.equal(await page.locator('#chart-on-time [role="img"]').count(), 1, 'the chart is there');
    assert.ok((await page.locator('table.table tbody tr').count()) > 10, 'a row per service');
    assert.equal(await page.locator('script').count(), 0, 'no script: it works without JavaScript');
    await assertAccessible(page, `performance page (${lang})`);
    await context.close();
  }
});
