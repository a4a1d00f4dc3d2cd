// Formatting for people in Armenia: dates dd.mm.yyyy, instants in Asia/Yerevan,
// money in whole dram with the ֏ sign and spaces between thousands.
export const TIME_ZONE = 'Asia/Yerevan';

/** 1234567 → "1 234 567 ֏". Money is integer AMD everywhere (ARCHITECTURE rule 7). */
export function formatAmd(amount: number): string {
  if (!Number.isInteger(amount)) throw new Error(`AMD amounts are whole numbers, got ${amount}`);
  const sign = amount < 0 ? '−' : '';
  const digits = Math.abs(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${digits}\u00a0֏`;
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

const NUMBER_TAGS = { hy: 'hy-AM', en: 'en-GB', ru: 'ru-RU' } as const;
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A figure in the reader's language: "4,3" in Armenian and Russian, "4.3" in English; at most `digits` decimals. */
export function formatNumber(n: number, locale: keyof typeof NUMBER_TAGS, digits = 1): string {
  const key = `${locale}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_TAGS[locale], { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** A share already in per cent (0–100): "87 %" / "87%" as the language writes it, whole per cent. */
export function formatPercent(percent: number, locale: keyof typeof NUMBER_TAGS): string {
  return `${formatNumber(Math.round(percent), locale, 0)}${locale === 'en' ? '' : '\u00a0'}%`;
}
