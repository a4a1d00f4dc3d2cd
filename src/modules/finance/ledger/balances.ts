// Balances per obligation and per payer as of a day, with the penalty accrued to that day.
// The books hold the penalty posted so far ('penalty' entries, written when a payment is
// allocated); the penalty to date adds what has accrued since and is not posted yet.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { loadCalendar } from '../../../platform/calendar/calendar.store.ts';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.ts';
import type { EntryKind, ObligationKind, PayerKind, PayerRef } from './ledger.table.ts';
import { accruedPenalty, loadPenaltyRates, PENALTY_KINDS, type PenaltyRate } from './penalty.ts';
import { payerOfRow } from './payer.ts';

export interface ObligationBalance {
  id: number;
  kind: ObligationKind;
  subjectLabel: string;
  period: string;
  dueOn: string;
  /** dueOn moved off a non-working day: the penalty runs from the day after this. */
  effectiveDueOn: string;
  revenueLine: string | null;
  status: 'active' | 'cancelled';
  payer: PayerRef;
  /** The principal still owed (negative: paid over). */
  principal: number;
  /** The penalty balance in the books: posted penalties less what paid, relieved or reversed them. */
  penaltyPosted: number;
  /** penaltyPosted plus the penalty accrued up to the day and not posted yet. */
  penaltyToDate: number;
  /** principal + penaltyToDate. */
  due: number;
  /** Overdue days charged so far. */
  penaltyDays: number;
  /** The penalty was charged at a rule still marked 'to_check'. */
  penaltyToCheck: boolean;
}

export interface PayerBalance {
  payer: PayerRef;
  asOf: string;
  obligations: ObligationBalance[];
  principal: number;
  penaltyToDate: number;
  due: number;
  /** Paid and not allocated to any obligation nor refunded: the payer's credit. */
  credit: number;
}

export interface BalanceFilter {
  payer?: PayerRef;
  obligationIds?: number[];
}

/** What a balance computation needs besides the rows; loaded once per request. */
export interface PenaltyContext {
  rates: PenaltyRate[];
  calendar: WorkingCalendar;
}

export async function penaltyContext(tdb: TenantDb): Promise<PenaltyContext> {
  return tdb.transaction(async (tx, raw) => {
    const [rates, calendar] = await Promise.all([loadPenaltyRates(tx), loadCalendar(raw)]);
    return { rates, calendar };
  });
}

/**
 * Every obligation of the payer (or the ones named), oldest due first, as of `asOf`
 * (entries dated after it are left out). Both filters given: the obligations of both.
 */
export async function obligationBalances(tdb: TenantDb, filter: BalanceFilter, asOf: string, ctx?: PenaltyContext): Promise<ObligationBalance[]> {
  const [balances] = await obligationBalancesOn(tdb, filter, [asOf] as const, ctx);
  return balances;
}

/**
 * The same balances on each of several days (one list per day, in the days' order), from one
 * read of the obligations and their entries up to the latest day: a statement needs both ends
 * of its period, and reading the books once per day would double its queries.
 */
export async function obligationBalancesOn<D extends readonly string[]>(tdb: TenantDb, filter: BalanceFilter, days: D, ctx?: PenaltyContext): Promise<PerDay<D, ObligationBalance[]>> {
  if (!filter.payer && !filter.obligationIds) throw new TypeError('obligationBalances: name a payer or obligations');
  const perDay = (f: (day: string) => ObligationBalance[]) => days.map(f) as PerDay<D, ObligationBalance[]>;
  if (days.length === 0 || (filter.obligationIds && filter.obligationIds.length === 0)) return perDay(() => []);
  let q = tdb.selectFrom('fin_obligations')
    .select(['id', 'kind', 'subject_label', 'period', 'due_on', 'revenue_line', 'status', 'payer_kind', 'resident_id', 'organization_id']);
  const payer = filter.payer;
  if (payer) q = payer.kind === 'resident' ? q.where('resident_id', '=', payer.residentId) : q.where('organization_id', '=', payer.organizationId);
  if (filter.obligationIds) q = q.where('id', 'in', filter.obligationIds);
  const obligations = await q.orderBy('due_on').orderBy('id').execute();
  if (obligations.length === 0) return perDay(() => []);
  const entries = await tdb.selectFrom('fin_entries')
    .select(['obligation_id', 'kind', 'component', 'amount', 'entry_on'])
    .where('obligation_id', 'in', obligations.map((o) => o.id))
    .where('entry_on', '<=', latest(days))
    .execute();
  const context = ctx ?? await penaltyContext(tdb);
  return perDay((day) => computeBalances(obligations, entries.filter((e) => e.entry_on <= day), context, day));
}

/** One value per day asked, in the same tuple shape (`[before, after]` stays a pair). */
export type PerDay<D extends readonly string[], T> = { -readonly [K in keyof D]: T };

const latest = (days: readonly string[]) => days.reduce((a, b) => (b > a ? b : a));

export interface ObligationRow {
  id: number;
  kind: ObligationKind;
  subject_label: string;
  period: string;
  due_on: string;
  revenue_line: string | null;
  status: 'active' | 'cancelled';
  payer_kind: PayerKind;
  resident_id: number | null;
  organization_id: number | null;
}

