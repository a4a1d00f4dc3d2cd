// Allocating payments on both engines: a part-payment settles the oldest principal first and
// penalties last, the penalty accrued to the payment's day is posted first, an overpayment
// stays as the payer's credit, applying a payment twice posts nothing, a payer who names an
// obligation pays that one, and the settlement seam hears of what was paid in full.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { ledgerWorld } from './ledger.testkit.ts';
import { applyPayment } from './allocate.ts';
import { obligationBalances, payerBalance } from './balances.ts';
import { registerSettlementHandler } from './settlement.ts';
import { recordPayment } from './ledger.core.ts';

const settledSeen: number[][] = [];
registerSettlementHandler('vehicle_tax', async (_tdb, ids) => {
  settledSeen.push(ids);
});

const pick = (rows: { id: number; principal: number; penaltyToDate: number; due: number }[], id: number) => {
  const r = rows.find((x) => x.id === id)!;
  return { principal: r.principal, penalty: r.penaltyToDate, due: r.due };
};

bothEngines('ledger: a part-payment pays the oldest principal first, penalties last; an overpayment is credit; a repeat posts nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await ledgerWorld(env.services);
  const old = await w.owe(100_000, '2024-12-02', { kind: 'vehicle_tax' });
  const recent = await w.owe(100_000, '2025-12-01', { kind: 'vehicle_tax' });

  // 374 overdue days on the 2024 tax (3 Dec 2024 – 11 Dec 2025) and 10 on the 2025 one, at 40 drams a day each.
  const before = await obligationBalances(w.tdb, { payer: w.payer }, '2025-12-11');
  assert.deepEqual(pick(before, old), { principal: 100_000, penalty: 374 * 40, due: 100_000 + 14_960 });
  assert.deepEqual(pick(before, recent), { principal: 100_000, penalty: 400, due: 100_400 });

  const first = await w.pay(150_000, '2025-12-11');
  const r1 = await applyPayment(w.tdb, first, { on: '2025-12-11' });
  assert.deepEqual(r1.allocations, [{ obligationId: old, principal: 100_000, penalty: 0 }, { obligationId: recent, principal: 50_000, penalty: 0 }]);
  assert.equal(r1.unallocated, 0);
  assert.deepEqual(r1.settled, [], 'penalties are still owed on both');
  const posted = await w.tdb.selectFrom('fin_entries').select(['obligation_id', 'amount']).where('kind', '=', 'penalty').where('obligation_id', 'in', [old, recent]).orderBy('obligation_id').execute();
  assert.deepEqual(posted.map((p) => [p.obligation_id, p.amount]), [[old, 14_960], [recent, 400]], 'the penalty to the payment day is in the books');

  // The 2024 penalty stops growing (no principal left); the 2025 one runs on 50,000 (20 drams a day).
  const later = await obligationBalances(w.tdb, { payer: w.payer }, '2025-12-21');
  assert.deepEqual(pick(later, old), { principal: 0, penalty: 14_960, due: 14_960 });
  assert.deepEqual(pick(later, recent), { principal: 50_000, penalty: 400 + 10 * 20, due: 50_600 });

  const second = await w.pay(100_000, '2025-12-21');
  const r2 = await applyPayment(w.tdb, second, { on: '2025-12-21' });
  assert.deepEqual(r2.allocations, [{ obligationId: recent, principal: 50_000, penalty: 600 }, { obligationId: old, principal: 0, penalty: 14_960 }]);
  assert.equal(r2.unallocated, 100_000 - 50_000 - 600 - 14_960);
  assert.deepEqual(r2.settled.map((s) => s.id).sort(), [old, recent].sort());
  assert.deepEqual(settledSeen.at(-1)!.sort(), [old, recent].sort(), 'the settlement seam heard of both');

  const balance = await payerBalance(w.tdb, w.payer, '2026-02-01');
  assert.equal(balance.due, 0);
  assert.equal(balance.penaltyToDate, 0);
  assert.equal(balance.credit, 34_440, 'the overpayment is the payer\'s credit');

  const entries = async () => (await w.tdb.selectFrom('fin_entries').select('id').execute()).length;
  const count = await entries();
  const seen = settledSeen.length;
  const again = await applyPayment(w.tdb, second, { on: '2025-12-22' });
  assert.equal(await entries(), count, 'applying the same payment again posts nothing');
  assert.deepEqual(again.settled, []);
  assert.equal(again.unallocated, r2.unallocated);
  assert.deepEqual(again.allocations.sort((a, b) => a.obligationId - b.obligationId), [...r2.allocations].sort((a, b) => a.obligationId - b.obligationId));
  assert.equal(settledSeen.length, seen);
  const audits = await env.services.db.kysely.selectFrom('audit_events').select('entity_id').where('action', '=', 'finance.payment.allocate').where('entity_id', 'in', [String(first), String(second)]).execute();
  assert.deepEqual(audits.map((a) => a.entity_id).sort(), [String(first), String(second)].sort());
});

bothEngines('ledger: a payer who names an obligation pays that one; another payer\'s obligation is refused and nothing is written', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await ledgerWorld(env.services);
  const old = await w.owe(100_000, '2024-12-02');
  const named = await w.owe(30_000, '2025-12-01', { kind: 'land_tax' });
  const theirs = await w.owe(5_000, '2025-12-01', { payer: w.other });

  const refused = await w.pay(10_000, '2025-12-01');
  await assert.rejects(applyPayment(w.tdb, refused, { on: '2025-12-01', obligationIds: [theirs] }), (e: AppError) => e.status === 400 && e.code === 'obligation_not_payers');
  const p = await w.tdb.selectFrom('fin_payments').select('allocated_on').where('id', '=', refused).executeTakeFirstOrThrow();
  assert.equal(p.allocated_on, null, 'a refused allocation leaves the payment unallocated');
  assert.equal((await w.tdb.selectFrom('fin_entries').select('id').where('kind', 'in', ['payment', 'penalty']).where('obligation_id', '=', theirs).execute()).length, 0);

  const payment = await w.pay(40_000, '2025-12-01');
  const r = await applyPayment(w.tdb, payment, { on: '2025-12-01', obligationIds: [named] });
  assert.deepEqual(r.allocations, [{ obligationId: named, principal: 30_000, penalty: 0 }]);
  assert.equal(r.unallocated, 10_000, 'what the named obligation did not need is credit, not paid on the old one');
  assert.deepEqual(r.settled, [{ id: named, kind: 'land_tax' }]);
  const rows = await obligationBalances(w.tdb, { payer: w.payer }, '2025-12-01');
  assert.equal(pick(rows, old).principal, 100_000);
});

bothEngines('ledger: a payment not yet matched to a payer cannot be allocated', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await ledgerWorld(env.services);
  const { id } = await recordPayment(w.tdb, {
    payer_kind: null, resident_id: null, organization_id: null, payer_name: 'Unknown', amount: 1_000, channel: 'bank',
    provider: 'statement', provider_txn_id: 'x1', reference: null, paid_on: '2025-12-01', receipt_number: null, actor_user_id: null,
  });
  await assert.rejects(applyPayment(w.tdb, id, { on: '2025-12-01' }), (e: AppError) => e.code === 'payment_without_payer');
});
