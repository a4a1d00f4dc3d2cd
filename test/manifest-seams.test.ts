// The manifest's contributions each reach their consumer: messages the catalogue, tables
// the composed database, publications the community home page, indicators the dashboard
// (and the aggregation rules), search providers the back office's search box, audit
// vocabulary the audit pages, worklists the dashboard and the citizen's home page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from './helpers.ts';
import { signInAs } from './session.ts';
import { MODULES } from '../src/modules/index.ts';
import { formatNumber, translator } from '../src/platform/i18n/index.ts';
import { aggregateIndicator, computeIndicators, lastTwelveMonths } from '../src/platform/module/indicators.ts';
import type { Indicator, ModuleManifest } from '../src/platform/module/contract.ts';
import { describeTables } from '../src/platform/ops/tables.ts';

async function get(env: TestEnv, url: string, email?: string, lang = 'en') {
  const cookie = email ? `${(await signInAs(env.services, email)).cookie}; mmis_lang=${lang}` : `mmis_lang=${lang}`;
  return env.app.inject({ method: 'GET', url, headers: { cookie } });
}

test('every message a manifest hands over is in the catalogue, in all three languages', () => {
  for (const locale of ['hy', 'en', 'ru'] as const) {
    const t = translator(locale);
    for (const m of MODULES) {
      for (const part of m.messages ?? []) {
        for (const key of Object.keys(part.hy)) assert.equal(t(key as never), part[locale][key], `${m.name}: ${key} in ${locale}`);
      }
    }
  }
});

bothEngines('every table the migrations create belongs to exactly one manifest', async (t, engine) => {
  const env = await setup(t, engine, { demo: false });
  const owners = new Map<string, string[]>();
  for (const m of MODULES) for (const table of Object.keys(m.tables ?? {})) owners.set(table, [...(owners.get(table) ?? []), m.name]);
  const tables = (await describeTables(env.services.db)).map((x) => x.name).sort();
  assert.deepEqual(tables.filter((x) => (owners.get(x) ?? []).length !== 1), [], 'tables with no owner or two');
  assert.deepEqual([...owners.keys()].filter((x) => !tables.includes(x)), [], 'declared tables that do not exist');
});

test('indicators combine by their own rule: sums add, weighted means weigh, medians do not combine', () => {
  const ind = (aggregation: Indicator['aggregation']): Indicator => ({ key: 'x.y', label: 'app.name', unit: 'count', measure: 'flow', aggregation, compute: async () => null });
  assert.equal(aggregateIndicator(ind({ kind: 'sum' }), [{ value: 3 }, { value: null }, { value: 4 }]), 7);
  assert.equal(aggregateIndicator(ind({ kind: 'sum' }), [{ value: null }]), null);
  // 90 % of 100 decisions and 50 % of 10: 86.36 %, not the plain mean 70 %.
  assert.equal(aggregateIndicator(ind({ kind: 'weighted_mean', weight: 'w' }), [{ value: 90, weight: 100 }, { value: 50, weight: 10 }, { value: 10, weight: 0 }])?.toFixed(2), '86.36');
  assert.equal(aggregateIndicator(ind({ kind: 'weighted_mean', weight: 'w' }), [{ value: 50, weight: null }]), null);
  assert.equal(aggregateIndicator(ind({ kind: 'not_summable' }), [{ value: 3 }, { value: 5 }]), null);
});

bothEngines('indicators equal what the registers and cases hold, and the dashboard shows the key ones', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const sisian = await db.selectFrom('communities').select('id').where('slug', '=', 'sisian').executeTakeFirstOrThrow();
  const period = lastTwelveMonths();
  const values = new Map((await computeIndicators(env.services, sisian.id, period)).map((v) => [v.indicator.key, v.value]));
  const residents = await db.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', sisian.id).where('status', '=', 'registered').executeTakeFirstOrThrow();
  assert.equal(values.get('registry.residents'), Number(residents.n));
  const from = new Date(`${period.from}T00:00:00+04:00`).toISOString();
  const decided = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', sisian.id).where('registered_at', '>=', from).where('decided_at', 'is not', null).executeTakeFirstOrThrow();
  assert.equal(values.get('services.cases_decided'), Number(decided.n));
  assert.ok(Number(decided.n) > 0, 'the demo has decided cases');
  const share = values.get('services.on_time_share')!;
  assert.ok(share > 0 && share <= 100);
  // A past day counts the residents registered by then: fewer than or equal to today's.
  const lastYear = await computeIndicators(env.services, sisian.id, { from: '2020-01-01', to: '2020-12-31' }, (i) => i.key === 'registry.residents');
  assert.ok((lastYear[0]!.value ?? 0) <= Number(residents.n));

  const page = await get(env, '/sisian/staff', 'chief@sisian.example');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Applications decided/);
  assert.match(page.body, new RegExp(`<dt>Residents</dt><dd>${formatNumber(Number(residents.n), 'en')}</dd>`));
  // A council member may not open the registers or cases: neither group nor its figures appear.
  const council = await get(env, '/sisian/staff', 'council@sisian.example');
  assert.doesNotMatch(council.body, /Applications decided/);
});

