// The annual assessment on both engines: owners in shares pay pro rata in whole drams that
// add up to the object's tax, joint owners are charged once (and every one of them sees
// it), exempt owners are skipped with the reason, and running it again changes nothing.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { loadRuleSet } from '../rules/rules.service.ts';
import { landTax } from '../rules/calc.ts';
import { runAssessCommand } from './assess.cli.ts';
import { obligationsAsCoOwner } from './coowners.ts';
import { addParcel, addStructure, ledgerCounts, linesOf, principalOf, tenantOf, threeResidents } from './assessment.testkit.ts';

const YEAR = Number(todayInYerevan().slice(0, 4));

function capture() {
  const out: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => out.push(`ERR ${l}`) }, out };
}

bothEngines('assessment: shares pro rata, joint owners once, exempt owners skipped with the reason; a second run writes nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const tdb = await tenantOf(env.services, 'sisian');
  const [a, b, c] = await threeResidents(tdb);
  // 7,000,001 × 0.05 % = 3,500 drams, in thirds: 1,167 + 1,167 + 1,166.
  const flat = await addStructure(tdb, 'T-01-001', 'apartment', 'residential', 7_000_001, [
    { type: 'resident', id: a, share: [1, 3] }, { type: 'resident', id: b, share: [1, 3] }, { type: 'resident', id: c, share: [1, 3] },
  ]);
  // A house of 20 M: 5,000 + 0.05 % of the 10 M above the bracket = 10,000, owned jointly by a and b.
  const house = await addStructure(tdb, 'T-01-002', 'building', 'residential', 20_000_000, [
    { type: 'resident', id: a, share: [1, 2], tenure: 'joint' }, { type: 'resident', id: b, share: [1, 2], tenure: 'joint' },
  ]);
  const communityLand = await addParcel(tdb, 'T-01-003', 'residential', 5_000_000, null, [{ type: 'community', share: [1, 1] }]);
  const field = await addParcel(tdb, 'T-01-004', 'agricultural', null, 100_001, [{ type: 'resident', id: c, share: [1, 1] }]);
  const noValue = await addStructure(tdb, 'T-01-005', 'apartment', 'residential', null, [{ type: 'resident', id: c, share: [1, 1] }]);

  const first = capture();
  assert.equal(await runAssessCommand(env.services, { community: 'sisian', year: String(YEAR) }, first.io), 0);
  assert.match(first.out.join('\n'), new RegExp(`assessment ${YEAR} .*new lines`));

  const thirds = await linesOf(tdb, 'structure', flat);
  assert.deepEqual(thirds.map((l) => [l.resident_id, Number(l.amount), `${l.share_num}/${l.share_den}`]), [[a, 1167, '1/3'], [b, 1167, '1/3'], [c, 1166, '1/3']]);
  assert.ok(thirds.every((l) => l.legal_ref && l.rule_kind === 'real_estate_brackets' && l.obligation_id !== null));
  for (const l of thirds) assert.equal(await principalOf(tdb, l.obligation_id!), Number(l.amount));

  const joint = await linesOf(tdb, 'structure', house);
  assert.equal(joint.length, 1, 'joint owners are one payer');
  assert.deepEqual([joint[0]!.resident_id, Number(joint[0]!.amount), joint[0]!.tenure], [a, 10_000, 'joint']);
  const seenByB = await obligationsAsCoOwner(tdb, b);
  assert.deepEqual(seenByB.map((o) => [o.obligationId, o.amount, o.payerResidentId]), [[joint[0]!.obligation_id, 10_000, a]]);
  assert.deepEqual(await obligationsAsCoOwner(tdb, c), []);

  const exempt = await linesOf(tdb, 'parcel', communityLand);
  assert.deepEqual(exempt.map((l) => [Number(l.amount), l.exempt_reason, l.obligation_id]), [[0, 'owner:community', null]]);
  const missing = await linesOf(tdb, 'structure', noValue);
  assert.deepEqual(missing.map((l) => [Number(l.amount), l.exempt_reason]), [[0, 'no_value']]);

  const rs = await loadRuleSet(env.services.db.kysely, YEAR, tdb.communityId);
  const land = await linesOf(tdb, 'parcel', field);
  assert.equal(Number(land[0]!.amount), landTax(rs, { purpose: 'agricultural', insideSettlement: true, netIncome: 100_001, year: YEAR }).amount);
  assert.equal(land[0]!.tax_kind, 'land_tax');

  const before = await ledgerCounts(env.services, tdb.communityId);
  const second = capture();
  assert.equal(await runAssessCommand(env.services, { community: 'sisian', year: String(YEAR) }, second.io), 0);
  assert.match(second.out.join('\n'), / 0 new lines, 0 obligations, 0 AMD accrued/);
  assert.deepEqual(await ledgerCounts(env.services, tdb.communityId), before, 'the same register assessed again writes nothing');
});

bothEngines('assessment: bad arguments are refused and nothing is written', async (t, engine) => {
  const env = await setup(t, engine);
  const tdb = await tenantOf(env.services, 'sisian');
  const before = await ledgerCounts(env.services, tdb.communityId);
  const r1 = capture();
  assert.equal(await runAssessCommand(env.services, { community: 'nowhere', year: String(YEAR) }, r1.io), 2);
  const r2 = capture();
  assert.equal(await runAssessCommand(env.services, { community: 'sisian', year: 'soon' }, r2.io), 2);
  assert.deepEqual(await ledgerCounts(env.services, tdb.communityId), before);
});
