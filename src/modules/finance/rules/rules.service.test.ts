// The rule set for a tax year from the database on both engines: the seeded national
// defaults by validity, and a community's own row overriding the national one.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { loadRuleSet } from './rules.service.ts';
import { realEstateTax } from './calc.ts';
import { NATIONAL_DEFAULTS } from './rules.seed.ts';

bothEngines('the rules of a tax year: national defaults by validity, a community\'s own row first', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const [a, b] = await db.selectFrom('communities').select('id').orderBy('id').limit(2).execute();
  assert.ok(a && b, 'the demo has two communities');

  const seeded = await db.selectFrom('fin_rules').select(['kind', 'verification']).where('community_id', 'is', null).where('kind', '!=', 'penalty').execute();
  assert.equal(seeded.length, NATIONAL_DEFAULTS.length, 'the migration seeds every national default');
  assert.ok(seeded.some((r) => r.verification === 'verified') && seeded.some((r) => r.verification === 'to_check'));

  const from = async (year: number, kind: 'real_estate_brackets' | 'land_relief' | 'phase_in', community?: number) =>
    (await loadRuleSet(db, year, community)).rules[kind]?.ref.validFrom;
  assert.equal(await from(2009, 'real_estate_brackets'), '2000-01-01');
  assert.equal(await from(2010, 'real_estate_brackets'), '2010-01-01');
  assert.equal(await from(2020, 'real_estate_brackets'), '2010-01-01');
  assert.equal(await from(2021, 'real_estate_brackets'), '2021-01-01');
  assert.equal(await from(2020, 'phase_in'), undefined, 'no phase-in before the Code');
  assert.equal(realEstateTax(await loadRuleSet(db, 2015), { propertyKind: 'apartment', base: 50_000_000 }).amount, 227_100);

  // Community a caps its land relief at 5 % from 2025; a row that starts in July governs the next year.
  const at = new Date().toISOString();
  const row = { kind: 'land_relief' as const, valid_to: null, legal_ref: 'Council decision 12-Ն', source: null, verification: 'verified' as const, updated_by_user_id: null, updated_at: at };
  await db.insertInto('fin_rules').values([
    { ...row, community_id: a.id, valid_from: '2025-01-01', valid_to: '2026-06-30', data: JSON.stringify({ maxPctOfBudgetedRevenue: 5 }) },
    { ...row, community_id: a.id, valid_from: '2026-07-01', data: JSON.stringify({ maxPctOfBudgetedRevenue: 7 }) },
  ]).execute();
  const cap = async (year: number, community?: number) => (await loadRuleSet(db, year, community)).rules.land_relief?.data.maxPctOfBudgetedRevenue;
  assert.equal(await cap(2026, a.id), 5);
  assert.equal(await cap(2027, a.id), 7);
  assert.equal(await cap(2024, a.id), 10, 'before its own rule: the national one');
  assert.equal(await cap(2026, b.id), 10, 'another community does not see it');
  assert.equal(await cap(2026), 10, 'the national set alone');
  const rs = await loadRuleSet(db, 2026, a.id);
  assert.equal(rs.rules.land_relief?.communityId, a.id);
  assert.equal(rs.rules.real_estate_brackets?.communityId, null, 'national where the community has no row');
  await assert.rejects(loadRuleSet(db, 1.5), RangeError);
});
