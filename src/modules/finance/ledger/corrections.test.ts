// Corrections on both engines: a reversal names its original and is made once; a relief and a
// write-off need their legal ground and lower only what is owed; a refund pays back credit and
// no more; a transfer moves a payment from one obligation to another; each is audited and a
// refused one writes nothing.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import type { AppError } from '../../../platform/http/errors.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { ledgerWorld } from './ledger.testkit.ts';
import { applyPayment } from './allocate.ts';
import { obligationBalances, payerBalance } from './balances.ts';
import { refund, relieve, reverseEntry, transfer } from './corrections.ts';

const actor = { ...SYSTEM_ACTOR, label: 'test accountant' };
const fieldError = (field: string, key: string) => (e: AppError) => e.fields?.[field] === key;

bothEngines('ledger corrections: reversal once, reliefs and write-offs with a legal ground, refunds of credit, transfers', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await ledgerWorld(env.services);
  const db = env.services.db.kysely;
  const count = async (table: 'fin_entries' | 'fin_refunds' | 'audit_events') => (await db.selectFrom(table).select('id').execute()).length;
  const a = await w.owe(50_000, '2025-12-01', { kind: 'land_tax' });
  const b = await w.owe(20_000, '2025-12-01');

  // A payment allocated to a, then moved to b: a owes again, b is paid, the rest is credit.
  const p = await w.pay(50_000, '2025-11-20');
  await applyPayment(w.tdb, p, { on: '2025-11-20', obligationIds: [a] });
  const moved = await transfer(w.tdb, { paymentId: p, fromObligationId: a, toObligationId: b }, { on: '2025-11-25', actor, note: 'The payer meant the house' });
  assert.deepEqual(moved.allocations, [{ obligationId: b, principal: 20_000, penalty: 0 }]);
  assert.equal(moved.unallocated, 30_000);
  let rows = await obligationBalances(w.tdb, { payer: w.payer }, '2025-11-30');
  assert.deepEqual(rows.map((r) => [r.id, r.principal]), [[a, 50_000], [b, 0]]);
  assert.equal((await payerBalance(w.tdb, w.payer, '2025-11-30')).credit, 30_000);
  const reversals = await w.tdb.selectFrom('fin_entries').select(['reverses_entry_id', 'amount']).where('kind', '=', 'reversal').execute();
  assert.equal(reversals.length, 1);
  assert.equal(reversals[0]!.amount, 50_000, 'the payment entry on a is reversed, not edited');

  // The credit moved onto a by hand.
  const fromCredit = await transfer(w.tdb, { paymentId: p, fromObligationId: null, toObligationId: a }, { on: '2025-11-26', actor });
  assert.deepEqual(fromCredit.allocations, [{ obligationId: a, principal: 30_000, penalty: 0 }]);
  assert.equal((await payerBalance(w.tdb, w.payer, '2025-11-30')).credit, 0);

  // Relief needs a legal ground and cannot exceed what is owed; nothing is written when refused.
  const before = await count('fin_entries');
  await assert.rejects(relieve(w.tdb, 'relief', { obligationId: a, component: 'principal', amount: 1_000, legalGround: '  ' }, { on: '2025-11-30', actor }),
    fieldError('legal_ground', 'finance.ledger.error.legalGround'));
  await assert.rejects(relieve(w.tdb, 'relief', { obligationId: a, component: 'principal', amount: 20_001, legalGround: 'Council decision N 12-N' }, { on: '2025-11-30', actor }),
    fieldError('amount', 'finance.ledger.error.overOwed'));
  assert.equal(await count('fin_entries'), before);
  await relieve(w.tdb, 'relief', { obligationId: a, component: 'principal', amount: 5_000, legalGround: 'Tax Code Art 5 relief, decision N 7' }, { on: '2025-11-30', actor });

  // The penalty runs on a's 15,000 from 2 December: 10 days at 6 drams; a write-off of the penalty posts it first.
  rows = await obligationBalances(w.tdb, { obligationIds: [a] }, '2025-12-11');
  assert.deepEqual([rows[0]!.principal, rows[0]!.penaltyToDate], [15_000, 60]);
  await assert.rejects(relieve(w.tdb, 'write_off', { obligationId: a, component: 'penalty', amount: 61, legalGround: 'HO-93-N' }, { on: '2025-12-11', actor }),
    fieldError('amount', 'finance.ledger.error.overOwed'));
  await relieve(w.tdb, 'write_off', { obligationId: a, component: 'penalty', amount: 60, legalGround: 'HO-93-N of 10.04.2012' }, { on: '2025-12-11', actor });
  rows = await obligationBalances(w.tdb, { obligationIds: [a] }, '2025-12-11');
  assert.deepEqual([rows[0]!.penaltyPosted, rows[0]!.penaltyToDate], [0, 0]);
  const writeOff = await w.tdb.selectFrom('fin_entries').select(['legal_ground', 'amount']).where('kind', '=', 'write_off').executeTakeFirstOrThrow();
  assert.deepEqual(writeOff, { legal_ground: 'HO-93-N of 10.04.2012', amount: -60 });

  // A reversal of the relief: once only; a reversal itself is not reversed.
  const relief = await w.tdb.selectFrom('fin_entries').select('id').where('kind', '=', 'relief').executeTakeFirstOrThrow();
  const r = await reverseEntry(w.tdb, relief.id, { on: '2025-12-12', actor, note: 'Granted by mistake' });
  await assert.rejects(reverseEntry(w.tdb, relief.id, { on: '2025-12-12', actor }), fieldError('entry', 'finance.ledger.error.alreadyReversed'));
  await assert.rejects(reverseEntry(w.tdb, r.id, { on: '2025-12-12', actor }), fieldError('entry', 'finance.ledger.error.reverseReversal'));
  rows = await obligationBalances(w.tdb, { obligationIds: [a] }, '2025-12-12');
  assert.equal(rows[0]!.principal, 20_000);

  // A refund of credit: not more than the credit, with its ground.
  const over = await w.pay(25_000, '2025-12-12');
  await applyPayment(w.tdb, over, { on: '2025-12-12' });
  const credit = (await payerBalance(w.tdb, w.payer, '2025-12-12')).credit;
  assert.ok(credit > 0);
  await assert.rejects(refund(w.tdb, w.payer, credit + 1, { on: '2025-12-12', actor, note: 'Bank transfer' }), fieldError('amount', 'finance.ledger.error.overCredit'));
  await assert.rejects(refund(w.tdb, w.payer, credit, { on: '2025-12-12', actor, note: '' }), fieldError('note', 'finance.ledger.error.refundNote'));
  assert.equal(await count('fin_refunds'), 0);
  await refund(w.tdb, w.payer, credit, { on: '2025-12-12', actor, note: 'Bank transfer order 55' });
  assert.equal((await payerBalance(w.tdb, w.payer, '2025-12-12')).credit, 0);

  const actions = (await db.selectFrom('audit_events').select('action').where('action', 'like', 'finance.%').execute()).map((e) => e.action);
  for (const action of ['finance.transfer', 'finance.relief', 'finance.write_off', 'finance.entry.reverse', 'finance.refund']) {
    assert.ok(actions.includes(action), `${action} is audited`);
  }
});