bothEngines("the dashboard starts with the person's own work, the same counts as the inbox tabs", async (t, engine) => {
  const env = await setup(t, engine);
  const dash = await get(env, '/sisian/staff', 'chief@sisian.example');
  const inbox = await get(env, '/sisian/staff/cases?view=overdue', 'chief@sisian.example');
  const overdue = /<span class="stat-value">(\d+)<\/span> Overdue applications/.exec(dash.body)?.[1];
  assert.ok(overdue, 'the overdue count is on the dashboard');
  assert.ok(dash.body.indexOf('Your work') < dash.body.indexOf('Applications decided'), 'work comes before the figures');
  assert.match(inbox.body, new RegExp(`Overdue \\(${overdue}\\)`), 'the inbox tab shows the same count');
  assert.match(dash.body, /href="\/sisian\/staff\/cases\?view=overdue"/);
});

bothEngines('the back office is grouped by module: one entry each, its pages under it, only what the role allows', async (t, engine) => {
  const env = await setup(t, engine);
  const mainNav = (html: string) => /<nav class="main-nav"[^]*?<\/nav>/.exec(html)?.[0] ?? '';
  const subNav = (html: string) => /<nav class="sub-nav"[^]*?<\/nav>/.exec(html)?.[0] ?? '';
  const chief = await get(env, '/sisian/staff/registry/residents', 'chief@sisian.example');
  const top = [...mainNav(chief.body).matchAll(/<li><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
  // The first modules, then any later ones (document flow, council…), the platform's administration last.
  assert.deepEqual(top.slice(0, 4), ['Dashboard', 'Services', 'Registers', 'Finance']);
  assert.ok(top.indexOf('Administration') > top.indexOf('Document flow'), 'the platform\'s administration after the modules');
  assert.ok(top.includes('Document flow'), 'the documents module has its entry');
  assert.match(subNav(chief.body), /aria-current="page"[^>]*>Residents</);
  assert.match(subNav(chief.body), />Land and buildings</);
  assert.doesNotMatch(subNav(chief.body), />Cases</, 'only the current module\'s pages');
  const operator = await get(env, '/sisian/staff', 'operator@sisian.example');
  assert.doesNotMatch(mainNav(operator.body), />Administration</, 'an operator has no administration pages');
});

const probe: ModuleManifest = {
  name: 'probe',
  publications: [{
    kind: 'probe.notices',
    label: 'app.name',
    list: async (_s, community, { locale }) => [{ id: '1', title: `Probe notice for ${community.slug}`, date: '2026-12-01', url: `/${community.slug}/probe/1`, language: locale, attachments: [] }],
  }],
};

bothEngines('the home page shows what modules publish, popular services first, and the citizen\'s own applications', async (t, engine) => {
  const env = await setup(t, engine, { modules: [...MODULES, probe] });
  const home = await get(env, '/sisian');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Probe notice for sisian/, 'a module the home page does not know is shown');
  assert.match(home.body, /href="\/sisian\/services"/, 'the catalogue is linked');
  assert.match(home.body, /href="\/sisian\/services\/performance"/, 'the performance page is linked');
  const top = await env.services.db.kysely.selectFrom('service_stats').innerJoin('communities', 'communities.id', 'service_stats.community_id')
    .select('service_stats.service_id').where('communities.slug', '=', 'sisian').orderBy('service_stats.cases', 'desc').limit(1).executeTakeFirstOrThrow();
  assert.match(home.body, new RegExp(`href="/sisian/services/${top.service_id}"`), 'the most used service is among the first shown');
  assert.match(home.body, /My applications/);
  const hayk = await get(env, '/sisian', 'hayk@citizen.example');
  assert.match(hayk.body, /Your applications here/);
  assert.match(hayk.body, /Waiting for your answer/, 'Hayk has a case waiting for him in the demo');
});

bothEngines('the account page lists the modules\' pages about oneself, and a citizen finds the way to a community', async (t, engine) => {
  const env = await setup(t, engine);
  const hayk = await get(env, '/account', 'hayk@citizen.example');
  assert.equal(hayk.statusCode, 200);
  for (const href of ['/account/cases', '/account/record-views']) {
    assert.match(hayk.body, new RegExp(`<a href="${href}">`), `the citizen's account links to ${href}`);
    assert.equal((await get(env, href, 'hayk@citizen.example')).statusCode, 200);
  }
  assert.match(hayk.body, /<a href="\/">Choose your community to apply for its services<\/a>/);
  assert.doesNotMatch(hayk.body, /no role in any community/, 'a citizen is not told about roles');
  const chief = await get(env, '/account', 'chief@sisian.example');
  assert.match(chief.body, /My communities and roles/);
  assert.match(chief.body, /href="\/sisian\/staff"/);
});

bothEngines('the one search box finds people, cases and organizations the user may see, and audits the people', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const c = await db.selectFrom('cases').innerJoin('communities', 'communities.id', 'cases.community_id')
    .select(['cases.reg_number', 'cases.applicant_name']).where('communities.slug', '=', 'sisian').where('cases.reg_number', 'is not', null)
    .where('cases.applicant_kind', '=', 'person').limit(1).executeTakeFirstOrThrow();
  const byNumber = await get(env, `/sisian/staff/search?q=${encodeURIComponent(c.reg_number!)}`, 'chief@sisian.example');
  assert.equal(byNumber.statusCode, 200);
  assert.match(byNumber.body, new RegExp(c.reg_number!.replace('/', '\\/')));
  const surname = c.applicant_name.split(' ')[0]!;
  const before = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'resident.search').executeTakeFirstOrThrow();
  const byName = await get(env, `/sisian/staff/search?q=${encodeURIComponent(surname)}`, 'chief@sisian.example');
  assert.match(byName.body, /<h2 id="hits-registry.people">Residents<\/h2>/);
  const after = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'resident.search').executeTakeFirstOrThrow();
  assert.ok(Number(after.n) > Number(before.n), 'the people search is audited');
  // An accountant may not see people or cases: no such sections, whatever the query.
  const accountant = await get(env, `/sisian/staff/search?q=${encodeURIComponent(surname)}`, 'accountant@sisian.example');
  assert.equal(accountant.statusCode, 200);
  assert.doesNotMatch(accountant.body, /hits-registry.people|hits-services.cases/);
  // Jermuk's staff do not find Sisian's cases.
  const jermuk = await get(env, `/jermuk/staff/search?q=${encodeURIComponent(c.reg_number!)}`, 'specialist@jermuk.example');
  assert.doesNotMatch(jermuk.body, new RegExp(c.applicant_name));
  // A street in any of its spellings, with a house number, finds the address.
  const a = await db.selectFrom('addresses').innerJoin('streets', 'streets.id', 'addresses.street_id')
    .innerJoin('communities', 'communities.id', 'addresses.community_id')
    .select(['addresses.id', 'addresses.number', 'streets.name_en', 'streets.name_hy']).where('communities.slug', '=', 'sisian').limit(1).executeTakeFirstOrThrow();
  for (const street of [a.name_en, a.name_hy.toLowerCase()]) {
    const byStreet = await get(env, `/sisian/staff/search?q=${encodeURIComponent(`${street} ${a.number}`)}`, 'chief@sisian.example');
    assert.match(byStreet.body, new RegExp(`href="/sisian/staff/registry/addresses/${a.id}"`), `"${street} ${a.number}" finds the address`);
  }
  const empty = await get(env, '/sisian/staff/search?q=%00%01', 'chief@sisian.example');
  assert.equal(empty.statusCode, 200);
});

