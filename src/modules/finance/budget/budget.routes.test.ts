// The budget's pages over HTTP on both engines: the accountant starts a draft, loads its
// plan from a file (a bad file is refused with the reasons), adopts it by decision, records
// an amendment and imports a Treasury report twice; a council member reads but cannot
// change; the public page and the home page show the adopted budget only; all audited.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { browserAs } from '../../services/portal/portal.testkit.ts';
import { EXEC_HEADER, PLAN, PLAN_HEADER, YEAR, csv } from './budget.testkit.ts';

const STAFF = '/sisian/staff/finance/budget';
const file = (name: string, data: Buffer) => ({ filename: name, type: 'text/csv', data });

bothEngines('budget pages: draft, plan, adoption, amendment and execution import by the accountant; read-only for the council', async (t, engine) => {
  const env = await setup(t, engine);
  const accountant = await browserAs(env, 'accountant@sisian.example');
  const council = await browserAs(env, 'council@sisian.example');
  const specialist = await browserAs(env, 'specialist@sisian.example');

  const empty = await accountant.get(`${STAFF}?year=${YEAR}`);
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /Start a draft budget/);
  assert.equal((await accountant.post(STAFF, { year: '1899' })).statusCode, 400);
  const created = await accountant.post(STAFF, { year: String(YEAR) });
  assert.equal(created.statusCode, 303);
  assert.equal(created.headers.location, `${STAFF}?year=${YEAR}&done=created`);
  const again = await accountant.post(STAFF, { year: String(YEAR) });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /This year already has a budget/);

  const budget = await env.services.db.kysely.selectFrom('fin_budgets').innerJoin('communities', 'communities.id', 'fin_budgets.community_id')
    .select('fin_budgets.id').where('slug', '=', 'sisian').where('year', '=', YEAR).executeTakeFirstOrThrow();
  const bad = await accountant.upload(`${STAFF}/${budget.id}/plan`, {}, file('plan.csv', csv([PLAN_HEADER, ['revenue', 'administrative', '', '13', 'Short code', 5]])));
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Bad economic code/);
  const missing = await accountant.upload(`${STAFF}/${budget.id}/plan`, {}, file('plan.csv', csv([['direction'], ['revenue']])));
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Columns missing: part, functional, economic, name, approved/);
  assert.equal((await accountant.upload(`${STAFF}/${budget.id}/plan`, {}, file('plan.csv', PLAN))).statusCode, 303);

  const badDate = await accountant.post(`${STAFF}/${budget.id}/adopt`, { decision_number: '12-Ն', decision_date: '31.02.2018' });
  assert.equal(badDate.statusCode, 400);
  assert.match(badDate.body, /error-summary/);
  assert.match(badDate.body, /Give a real date/);
  assert.equal((await accountant.post(`${STAFF}/${budget.id}/adopt`, { decision_number: '12-Ն', decision_date: '20.12.2018' })).statusCode, 303);
  assert.equal((await accountant.upload(`${STAFF}/${budget.id}/plan`, {}, file('plan.csv', PLAN))).statusCode, 400, 'an adopted plan is not replaced');

  const amend = await accountant.get(`${STAFF}/${budget.id}/amend`);
  assert.equal(amend.statusCode, 200);
  const roads = /name="line_(\d+)"[^>]*>/.exec(amend.body.slice(amend.body.indexOf('5113') - 400))?.[1];
  const lineIds = [...amend.body.matchAll(/name="line_(\d+)"/g)].map((m) => m[1]!);
  assert.equal(lineIds.length, 6);
  assert.ok(roads);
  const none = await accountant.post(`${STAFF}/${budget.id}/amend`, { decision_number: '30-Ն', decision_date: '10.05.2019' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Give the change of at least one line/);
  const amended = await accountant.post(`${STAFF}/${budget.id}/amend`, { decision_number: '30-Ն', decision_date: '10.05.2019', [`line_${lineIds[0]}`]: '+250000' });
  assert.equal(amended.statusCode, 303);

  const report = csv([EXEC_HEADER, ['01.1.1', '4111', 'administrative', `${YEAR}-01`, 400_000], ['01.1.1', '4111', 'fund', `${YEAR}-01`, 1]]);
  const imported = await accountant.upload(`${STAFF}/${budget.id}/execution`, {}, file('treasury.csv', report));
  assert.equal(imported.statusCode, 303);
  const result = await accountant.get(String(imported.headers.location));
  assert.equal(result.statusCode, 200);
  assert.match(result.body, /1 rows applied, 1 rejected/);
  assert.match(result.body, /The budget has no such expense line/);
  const twice = await accountant.upload(`${STAFF}/${budget.id}/execution`, {}, file('treasury-copy.csv', report));
  assert.equal(twice.headers.location, `${imported.headers.location}?repeated=1`);
  assert.match((await accountant.get(String(twice.headers.location))).body, /This file was imported before; nothing changed/);

  const page = await council.get(`${STAFF}?year=${YEAR}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Adopted by council decision N 12-Ն of 20.12.2018/);
  assert.match(page.body, /Amended by council decision N 30-Ն of 10.05.2019 \(1 line\)/);
  assert.doesNotMatch(page.body, /Import the report|Record an amendment/, 'the council member sees no change forms');
  assert.equal((await council.post(STAFF, { year: String(YEAR + 1) })).statusCode, 403);
  assert.equal((await specialist.get(STAFF)).statusCode, 403);

  const actions = (await env.services.db.kysely.selectFrom('audit_events').select('action').where('entity_type', '=', 'fin_budget').where('entity_id', '=', String(budget.id)).orderBy('id').execute()).map((a) => a.action);
  assert.deepEqual(actions, ['finance.budget.create', 'finance.budget.plan_import', 'finance.budget.adopt', 'finance.budget.amend', 'finance.budget.execution_import']);

  // The public page: the adopted year, its tables and charts; the draft year of the next one is not public.
  const pub = await env.app.inject({ method: 'GET', url: `/sisian/budget?year=${YEAR}`, headers: { cookie: 'mmis_lang=en' } });
  assert.equal(pub.statusCode, 200);
  assert.match(pub.body, /The 2019 budget and its execution/);
  assert.match(pub.body, /id="chart-expense-plan"/);
  assert.match(pub.body, /Total \(administrative \+ fund\)/);
  assert.match(pub.body, /datapackage\.json/);
  assert.equal((await accountant.post(STAFF, { year: String(YEAR + 1) })).statusCode, 303);
  assert.equal((await env.app.inject({ method: 'GET', url: `/sisian/budget?year=${YEAR + 1}` })).statusCode, 404);
  const home = await env.app.inject({ method: 'GET', url: '/sisian', headers: { cookie: 'mmis_lang=en' } });
  assert.match(home.body, new RegExp(`/sisian/budget\\?year=${YEAR}`), 'the home page lists the published budget');
});
