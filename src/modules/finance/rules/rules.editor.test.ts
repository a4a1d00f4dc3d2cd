// Editing the rules over HTTP on both engines: the national administrator adds a period
// (closing the one before) and corrects a row, each audited with before and after; the
// ministry analyst only reads; bad data changes nothing; a community's head sets its own
// land-tax relief cap within the law's, which the rule set then uses for that community.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { loadRuleSet } from './rules.service.ts';
import { signedIn } from './rules.testkit.ts';

const RULES = '/national/finance/rules';

bothEngines('national rules: the administrator adds and corrects, audited; the analyst reads; bad data writes nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const admin = await signedIn(env, 'admin@ministry.example');
  const analyst = await signedIn(env, 'analyst@ministry.example');
  const count = async () => Number((await db.selectFrom('fin_rules').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = async (action: string) => db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

  const list = await analyst.get(RULES);
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes('To be checked') && list.body.includes('Tax Code ՀՕ-165-Ն, Art 233(7)'));
  assert.ok(!list.body.includes(`${RULES}/new?kind=`), 'the analyst sees no editing links');
  assert.equal((await analyst.get(`${RULES}/new?kind=phase_in`)).statusCode, 403);
  assert.equal((await analyst.post(`${RULES}/new`, { kind: 'phase_in' })).statusCode, 403);
  assert.ok((await admin.get(RULES)).body.includes(`${RULES}/new?kind=phase_in`));

  const form = await admin.get(`${RULES}/new?kind=phase_in`);
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes('sharePctByYear'), 'the new period starts from the current values');

  const freeze = { sharePctByYear: { 2027: 75 }, excluded: ['land_agricultural'] };
  const before = await count();
  const badJson = await admin.post(`${RULES}/new`, { kind: 'phase_in', valid_from: '2027-01-01', data: '{"sharePctByYear":', legal_ref: 'ՀՕ-1-Ն', verification: 'to_check' });
  assert.equal(badJson.statusCode, 400);
  assert.ok(badJson.body.includes('This is not JSON'));
  const badShape = await admin.post(`${RULES}/new`, { kind: 'phase_in', valid_from: '2027-01-01', data: '{"share":75}', legal_ref: 'ՀՕ-1-Ն', verification: 'to_check' });
  assert.equal(badShape.statusCode, 400);
  assert.ok(badShape.body.includes('The values do not fit this kind of rule'));
  assert.equal(await count(), before, 'nothing written');

  const added = await admin.post(`${RULES}/new`, {
    kind: 'phase_in', valid_from: '2027-01-01', data: JSON.stringify(freeze), legal_ref: 'Law ՀՕ-99-Ն (freeze at 75 %)', source: 'parliament.am', verification: 'verified',
  });
  assert.equal(added.statusCode, 303, added.body.slice(0, 300));
  assert.equal(await count(), before + 1);
  const phases = await db.selectFrom('fin_rules').selectAll().where('kind', '=', 'phase_in').orderBy('valid_from').execute();
  assert.deepEqual(phases.map((r) => [r.valid_from, r.valid_to]), [['2021-01-01', '2026-12-31'], ['2027-01-01', null]], 'the new period closed the old one');
  assert.equal((await loadRuleSet(db, 2027)).rules.phase_in?.data.sharePctByYear['2027'], 75);
  assert.equal((await loadRuleSet(db, 2026)).rules.phase_in?.data.sharePctByYear['2026'], 100, 'history kept');
  const closed = (await audits('finance.rule.period_closed'))[0]!;
  assert.deepEqual([JSON.parse(closed.before_json!), JSON.parse(closed.after_json!)], [{ valid_to: null }, { valid_to: '2026-12-31' }]);
  assert.equal(JSON.parse((await audits('finance.rule.period_added'))[0]!.after_json!).legal_ref, 'Law ՀՕ-99-Ն (freeze at 75 %)');

  const overlap = await admin.post(`${RULES}/new`, { kind: 'phase_in', valid_from: '2026-06-01', data: JSON.stringify(freeze), legal_ref: 'x', verification: 'to_check' });
  assert.equal(overlap.statusCode, 400);
  assert.ok(overlap.body.includes('already exists'));
  assert.equal(await count(), before + 1);

  const brackets = (await db.selectFrom('fin_rules').selectAll().where('kind', '=', 'real_estate_brackets').where('valid_to', 'is', null).executeTakeFirstOrThrow());
  const edit = await admin.get(`${RULES}/edit?rule=${brackets.id}`);
  assert.equal(edit.statusCode, 200);
  const corrected = await admin.post(`${RULES}/edit`, {
    rule: String(brackets.id), data: brackets.data, legal_ref: 'Tax Code ՀՕ-165-Ն, Art 234', source: 'arlis.am, read 2026-12-07', verification: 'verified',
  });
  assert.equal(corrected.statusCode, 303);
  const event = (await audits('finance.rule.corrected'))[0]!;
  assert.equal(JSON.parse(event.before_json!).verification, 'to_check');
  assert.equal(JSON.parse(event.after_json!).legal_ref, 'Tax Code ՀՕ-165-Ն, Art 234');
  assert.equal(event.community_id, null, 'a national change is in the national chain');
  assert.equal((await admin.post(`${RULES}/edit`, { rule: '999999', data: '{}', legal_ref: 'x', verification: 'verified' })).statusCode, 404);
});

bothEngines('a community\'s land-tax relief cap: the head sets it within the law\'s 10 %, staff read the rules in force', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const head = await signedIn(env, 'head@sisian.example');
  const accountant = await signedIn(env, 'accountant@sisian.example');
  const operator = await signedIn(env, 'deputy@sisian.example');
  const sisian = (await db.selectFrom('communities').select('id').where('slug', '=', 'sisian').executeTakeFirstOrThrow()).id;
  const page = '/sisian/staff/finance/rules';

  const read = await accountant.get(`${page}?year=2026`);
  assert.equal(read.statusCode, 200);
  assert.ok(read.body.includes('Real estate tax brackets') && read.body.includes('To be checked'));
  assert.equal((await operator.get(page)).statusCode, 403);

  const rows = async () => db.selectFrom('fin_rules').selectAll().where('community_id', '=', sisian).execute();
  const over = await head.post(`${page}/relief`, { valid_from: '2027-01-01', pct: '12', legal_ref: 'Decision 14-Ն of 2026-12-01' });
  assert.equal(over.statusCode, 400);
  assert.ok(over.body.includes('up to the national cap'));
  assert.equal((await rows()).length, 0, 'nothing written');

  const set = await head.post(`${page}/relief`, { valid_from: '2027-01-01', pct: '5', legal_ref: 'Decision 14-Ն of 2026-12-01' });
  assert.equal(set.statusCode, 303);
  assert.equal((await loadRuleSet(db, 2027, sisian)).rules.land_relief?.data.maxPctOfBudgetedRevenue, 5);
  assert.equal((await loadRuleSet(db, 2026, sisian)).rules.land_relief?.data.maxPctOfBudgetedRevenue, 10, 'from its first day only');
  const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'finance.rule.period_added').executeTakeFirstOrThrow();
  assert.equal(audit.community_id, sisian);
  const shown = await accountant.get(`${page}?year=2027`);
  assert.ok(shown.body.includes('Decision 14-Ն of 2026-12-01'));
});