bothEngines('the audit pages name events, subjects and system actors in the reader\'s language', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const c = await db.selectFrom('cases').innerJoin('communities', 'communities.id', 'cases.community_id')
    .select(['cases.id', 'cases.reg_number']).where('communities.slug', '=', 'sisian').where('cases.reg_number', 'is not', null).limit(1).executeTakeFirstOrThrow();
  await get(env, `/sisian/staff/cases/${c.id}`, 'chief@sisian.example');
  const en = await get(env, '/sisian/staff/audit?action=case.view', 'chief@sisian.example');
  assert.match(en.body, /Application viewed/);
  assert.doesNotMatch(en.body, /<td[^>]*>case\.view/);
  assert.match(en.body, new RegExp(`Application ${c.reg_number!.replace('/', '\\/')}`), 'the case is named by its number');
  const hy = await get(env, '/sisian/staff/audit', 'chief@sisian.example', 'hy');
  assert.match(hy.body, /Ցուցադրական տվյալներ/, 'the demo seed actor is Armenian on an Armenian page');
  assert.doesNotMatch(hy.body, />demo seed</);
  // Dates are typed and shown dd.mm.yyyy.
  const filtered = await get(env, '/sisian/staff/audit?from=01.01.2020&to=31.12.2030', 'chief@sisian.example');
  assert.equal(filtered.statusCode, 200);
  assert.match(filtered.body, /value="01\.01\.2020"/);
  const bad = await get(env, '/sisian/staff/audit?from=31.02.2026', 'chief@sisian.example');
  assert.equal(bad.statusCode, 400);
});
