// The demographics page: totals match SQL counts, no personal data, a settlement head
// sees their settlement only, and every chart is described and backed by a table.
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { DEMO_STAFF } from '../../../demo/demo-data.ts';

/** The signed-in staff member's own name is in the page header; it may match a made-up resident. */
const STAFF_NAMES = new Set(DEMO_STAFF.map((s) => s.fullName));

const URL = '/sisian/staff/registry/demographics';

async function get(env: TestEnv, email: string, url = URL) {
  const { cookie } = await signInAs(env.services, email);
  return env.app.inject({ method: 'GET', url, headers: { cookie } });
}

function totals(html: string): number[] {
  const list = /<ul class="stats" id="totals">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  // Thousands are separated by a no-break space (formatNumber): "2 077".
  return [...list.matchAll(/<span class="stat-value">([^<]*)<\/span>/g)].map((m) => Number(m[1]!.replace(/\u00a0/g, '')));
}

function figure(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start > 0, `${id} is on the page`);
  return html.slice(start, html.indexOf('</figure>', start));
}

async function sqlCounts(env: TestEnv, settlementName?: string) {
  const db = env.services.db.kysely;
  let q = db
    .selectFrom('residents')
    .innerJoin('communities', 'communities.id', 'residents.community_id')
    .innerJoin('settlements', 'settlements.id', 'residents.settlement_id')
    .where('communities.slug', '=', 'sisian')
    .where('residents.status', '=', 'registered');
  if (settlementName) q = q.where('settlements.name_en', '=', settlementName);
  const r = await q
    .select([(eb) => eb.fn.countAll<number>().as('residents'), (eb) => eb.fn.count<number>('residents.household_id').distinct().as('households')])
    .executeTakeFirstOrThrow();
  return [Number(r.residents), Number(r.households)];
}

bothEngines('demographics: totals equal the SQL counts and no personal data is shown', async (t, engine) => {
  const env = await setup(t, engine);
  const res = await get(env, 'head@sisian.example');
  assert.equal(res.statusCode, 200);
  const html = res.body;
  const [residents, households, , male, female] = totals(html);
  assert.deepEqual([residents, households], await sqlCounts(env));
  assert.equal(male! + female!, residents);

  const people = await env.services.db.kysely.selectFrom('residents').select(['last_name', 'first_name', 'public_service_number', 'phone']).execute();
  for (const p of people) {
    const full = `${p.first_name} ${p.last_name}`;
    assert.ok(!html.includes(`${p.last_name} ${p.first_name}`), 'no resident name');
    if (!STAFF_NAMES.has(full)) assert.ok(!html.includes(full), 'no resident name');
    assert.ok(!html.includes(p.public_service_number!), 'no PSN');
    if (p.phone) assert.ok(!html.includes(p.phone), 'no phone');
  }

  assert.match(html, /<span class="stat-value">\d\u00a0\d{3}<\/span>/, 'thousands are spaced as in money');
  // Three charts, each an image with a title and a description, each with its table.
  assert.equal((html.match(/role="img"/g) ?? []).length, 3);
  for (const id of ['chart-pyramid', 'chart-households', 'chart-settlements']) {
    const f = figure(html, id);
    assert.match(f, new RegExp(`id="${id}-title">[^<]+<`));
    assert.match(f, new RegExp(`id="${id}-desc">[^<]+<`));
    assert.match(f, /aria-labelledby="[^"]+-title [^"]+-desc"/);
    assert.match(f, /<details><summary>[^<]+<\/summary><table class="table"><caption>[^<]+<\/caption>/);
    assert.match(f, /<th scope="col"/);
    assert.match(f, /<th scope="row"/);
  }
  // The pyramid's table adds up to the total.
  const cells = [...figure(html, 'chart-pyramid').matchAll(/<td class="numeric">([\d\u00a0]+)<\/td>/g)].map((m) => Number(m[1]!.replace(/\u00a0/g, '')));
  assert.equal(cells.reduce((a, b) => a + b, 0), residents);

  // English and Russian pages render too; roles without the permission are refused.
  for (const [lang, title] of [['en', /<h1>Demographics/], ['ru', /<h1>Демограф/]] as const) {
    const page = await env.app.inject({ method: 'GET', url: URL, headers: { cookie: `${(await signInAs(env.services, 'head@sisian.example')).cookie}; mmis_lang=${lang}` } });
    assert.match(page.body, title, lang);
  }
  assert.equal((await get(env, 'operator@sisian.example')).statusCode, 403);
});

bothEngines('demographics: a settlement head sees only their settlement', async (t, engine) => {
  const env = await setup(t, engine);
  const res = await get(env, 'angeghakot@sisian.example');
  assert.equal(res.statusCode, 200);
  const [residents, households] = totals(res.body);
  assert.deepEqual([residents, households], await sqlCounts(env, 'Angeghakot'));
  assert.ok(residents! > 0);
  const bySettlement = figure(res.body, 'chart-settlements');
  assert.match(bySettlement, /Անգեղակոթ/);
  for (const other of ['Բռնակոթ', 'Տոլորս', 'Ույծ', 'Շաղատ']) assert.doesNotMatch(bySettlement, new RegExp(other));
  // Another community's staff cannot read Sisian's figures.
  assert.notEqual((await get(env, 'head@jermuk.example')).statusCode, 200);
});
