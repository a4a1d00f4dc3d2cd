// The arithmetic of local duties and fees: the amount of one period and the periods a
// payer is charged for. Pure functions, so the table tests read like the rules.
//
// Amount = rate × measure quantity × zone coefficient. The rate is whole drams; the
// quantity (m², persons) and the coefficient are exact decimals with up to 4 places,
// multiplied in integers (× 10⁴ each) and rounded half up to a whole dram once, at the end.
import type { Periodicity } from './duties.table.ts';

const SCALE = 10_000n;
const DECIMAL = /^\d{1,9}(\.\d{1,4})?$/;

export function isExactDecimal(s: string): boolean {
  return DECIMAL.test(s);
}

/** "12.5" → 125000n (× 10⁴). Throws on anything else: callers validate first. */
function scaledDecimal(s: string): bigint {
  if (!DECIMAL.test(s)) throw new RangeError(`not an exact decimal: ${s}`);
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole!) * SCALE + BigInt(frac.padEnd(4, '0'));
}

/** Whole drams for one period; half a dram rounds up. */
export function periodAmount(rate: number, quantity: string, coefficient: string): number {
  if (!Number.isSafeInteger(rate) || rate < 0) throw new RangeError(`a rate is whole drams, got ${rate}`);
  const product = BigInt(rate) * scaledDecimal(quantity) * scaledDecimal(coefficient); // × 10⁸
  const unit = SCALE * SCALE;
  return Number((product + unit / 2n) / unit);
}

/** Compares two exact decimals (for the floor-area bands). */
export function compareDecimal(a: string, b: string): number {
  const d = scaledDecimal(a) - scaledDecimal(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export interface Period {
  /** fin_obligations.period: '2026-03', '2026-Q1', '2026', or the day of a one-off charge. */
  key: string;
  year: number;
  starts: string;
  ends: string;
  /** The last day of the period (a one-off charge: its day, paid before the permit). */
  dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function monthPeriod(y: number, m: number): Period {
  const ends = `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
  return { key: `${y}-${pad(m)}`, year: y, starts: `${y}-${pad(m)}-01`, ends, dueOn: ends };
}

function quarterPeriod(y: number, q: number): Period {
  const m = q * 3;
  const ends = `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
  return { key: `${y}-Q${q}`, year: y, starts: `${y}-${pad(m - 2)}-01`, ends, dueOn: ends };
}

function yearPeriod(y: number): Period {
  return { key: String(y), year: y, starts: `${y}-01-01`, ends: `${y}-12-31`, dueOn: `${y}-12-31` };
}

/**
 * The periods a payer registered from `startsOn` (to `endsOn`, or still) owes up to the day
 * `asOf`: every period that has begun by then and that the payer's span touches. A period
 * is charged whole even when the span covers only part of it (no pro-rating: the council's
 * rates are per period).
 */
export function periodsDue(periodicity: Periodicity, startsOn: string, endsOn: string | null, asOf: string): Period[] {
  if (startsOn > asOf) return [];
  if (periodicity === 'one_off') return [{ key: startsOn, year: Number(startsOn.slice(0, 4)), starts: startsOn, ends: startsOn, dueOn: startsOn }];
  const last = endsOn !== null && endsOn < asOf ? endsOn : asOf;
  const out: Period[] = [];
  let y = Number(startsOn.slice(0, 4));
  let step = periodicity === 'monthly' ? Number(startsOn.slice(5, 7)) : periodicity === 'quarterly' ? Math.ceil(Number(startsOn.slice(5, 7)) / 3) : 1;
  for (;;) {
    const p = periodicity === 'monthly' ? monthPeriod(y, step) : periodicity === 'quarterly' ? quarterPeriod(y, step) : yearPeriod(y);
    if (p.starts > last) break;
    out.push(p);
    const perYear = periodicity === 'monthly' ? 12 : periodicity === 'quarterly' ? 4 : 1;
    step += 1;
    if (step > perYear) { step = 1; y += 1; }
  }
  return out;
}
