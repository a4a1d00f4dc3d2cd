// The ledger's reports over a whole community: arrears (principal and penalty to date still
// owed) by settlement and by kind, the largest debtors, and the collection of a period's
// obligations. Balances are computed once per community and day (computeBalances).
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { ObligationKind, PayerRef } from './ledger.table.ts';
import { computeBalances, penaltyContext, type ObligationBalance } from './balances.ts';
import { payerKey } from './payer.ts';

export interface CommunityBalance extends ObligationBalance {
  settlementId: number | null;
}

/** Every obligation of the community with its balance as of `asOf`, and its payer's settlement. */
export async function communityBalances(tdb: TenantDb, asOf: string): Promise<CommunityBalance[]> {
  const [obligations, entries, ctx, people, orgs] = await Promise.all([
    tdb.selectFrom('fin_obligations').select(['id', 'kind', 'subject_label', 'period', 'due_on', 'revenue_line', 'status', 'payer_kind', 'resident_id', 'organization_id'])
      .orderBy('due_on').orderBy('id').execute(),
    tdb.selectFrom('fin_entries').select(['obligation_id', 'kind', 'component', 'amount', 'entry_on']).where('entry_on', '<=', asOf).execute(),
    penaltyContext(tdb),
    tdb.selectFrom('residents').select(['id', 'settlement_id']).where('id', 'in', tdb.selectFrom('fin_obligations').select('resident_id').where('resident_id', 'is not', null)).execute(),
    tdb.selectFrom('organizations').select(['id', 'settlement_id']).where('id', 'in', tdb.selectFrom('fin_obligations').select('organization_id').where('organization_id', 'is not', null)).execute(),
  ]);
  const residentSettlement = new Map(people.map((p) => [p.id, p.settlement_id]));
  const orgSettlement = new Map(orgs.map((o) => [o.id, o.settlement_id]));
  return computeBalances(obligations, entries, ctx, asOf).map((b) => ({
    ...b,
    settlementId: (b.payer.kind === 'resident' ? residentSettlement.get(b.payer.residentId) : orgSettlement.get(b.payer.organizationId)) ?? null,
  }));
}

/** What is owed on an obligation counted as arrears: its due, when positive and overdue. */
export const arrearsOf = (b: ObligationBalance, asOf: string) => (b.status === 'active' && b.due > 0 && b.effectiveDueOn < asOf ? b.due : 0);

export interface ArrearsRow {
  settlementId: number | null;
  kind: ObligationKind;
  principal: number;
  penalty: number;
  total: number;
  payers: number;
}

export function arrearsBySettlementAndKind(balances: CommunityBalance[], asOf: string): ArrearsRow[] {
  const rows = new Map<string, ArrearsRow & { who: Set<string> }>();
  for (const b of balances) {
    if (arrearsOf(b, asOf) === 0) continue;
    const key = `${b.settlementId}:${b.kind}`;
    const row = rows.get(key) ?? { settlementId: b.settlementId, kind: b.kind, principal: 0, penalty: 0, total: 0, payers: 0, who: new Set<string>() };
    row.principal += Math.max(0, b.principal);
    row.penalty += b.penaltyToDate;
    row.total += b.due;
    row.who.add(payerKey(b.payer));
    rows.set(key, row);
  }
  return [...rows.values()].map(({ who, ...r }) => ({ ...r, payers: who.size })).sort((a, b) => b.total - a.total);
}

export interface Debtor {
  payer: PayerRef;
  total: number;
  penalty: number;
  obligations: number;
}

export function largestDebtors(balances: CommunityBalance[], asOf: string, limit: number): Debtor[] {
  const by = new Map<string, Debtor>();
  for (const b of balances) {
    const owed = arrearsOf(b, asOf);
    if (owed === 0) continue;
    const k = payerKey(b.payer);
    const d = by.get(k) ?? { payer: b.payer, total: 0, penalty: 0, obligations: 0 };
    d.total += owed;
    d.penalty += b.penaltyToDate;
    d.obligations += 1;
    by.set(k, d);
  }
  return [...by.values()].sort((a, b) => b.total - a.total).slice(0, limit);
}

export interface Collection {
  /** Principal accrued on the obligations due in the period (net of reversed accruals). */
  accrued: number;
  /** Principal of those obligations paid by the period's end (net of reversed payments). */
  paid: number;
  /** paid / accrued in percent; null with nothing accrued. */
  ratePct: number | null;
}

/** The collection of the obligations due from `from` to `to`, counted by the end of `to`. */
export async function collection(tdb: TenantDb, from: string, to: string): Promise<Collection> {
  const ids = tdb.selectFrom('fin_obligations').select('id').where('due_on', '>=', from).where('due_on', '<=', to).where('status', '=', 'active');
  const rows = await tdb.selectFrom('fin_entries').select(['id', 'kind', 'amount', 'reverses_entry_id'])
    .where('obligation_id', 'in', ids).where('component', '=', 'principal').where('entry_on', '<=', to).execute();
  const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
  let accrued = 0;
  let paid = 0;
  for (const r of rows) {
    const kind = r.kind === 'reversal' && r.reverses_entry_id !== null ? kindOf.get(r.reverses_entry_id) : r.kind;
    if (kind === 'accrual') accrued += r.amount;
    else if (kind === 'payment' || kind === 'transfer') paid -= r.amount;
  }
  return { accrued, paid, ratePct: accrued > 0 ? (100 * paid) / accrued : null };
}
