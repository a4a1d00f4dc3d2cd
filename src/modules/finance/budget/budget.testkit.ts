// Test support for the budget: a small plan in both parts, files built from rows, and
// ledger money credited to a revenue line through the ledger's own core.
import type { TestEnv } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { ensureObligation, postEntries, recordPayment } from '../ledger/ledger.core.ts';
import { adoptBudget, createBudget, importPlan } from './budget.service.ts';

export const ACTOR = { ...SYSTEM_ACTOR, label: 'budget test' };
/** A past year (its execution counts through today) the demo has no budget for. */
export const YEAR = 2019;

export const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.map(String).join(',')).join('\n'));

export const PLAN_HEADER = ['direction', 'part', 'functional', 'economic', 'name', 'approved'];
export const PLAN = csv([
  PLAN_HEADER,
  ['revenue', 'administrative', '', '1351', 'Local payments', 1_000_000],
  ['revenue', 'administrative', '', '1251', 'Equalisation grant', 9_000_000],
  ['revenue', 'fund', '', '2120', 'Free balance', 2_000_000],
  ['expense', 'administrative', '01.1.1', '4111', 'Wages', 6_000_000],
  ['expense', 'administrative', '04.5.1', '4251', 'Road repair', 2_000_000],
  ['expense', 'fund', '04.5.1', '5113', 'Road capital repair', 4_000_000],
]);

export const EXEC_HEADER = ['functional', 'economic', 'part', 'period', 'executed'];

export async function communityId(env: TestEnv, slug: string): Promise<number> {
  return (await env.services.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** An adopted budget of YEAR in `slug` with PLAN. */
export async function adoptedBudget(env: TestEnv, slug = 'sisian') {
  const tenant = new TenantDb(env.services.db.kysely, await communityId(env, slug));
  const budgetId = await createBudget(tenant, ACTOR, YEAR);
  const loaded = await importPlan(tenant, ACTOR, budgetId, PLAN);
  if (loaded.problems.length) throw new Error(`the test plan has problems: ${JSON.stringify(loaded.problems)}`);
  await adoptBudget(tenant, ACTOR, budgetId, { number: '12-Ն', date: `${YEAR - 1}-12-20` });
  return { tenant, budgetId };
}

/** A paid obligation on revenue line `line`: `amount` drams paid on `on`, through the ledger core. */
export async function paid(tenant: TenantDb, line: string, amount: number, on: string, key: string): Promise<number> {
  const resident = await tenant.selectFrom('residents').select('id').orderBy('id').executeTakeFirstOrThrow();
  const ob = await ensureObligation(tenant, {
    payer_kind: 'resident', resident_id: resident.id, organization_id: null, kind: 'local_fee', subject_type: 'test', subject_id: null,
    subject_label: 'Garbage collection', period: on.slice(0, 7), due_on: on, revenue_line: line, source_key: `budget-test:${key}`,
  });
  await postEntries(tenant, [{ obligation_id: ob.id, kind: 'accrual', component: 'principal', amount, entry_on: on, payment_id: null, reverses_entry_id: null, legal_ground: null, note: null, batch: null, actor_user_id: null }]);
  const pay = await recordPayment(tenant, {
    payer_kind: 'resident', resident_id: resident.id, organization_id: null, payer_name: 'Test', amount, channel: 'cash', provider: 'cash',
    provider_txn_id: `budget-test:${key}`, reference: null, paid_on: on, receipt_number: null, actor_user_id: null,
  });
  const [entryId] = await postEntries(tenant, [{ obligation_id: ob.id, kind: 'payment', component: 'principal', amount: -amount, entry_on: on, payment_id: pay.id, reverses_entry_id: null, legal_ground: null, note: null, batch: null, actor_user_id: null }]);
  return entryId!;
}
