// A payer's statement for any period: per obligation the opening balance on the day before
// the period, every entry dated in it, the penalty accrued in it and not posted yet, and the
// closing balance on its last day; the same in total, and the credit at both ends.
// opening + entries + accrued-not-posted = closing, per obligation and in total.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { addDays } from '../../../platform/calendar/days.ts';
import type { EntryKind, ObligationKind, PayerRef } from './ledger.table.ts';
import { obligationBalancesOn, payerCredits, penaltyContext, type ObligationBalance, type PenaltyContext } from './balances.ts';

export interface Amounts {
  principal: number;
  penalty: number;
  total: number;
}

export interface StatementEntry {
  id: number;
  on: string;
  kind: EntryKind;
  component: 'principal' | 'penalty';
  amount: number;
  legalGround: string | null;
  note: string | null;
  paymentId: number | null;
  reversesEntryId: number | null;
}

export interface StatementObligation {
  id: number;
  kind: ObligationKind;
  subjectLabel: string;
  period: string;
  dueOn: string;
  effectiveDueOn: string;
  status: 'active' | 'cancelled';
  opening: Amounts;
  entries: StatementEntry[];
  /** Penalty accrued during the period and not posted yet (grows the closing penalty). */
  accruedNotPosted: number;
  closing: Amounts;
  penaltyToCheck: boolean;
}

export interface Statement {
  payer: PayerRef;
  from: string;
  to: string;
  obligations: StatementObligation[];
  opening: Amounts;
  closing: Amounts;
  creditOpening: number;
  creditClosing: number;
}

const amounts = (b: ObligationBalance | undefined): Amounts => ({ principal: b?.principal ?? 0, penalty: b?.penaltyToDate ?? 0, total: b?.due ?? 0 });
const unposted = (b: ObligationBalance | undefined) => (b ? b.penaltyToDate - b.penaltyPosted : 0);

function add(a: Amounts, b: Amounts): Amounts {
  return { principal: a.principal + b.principal, penalty: a.penalty + b.penalty, total: a.total + b.total };
}

/** The statement of `payer` from `from` to `to` (inclusive, YYYY-MM-DD, from ≤ to). */
export async function statement(tdb: TenantDb, payer: PayerRef, from: string, to: string, ctx?: PenaltyContext): Promise<Statement> {
  if (from > to) throw new RangeError('statement: the period ends before it starts');
  const dayBefore = addDays(from, -1);
  const [[before, after], [creditOpening, creditClosing]] = await Promise.all([
    obligationBalancesOn(tdb, { payer }, [dayBefore, to] as const, ctx ?? await penaltyContext(tdb)),
    payerCredits(tdb, payer, [dayBefore, to] as const),
  ]);
  const ids = after.map((o) => o.id);
  const rows = ids.length === 0 ? [] : await tdb.selectFrom('fin_entries')
    .select(['id', 'obligation_id', 'entry_on', 'kind', 'component', 'amount', 'legal_ground', 'note', 'payment_id', 'reverses_entry_id'])
    .where('obligation_id', 'in', ids).where('entry_on', '>=', from).where('entry_on', '<=', to)
    .orderBy('entry_on').orderBy('id').execute();
  const openingOf = new Map(before.map((b) => [b.id, b]));
  const obligations: StatementObligation[] = [];
  for (const o of after) {
    const entries = rows.filter((r) => r.obligation_id === o.id).map((r) => ({
      id: r.id, on: r.entry_on, kind: r.kind, component: r.component, amount: r.amount, legalGround: r.legal_ground, note: r.note,
      paymentId: r.payment_id, reversesEntryId: r.reverses_entry_id,
    }));
    const start = openingOf.get(o.id);
    const opening = amounts(start);
    const closing = amounts(o);
    // Nothing owed at either end and nothing happened: the obligation belongs to another period.
    if (entries.length === 0 && opening.total === 0 && closing.total === 0) continue;
    // The penalty accrued in the period beyond what its entries posted: what the unposted part grew by.
    const accruedNotPosted = unposted(o) - unposted(start);
    obligations.push({
      id: o.id, kind: o.kind, subjectLabel: o.subjectLabel, period: o.period, dueOn: o.dueOn, effectiveDueOn: o.effectiveDueOn, status: o.status,
      opening, entries, accruedNotPosted, closing, penaltyToCheck: o.penaltyToCheck,
    });
  }
  const zero: Amounts = { principal: 0, penalty: 0, total: 0 };
  return {
    payer, from, to, obligations,
    opening: obligations.reduce((s, o) => add(s, o.opening), zero),
    closing: obligations.reduce((s, o) => add(s, o.closing), zero),
    creditOpening, creditClosing,
  };
}
