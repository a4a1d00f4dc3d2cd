// The compliance check on both engines: what the demo community lacks, a page tagged with a
// category turning it green, an old item going stale, and a category another module owns
// turning green when a module publishes that kind (a test module on the real seam).
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { MODULES } from '../index.ts';
import type { ModuleManifest } from '../../platform/module/contract.ts';
import { checkCompliance } from './compliance.ts';
import { editorFor, published, staffAs } from './website.testkit.ts';

/** A module that publishes the budget, as the finance module will. */
const budgetPublisher: ModuleManifest = {
  name: 'budget-test',
  publications: [{
    kind: 'finance.budget', label: 'website.cat.budget',
    list: async (_s, c) => [{ id: '2026', title: 'Բյուջե 2026', date: new Date().toISOString().slice(0, 10), url: `/${c.slug}/budget/2026`, language: 'hy', attachments: [] }],
  }],
};

const statusOf = (rows: Awaited<ReturnType<typeof checkCompliance>>, key: string) => rows.find((r) => r.category.key === key)!.status;

bothEngines('compliance: present, fresh, stale and missing categories, each with a way to fix it', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = (await env.services.communities.bySlug('sisian'))!;
  const before = await checkCompliance(env.services, sisian);
  assert.equal(statusOf(before, 'reception_hours'), 'fresh', 'the demo community has reception hours in its settings');
  assert.equal(statusOf(before, 'services'), 'fresh', 'the service catalogue publishes the services');
  assert.equal(statusOf(before, 'information_list'), 'fresh', 'the demo has a page tagged with it');
  assert.equal(statusOf(before, 'budget'), 'fresh', 'the finance module publishes the adopted budget');
  assert.equal(statusOf(before, 'tariffs'), 'fresh', 'the finance module publishes this year\'s local duty and fee rates');
  assert.equal(statusOf(before, 'vacancies'), 'missing');

  const ed = await editorFor(env, 'sisian');
  await published(ed, 'page', { title_hy: 'Թափուր աշխատատեղեր', path: 'vacancies', category: 'vacancies' });
  // A development plan last touched 400 days ago: the category asks for a yearly update.
  const old = await published(ed, 'page', { title_hy: 'Զարգացման ծրագիր', path: 'plan', category: 'development_plan' });
  await ed.tenant.updateTable('web_posts').set({ updated_at: new Date(Date.now() - 400 * 86400_000).toISOString() }).where('id', '=', old).execute();
  const after = await checkCompliance(env.services, sisian);
  assert.equal(statusOf(after, 'vacancies'), 'fresh');
  assert.equal(statusOf(after, 'development_plan'), 'stale');

  const chief = await staffAs(env, 'chief@sisian.example');
  const page = await chief.get('/sisian/staff/website/compliance');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Community budget/);
  assert.match(page.body, /href="\/sisian\/staff\/website\/page\/new\?category=procurement"/, 'a link to write the missing page');
  assert.match(page.body, /to check/, 'categories resting on unverified law are marked');
  const prefilled = await chief.get('/sisian/staff/website/page/new?category=budget');
  assert.match(prefilled.body, /<option value="budget" selected/);
  // The head reads the page; the operator has no business there.
  assert.equal((await (await staffAs(env, 'head@sisian.example')).get('/sisian/staff/website/compliance')).statusCode, 200);
  assert.equal((await (await staffAs(env, 'operator@sisian.example')).get('/sisian/staff/website/compliance')).statusCode, 403);
});

bothEngines('compliance: a category owned by another module turns green when a module publishes it; the ministry sees the summary', async (t, engine) => {
  const env = await setup(t, engine, { modules: [...MODULES, budgetPublisher] });
  const sisian = (await env.services.communities.bySlug('sisian'))!;
  const rows = await checkCompliance(env.services, sisian);
  assert.equal(statusOf(rows, 'budget'), 'fresh');
  assert.deepEqual(rows.find((r) => r.category.key === 'budget')!.foundIn, ['finance.budget']);
  // The home page shows the new module's section without any change to the website.
  const home = await env.app.inject({ method: 'GET', url: '/sisian' });
  assert.match(home.body, /Բյուջե 2026/);

  const analyst = await staffAs(env, 'analyst@ministry.example');
  const national = await analyst.get('/national/website-compliance');
  assert.equal(national.statusCode, 200);
  assert.match(national.body, /Sisian/);
  assert.match(national.body, /Jermuk/);
  assert.equal((await (await staffAs(env, 'chief@sisian.example')).get('/national/website-compliance')).statusCode, 403);
});
