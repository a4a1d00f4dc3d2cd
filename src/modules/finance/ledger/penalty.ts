// Late-payment penalties (տույժ, Tax Code Art 401(1)), computed, never stored as a rate in code:
// the rates and the cap are fin_rules rows of kind 'penalty' (national, or a community's own).
//
// The rules of the computation (docs/finance-ledger.md says the same for accountants):
// - The due date, when it falls on a non-working day of the national calendar, moves to the
//   next working day; the penalty runs from the day after that (effective) due date.
// - Each overdue day is charged on the principal owed on that day: an entry dated D (a
//   payment, a relief, a late accrual) changes the principal from the day after D, so the day
//   of payment is still charged. (That way the penalty posted when a payment is allocated,
//   computed before the payment's entries exist, stays what the books compute afterwards.)
//   A principal at or below zero is charged nothing.
// - Each day is charged at the rate in force on that day (across the 2020 change and across
//   year ends); a day no rule covers is charged nothing.
// - At most capDays overdue days per liability, counted from the first overdue day.
// - Rounding is done once, on the obligation's total: half a dram and more rounds up.
// Only taxes carry the Tax Code's penalty; whether local duties and payments do is not
// established (DOMAIN-finance.md §4), so they accrue none.
import { sql } from 'kysely';
import type { Executor, TenantDb } from '../../../platform/db/tenant.ts';
import { unscoped } from '../../../platform/db/tenant.ts';
import { parseDay, dayOfNumber } from '../../../platform/calendar/days.ts';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.ts';
import type { PenaltyRule } from '../rules/rules.types.ts';
import type { ObligationKind } from './ledger.table.ts';

export const PENALTY_KINDS: readonly ObligationKind[] = ['real_estate_tax', 'land_tax', 'vehicle_tax'];

/** One penalty rule in force over [from, to]. */
export interface PenaltyRate {
  ruleId: number;
  from: string;
  /** Inclusive; null: still in force. */
  to: string | null;
  ratePctPerDay: number;
  capDays: number;
  legalRef: string;
  verification: 'verified' | 'to_check';
  /** true: the community's own rule, which wins over the national one on the days it covers. */
  own: boolean;
}

/** A change of the principal: an entry of the principal component, dated `on`. */
export interface PrincipalMove {
  on: string;
  amount: number;
}

export interface PenaltyResult {
  /** Whole drams, rounded half up once on the total. */
  amount: number;
  /** Overdue days charged (principal above zero, a rule in force, within the cap). */
  days: number;
  /** The due date after moving off a non-working day. */
  effectiveDueOn: string;
  /** Some day was charged at a rule marked 'to_check'. */
  toCheck: boolean;
  /** The rules that charged some day. */
  ruleIds: number[];
}

/** Rates are percents with at most six decimals; the arithmetic is exact in these units. */
const RATE_SCALE = 1_000_000;
/** principal × scaled rate is in units of 1 / (100 × RATE_SCALE) dram. */
const UNIT = BigInt(100 * RATE_SCALE);

function scaledRate(ratePct: number): bigint {
  const scaled = Math.round(ratePct * RATE_SCALE);
  if (!(ratePct >= 0) || Math.abs(scaled - ratePct * RATE_SCALE) > 1e-6) {
    throw new RangeError(`penalty rate ${ratePct} % a day: a non-negative percent with at most six decimals`);
  }
  return BigInt(scaled);
}

/**
 * Read once per database and community and kept for RATES_TTL_MS: a payer's page, a
 * statement and every allocation need them, and they change a few times a decade. An edit
 * is seen by every process within that time (like the working-day calendar's cache).
 */
export const RATES_TTL_MS = 10_000;
const ratesCache = new WeakMap<object, Map<number, { at: number; rates: Promise<PenaltyRate[]> }>>();

/** The penalty rules of this community and the nation, the community's first on overlapping days. */
export function loadPenaltyRates(tdb: TenantDb): Promise<PenaltyRate[]> {
  return tdb.transaction((_tx, raw) => {
    const key = raw.getExecutor().adapter;
    let byCommunity = ratesCache.get(key);
    if (!byCommunity) ratesCache.set(key, (byCommunity = new Map()));
    const hit = byCommunity.get(tdb.communityId);
    if (hit && Date.now() - hit.at < RATES_TTL_MS) return hit.rates;
    const rates = readPenaltyRates(raw, tdb.communityId);
    byCommunity.set(tdb.communityId, { at: Date.now(), rates });
    rates.catch(() => byCommunity.delete(tdb.communityId));
    return rates;
  });
}

