// A statement of any period on both engines: the opening balance is what was owed before the
// period, every entry of the period is listed, the penalty accrued and not posted is shown,
// and opening + entries + accrued = closing, per obligation and in total.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { ledgerWorld } from './ledger.testkit.ts';
import { applyPayment } from './allocate.ts';
import { statement } from './statement.ts';

bothEngines('ledger statement: opening, entries, accrued penalty and closing add up for any period', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await ledgerWorld(env.services);
  const a = await w.owe(100_000, '2024-12-02');
  const b = await w.owe(50_000, '2025-12-01', { kind: 'land_tax' });
  const p = await w.pay(120_000, '2025-03-03');
  await applyPayment(w.tdb, p, { on: '2025-03-03' });

  const st = await statement(w.tdb, w.payer, '2025-01-01', '2025-12-31');
  const oa = st.obligations.find((o) => o.id === a)!;
  // 3–31 December 2024 (29 days) charged at 40 drams a day before the period.
  assert.deepEqual(oa.opening, { principal: 100_000, penalty: 29 * 40, total: 101_160 });
  assert.deepEqual(oa.entries.map((e) => [e.kind, e.component, e.amount]), [
    ['penalty', 'penalty', (29 + 31 + 28 + 3) * 40],
    ['payment', 'principal', -100_000],
    ['payment', 'penalty', -(29 + 31 + 28 + 3) * 40],
  ]);
  assert.deepEqual(oa.closing, { principal: 0, penalty: 0, total: 0 });
  const ob = st.obligations.find((o) => o.id === b)!;
  assert.equal(ob.opening.total, 0, 'accrued in the period (1 November)');
  assert.deepEqual(ob.entries.map((e) => [e.kind, e.on, e.amount]), [['accrual', '2025-11-01', 50_000]]);
  assert.equal(ob.closing.principal, 50_000);
  assert.equal(ob.accruedNotPosted, 30 * 20, 'the December 2025 penalty is shown though not posted');
  for (const o of st.obligations) {
    const moved = o.entries.reduce((s, e) => s + e.amount, 0);
    assert.equal(o.opening.total + moved + o.accruedNotPosted, o.closing.total, `obligation ${o.id} adds up`);
  }
  assert.equal(st.opening.total, 101_160);
  assert.equal(st.closing.total, 50_600);
  assert.equal(st.creditOpening, 0);
  assert.equal(st.creditClosing, 120_000 - 100_000 - 3_640);

  const empty = await statement(w.tdb, w.payer, '2020-01-01', '2020-12-31');
  assert.deepEqual(empty.obligations, [], 'nothing owed and nothing happened before the obligations existed');
});
