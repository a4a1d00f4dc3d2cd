// The payments demo on both engines, over three years of charged obligations: some payers
// pay in full, some in part, some stay in debt with penalties; cash and online; the latest
// payments have receipts; a demo citizen represents an organization; both connections use
// the stand-ins (started on first use in demo mode only).
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { ledgerWorld } from '../ledger/ledger.testkit.ts';
import { obligationBalances } from '../ledger/balances.ts';
import { seedPaymentsDemo } from './payments.demo.ts';
import { connectionSettings } from './settings.ts';

bothEngines('payments demo: paid, part-paid and in debt over three years, cash and online, receipts for the latest', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await ledgerWorld(env.services, 'sisian');
  const residents = await w.tdb.selectFrom('residents').select('id').orderBy('id').limit(12).execute();
  const year = Number(todayInYerevan().slice(0, 4));
  for (const r of residents) for (const y of [year - 3, year - 2, year - 1]) await w.owe(20_000 + r.id, `${y}-12-01`, { payer: { kind: 'resident', residentId: r.id } });
  // The test template already holds the whole demo: look only at what this seeding adds.
  const before = (await w.tdb.selectFrom('fin_payments').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0;
  await seedPaymentsDemo(env.services, w.tdb, SYSTEM_ACTOR, { slug: 'sisian', today: todayInYerevan(), secrets: { idram: 'x'.repeat(24), vpos: 'y'.repeat(24) } });

  const payments = await w.tdb.selectFrom('fin_payments').select(['channel', 'receipt_number', 'allocated_on']).where('id', '>', Number(before)).execute();
  assert.ok(payments.length > 5, `payments were made (${payments.length})`);
  assert.deepEqual([...new Set(payments.map((p) => p.channel))].sort(), ['cash', 'online']);
  assert.ok(payments.every((p) => p.allocated_on !== null), 'every payment is allocated');
  assert.ok(payments.some((p) => p.receipt_number) && payments.some((p) => !p.receipt_number), 'the latest have receipts');
  const balances = await obligationBalances(w.tdb, { obligationIds: (await w.tdb.selectFrom('fin_obligations').select('id').execute()).map((o) => o.id) }, todayInYerevan());
  assert.ok(balances.some((b) => b.principal === 0), 'some are paid');
  assert.ok(balances.some((b) => b.principal > 0 && b.principal < 20_000), 'some are part-paid');
  assert.ok(balances.some((b) => b.principal >= 20_000 && b.penaltyToDate > 0), 'some are in debt with penalties');
  assert.equal((await w.tdb.selectFrom('fin_org_representatives').select('id').execute()).length > 0, true, 'a citizen represents an organization');
  const tdb = w.tdb;
  assert.equal(await connectionSettings(env.services, tdb, 'idram', 'sisian'), null, 'outside demo mode the stand-in connection is not used');
});