async function readPenaltyRates(raw: Executor, communityId: number): Promise<PenaltyRate[]> {
  const rows = await (
    unscoped(raw, 'fin_rules holds national rules (no community) beside the community\'s own; only this community\'s and the national rows are read')
      .selectFrom('fin_rules')
      .select(['id', 'community_id', 'valid_from', 'valid_to', 'data', 'legal_ref', 'verification'])
      .where('kind', '=', 'penalty')
      .where((eb) => eb.or([eb('community_id', 'is', null), eb('community_id', '=', communityId)]))
      .orderBy(sql`case when community_id is null then 1 else 0 end`)
      .orderBy('valid_from')
      .execute());
  return rows.map((r) => {
    const data = JSON.parse(r.data) as PenaltyRule;
    scaledRate(data.ratePctPerDay);
    if (!Number.isInteger(data.capDays) || data.capDays < 0) throw new RangeError(`penalty rule ${r.id}: capDays must be a whole number ≥ 0`);
    return {
      ruleId: r.id, from: r.valid_from, to: r.valid_to, ratePctPerDay: data.ratePctPerDay, capDays: data.capDays,
      legalRef: r.legal_ref, verification: r.verification, own: r.community_id !== null,
    };
  });
}

interface Segment {
  start: number;
  /** Exclusive. */
  end: number;
  rate: bigint;
  cap: number;
  source: PenaltyRate;
}

/** The days from..to (inclusive day numbers) cut into pieces of one rule each; uncovered days left out. */
function segmentsOf(rates: readonly PenaltyRate[], from: number, to: number): Segment[] {
  const inForce = (r: PenaltyRate, d: number) => parseDay(r.from) <= d && (r.to === null || d <= parseDay(r.to));
  const cuts = new Set<number>([from, to + 1]);
  for (const r of rates) {
    const a = parseDay(r.from);
    const b = r.to === null ? Infinity : parseDay(r.to) + 1;
    if (a > from && a <= to) cuts.add(a);
    if (b > from && b <= to) cuts.add(b);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    // The community's own rows come first (loadPenaltyRates' order), so they win.
    const rule = rates.find((r) => inForce(r, start));
    if (rule) out.push({ start, end: points[i + 1]!, rate: scaledRate(rule.ratePctPerDay), cap: rule.capDays, source: rule });
  }
  return out;
}

/**
 * The penalty accrued on one liability from its due date up to and including `asOf`,
 * by the rules at the top of this file.
 */
export function accruedPenalty(input: {
  dueOn: string;
  asOf: string;
  moves: readonly PrincipalMove[];
  rates: readonly PenaltyRate[];
  calendar: WorkingCalendar;
}): PenaltyResult {
  const effectiveDueOn = input.calendar.nextWorkingDay(input.dueOn);
  const first = parseDay(effectiveDueOn) + 1;
  const last = parseDay(input.asOf);
  const result: PenaltyResult = { amount: 0, days: 0, effectiveDueOn, toCheck: false, ruleIds: [] };
  if (last < first) return result;

  // The principal in force on each day: a move dated D counts from day D + 1 on.
  const moves = input.moves.map((m) => ({ day: parseDay(m.on), amount: m.amount })).sort((a, b) => a.day - b.day);
  let principal = 0;
  let next = 0;
  while (next < moves.length && moves[next]!.day < first) principal += moves[next++]!.amount;

  let total = 0n;
  const used = new Set<PenaltyRate>();
  for (const seg of segmentsOf(input.rates, first, last)) {
    const capEnd = first + seg.cap;
    let d = seg.start;
    const end = Math.min(seg.end, capEnd);
    while (d < end) {
      while (next < moves.length && moves[next]!.day < d) principal += moves[next++]!.amount;
      const upTo = Math.min(end, next < moves.length ? moves[next]!.day + 1 : Infinity);
      if (principal > 0 && seg.rate > 0n) {
        total += BigInt(principal) * seg.rate * BigInt(upTo - d);
        result.days += upTo - d;
        used.add(seg.source);
      }
      d = upTo;
    }
  }
  result.amount = Number((total + UNIT / 2n) / UNIT);
  result.toCheck = [...used].some((r) => r.verification === 'to_check');
  result.ruleIds = [...used].map((r) => r.ruleId);
  return result;
}

/** The first day a penalty can accrue on an obligation due on `dueOn` (for statements and notices). */
export function firstOverdueDay(calendar: WorkingCalendar, dueOn: string): string {
  return dayOfNumber(parseDay(calendar.nextWorkingDay(dueOn)) + 1);
}
