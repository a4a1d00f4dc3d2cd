// Formatting for people in Armenia: dates dd.mm.yyyy, instants in Asia/Yerevan,
// numbers and money with no-break spaces between thousands.
import type { Locale } from './define.ts';

export const TIME_ZONE = 'Asia/Yerevan';

/**
 * The one rule for numbers people read, in every language: thousands are separated by a
 * no-break space from four digits on (1 234, as money is written), the decimal separator is
 * a comma in Armenian and Russian and a point in English, and the minus sign is "−".
 * Intl alone does not give one rule: for hy it leaves 4-digit numbers ungrouped (CLDR's
 * minimum grouping digits), for en it groups with commas, for ru with a no-break space.
 */
const DECIMAL: Record<Locale, string> = { hy: ',', ru: ',', en: '.' };
const NBSP = '\u00a0';

export interface NumberOptions {
  /** At most this many decimals (default 0: whole numbers). */
  decimals?: number;
  /** At least this many decimals (e.g. 1 for "7,0"); defaults to none. */
  minDecimals?: number;
}

/** The decimal separator of the reader's language: "," (hy, ru) or "." (en). */
export const decimalSeparator = (locale: Locale) => DECIMAL[locale];

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(max: number, min: number): Intl.NumberFormat {
  const key = `${max}:${min}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('en', { maximumFractionDigits: max, minimumFractionDigits: min, useGrouping: true })));
  return f;
}

/** 1234.56 → "1 234,6" (hy, ru) or "1 234.6" (en) with { decimals: 1 }. */
export function formatNumber(n: number, locale: Locale, opts: NumberOptions = {}): string {
  const max = opts.decimals ?? 0;
  const min = Math.min(opts.minDecimals ?? 0, max);
  return formatterFor(max, min)
    .formatToParts(n)
    .map((p) => (p.type === 'group' ? NBSP : p.type === 'decimal' ? DECIMAL[locale] : p.type === 'minusSign' ? '−' : p.value))
    .join('');
}

/** 1234567 → "1 234 567 ֏". Money is integer AMD everywhere (ARCHITECTURE rule 7). */
export function formatAmd(amount: number): string {
  if (!Number.isInteger(amount)) throw new Error(`AMD amounts are whole numbers, got ${amount}`);
  return `${formatNumber(amount, 'en')}${NBSP}֏`;
}

/** A real calendar day, given as YYYY-MM-DD or DD.MM.YYYY (D.M.YYYY too); returned as YYYY-MM-DD. */
export function parseDay(input: string): string | null {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (!iso && !dotted) return null;
  const [y, mo, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : [dotted![3]!, dotted![2]!.padStart(2, '0'), dotted![1]!.padStart(2, '0')];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${mo}-${d}`;
}

/** "2026-11-26" → "26.11.2026". Days are plain strings, never shifted by time zones. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) throw new Error(`Not a YYYY-MM-DD day: ${day}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

const instantFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO instant (UTC) shown as Yerevan wall time: "26.11.2026 20:05". */
export function formatInstant(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const parts = Object.fromEntries(instantFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/** Today's date in Yerevan as YYYY-MM-DD. */
export function todayInYerevan(now: Date = new Date()): string {
  const parts = Object.fromEntries(instantFormat.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A share already in per cent (0–100): "87 %" in Armenian and Russian, "87%" in English; whole per cent. */
export function formatPercent(percent: number, locale: Locale): string {
  return `${formatNumber(Math.round(percent), locale)}${locale === 'en' ? '' : NBSP}%`;
}