export interface EntryRow {
  obligation_id: number;
  kind: EntryKind;
  component: 'principal' | 'penalty';
  amount: number;
  entry_on: string;
}

/** Balances of these obligations from their entries (already cut at `asOf`), in the obligations' order. */
export function computeBalances(obligations: readonly ObligationRow[], entries: readonly EntryRow[], ctx: PenaltyContext, asOf: string): ObligationBalance[] {
  const { rates, calendar } = ctx;
  const byObligation = new Map<number, EntryRow[]>();
  for (const e of entries) {
    const list = byObligation.get(e.obligation_id);
    if (list) list.push(e);
    else byObligation.set(e.obligation_id, [e]);
  }
  return obligations.map((o) => {
    const own = byObligation.get(o.id) ?? [];
    let principal = 0;
    let penaltyPosted = 0;
    let penaltyAccrualsPosted = 0;
    const moves: { on: string; amount: number }[] = [];
    for (const e of own) {
      if (e.component === 'principal') {
        principal += e.amount;
        moves.push({ on: e.entry_on, amount: e.amount });
      } else {
        penaltyPosted += e.amount;
        if (e.kind === 'penalty') penaltyAccrualsPosted += e.amount;
      }
    }
    // A cancelled obligation was replaced: its debt, penalty included, lives on the replacement.
    const charged = o.status === 'active' && PENALTY_KINDS.includes(o.kind);
    const accrued = charged ? accruedPenalty({ dueOn: o.due_on, asOf, moves, rates, calendar }) : null;
    const unposted = accrued ? Math.max(0, accrued.amount - penaltyAccrualsPosted) : 0;
    const penaltyToDate = penaltyPosted + unposted;
    return {
      id: o.id, kind: o.kind, subjectLabel: o.subject_label, period: o.period, dueOn: o.due_on,
      effectiveDueOn: accrued?.effectiveDueOn ?? calendar.nextWorkingDay(o.due_on),
      revenueLine: o.revenue_line, status: o.status, payer: payerOfRow(o),
      principal, penaltyPosted, penaltyToDate, due: principal + penaltyToDate,
      penaltyDays: accrued?.days ?? 0, penaltyToCheck: accrued?.toCheck ?? false,
    };
  });
}

/** What the payer has paid and not had allocated nor refunded, as of the day. */
export async function payerCredit(tdb: TenantDb, payer: PayerRef, asOf: string): Promise<number> {
  const [credit] = await payerCredits(tdb, payer, [asOf] as const);
  return credit;
}

/**
 * The payer's credit on each of the days, from one read of their payments, the entries that
 * allocated them and the refunds paid out of them up to the latest day. A payment counts from
 * its day on, with its allocations and refunds dated up to the day asked.
 */
export async function payerCredits<D extends readonly string[]>(tdb: TenantDb, payer: PayerRef, days: D): Promise<PerDay<D, number>> {
  const perDay = (f: (day: string) => number) => days.map(f) as PerDay<D, number>;
  if (days.length === 0) return perDay(() => 0);
  const last = latest(days);
  let q = tdb.selectFrom('fin_payments').select(['id', 'amount', 'paid_on']).where('paid_on', '<=', last);
  q = payer.kind === 'resident' ? q.where('resident_id', '=', payer.residentId) : q.where('organization_id', '=', payer.organizationId);
  const payments = await q.execute();
  if (payments.length === 0) return perDay(() => 0);
  const ids = payments.map((p) => p.id);
  const [allocations, refunds] = await Promise.all([
    tdb.selectFrom('fin_entries').select(['payment_id', 'amount', 'entry_on as on']).where('payment_id', 'in', ids).where('entry_on', '<=', last).execute(),
    tdb.selectFrom('fin_refunds').select(['payment_id', 'amount', 'refunded_on as on']).where('payment_id', 'in', ids).where('refunded_on', '<=', last).execute(),
  ]);
  const paidOn = new Map(payments.map((p) => [p.id, p.paid_on]));
  const counted = (day: string, row: { payment_id: number | null; on: string }) => row.on <= day && paidOn.get(row.payment_id!)! <= day;
  const total = (rows: readonly { amount: number }[]) => rows.reduce((s, r) => s + r.amount, 0);
  // Payment entries are negative (they lower the debt): adding them takes off what was allocated.
  return perDay((day) => total(payments.filter((p) => p.paid_on <= day))
    + total(allocations.filter((a) => counted(day, a))) - total(refunds.filter((r) => counted(day, r))));
}

export async function payerBalance(tdb: TenantDb, payer: PayerRef, asOf: string, ctx?: PenaltyContext): Promise<PayerBalance> {
  const [obligations, credit] = await Promise.all([obligationBalances(tdb, { payer }, asOf, ctx), payerCredit(tdb, payer, asOf)]);
  const sum = (f: (o: ObligationBalance) => number) => obligations.reduce((s, o) => s + f(o), 0);
  return { payer, asOf, obligations, principal: sum((o) => o.principal), penaltyToDate: sum((o) => o.penaltyToDate), due: sum((o) => o.due), credit };
}
