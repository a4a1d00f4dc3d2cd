// Days as 'YYYY-MM-DD' strings and the arithmetic on them. Everything is done on whole
// days counted in UTC, so no local time zone or daylight-saving change can shift a date.

const DAY_MS = 86_400_000;
const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first and last years a day may have: four-digit years, as the string format allows. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

/** 'YYYY-MM-DD' → days since 1970-01-01; null when the text is not a real calendar day (2026-02-30). */
export function dayNumberOf(day: string): number | null {
  const m = DAY_FORMAT.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < FIRST_YEAR) return null;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return Math.round(date.getTime() / DAY_MS);
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function dayOfNumber(n: number): string {
  const date = new Date(n * DAY_MS);
  const y = date.getUTCFullYear();
  if (!Number.isInteger(n) || y < FIRST_YEAR || y > LAST_YEAR) throw new RangeError(`Day ${n} is outside the years ${FIRST_YEAR}–${LAST_YEAR}`);
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(y, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Like dayNumberOf, but a programming error (not user input) when the day is not real. */
export function parseDay(day: string): number {
  const n = dayNumberOf(day);
  if (n === null) throw new TypeError(`Not a real YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return n;
}

export function isRealDay(day: string): boolean {
  return dayNumberOf(day) !== null;
}

/** day + n calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  return dayOfNumber(parseDay(day) + n);
}

/** The year a day number falls in. */
export function yearOfNumber(n: number): number {
  return new Date(n * DAY_MS).getUTCFullYear();
}

export function yearOf(day: string): number {
  return yearOfNumber(parseDay(day));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function weekdayOf(day: string): number {
  return weekdayOfNumber(parseDay(day));
}

/** Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** The day numbers of 1 January of `year` and of 1 January of the next year. */
export function yearBounds(year: number): [number, number] {
  const y = String(year).padStart(4, '0');
  return [parseDay(`${y}-01-01`), parseDay(`${y}-12-31`) + 1];
}
