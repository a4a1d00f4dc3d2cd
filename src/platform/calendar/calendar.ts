// The Armenian working-day calendar as pure date arithmetic (no database, no clock).
// Monday–Friday are working days, Saturday and Sunday are not, except for each year's
// listed days: holidays off (working = false) and weekend days the government made
// working days (working = true). A year that has listed days uses exactly those; a year
// with none uses the defaults of the law (defaults.ts). Deadline rules: DOMAIN.md.
import { todayInYerevan } from '../i18n/format.ts';
import { defaultDays, type CalendarDay } from './defaults.ts';
import { dayOfNumber, parseDay, weekdayOfNumber, yearBounds, yearOf, yearOfNumber } from './days.ts';

export { todayInYerevan };
export type { CalendarDay };

export type DeadlineUnit = 'working' | 'calendar';

export interface Deadline {
  days: number;
  unit: DeadlineUnit;
}

/** More consecutive days off than this means the calendar data is broken (365 days marked off). */
const LONGEST_BREAK = 2 * 366;

interface YearIndex {
  start: number;
  end: number;
  /** day number → working */
  days: Map<number, boolean>;
}

function nonNegativeInteger(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

export class WorkingCalendar {
  /** The listed days of edited years, by year, in date order. */
  private readonly edited = new Map<number, CalendarDay[]>();
  private readonly indexes = new Map<number, YearIndex>();
  /** The year last looked up: deadline loops stay inside one year almost always. */
  private last: YearIndex | null = null;

  /** `days`: every listed day of the edited years; the years not among them use the defaults. */
  constructor(days: Iterable<CalendarDay> = []) {
    for (const d of days) {
      const year = yearOf(d.day);
      const list = this.edited.get(year) ?? [];
      list.push({ ...d });
      this.edited.set(year, list);
    }
    for (const list of this.edited.values()) list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  }

  /** Whether the national administrator has edited this year (false: the defaults apply). */
  isEdited(year: number): boolean {
    return this.edited.has(year);
  }

  /** The listed days of a year, edited or default, in date order. */
  daysOf(year: number): CalendarDay[] {
    return (this.edited.get(year) ?? defaultDays(year)).map((d) => ({ ...d }));
  }

  /** The listed day, if any (a holiday, a memorial day, a working weekend day). */
  dayInfo(day: string): CalendarDay | undefined {
    return this.daysOf(yearOf(day)).find((d) => d.day === day);
  }

  isWorkingDay(day: string): boolean {
    return this.isWorking(parseDay(day));
  }

  /** The day itself when it is a working day, otherwise the first working day after it. */
  nextWorkingDay(day: string): string {
    return dayOfNumber(this.nextWorking(parseDay(day)));
  }

  /**
   * The deadline `n` working days after `from`: the day of registration does not count,
   * and the result is always a working day. n = 0 gives nextWorkingDay(from).
   */
  addWorkingDays(from: string, n: number): string {
    nonNegativeInteger(n, 'Working days');
    let d = parseDay(from);
    if (n === 0) return dayOfNumber(this.nextWorking(d));
    for (let counted = 0; counted < n; ) {
      d = this.nextWorking(d + 1);
      counted++;
    }
    return dayOfNumber(d);
  }

  /** from + n calendar days, moved to the next working day when that is a day off (DOMAIN.md). */
  addCalendarDays(from: string, n: number): string {
    nonNegativeInteger(n, 'Calendar days');
    return dayOfNumber(this.nextWorking(parseDay(from) + n));
  }

  /** How many working days lie after `a` up to and including `b`; 0 when b ≤ a. */
  workingDaysBetween(a: string, b: string): number {
    const from = parseDay(a);
    const to = parseDay(b);
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorking(d)) count++;
    return count;
  }

  /** The due day of a deadline of `days` working or calendar days counted from `from`. */
  due(from: string, deadline: Deadline): string {
    return deadline.unit === 'working' ? this.addWorkingDays(from, deadline.days) : this.addCalendarDays(from, deadline.days);
  }

  private nextWorking(start: number): number {
    for (let d = start; d < start + LONGEST_BREAK; d++) if (this.isWorking(d)) return d;
    throw new Error(`No working day within ${LONGEST_BREAK} days of ${dayOfNumber(start)}: the calendar data is wrong`);
  }

  private isWorking(n: number): boolean {
    const listed = this.indexFor(n).days.get(n);
    if (listed !== undefined) return listed;
    const weekday = weekdayOfNumber(n);
    return weekday !== 0 && weekday !== 6;
  }

  private indexFor(n: number): YearIndex {
    if (this.last && n >= this.last.start && n < this.last.end) return this.last;
    const year = yearOfNumber(n);
    let index = this.indexes.get(year);
    if (!index) {
      const [start, end] = yearBounds(year);
      index = { start, end, days: new Map(this.daysOf(year).map((d) => [parseDay(d.day), d.working])) };
      this.indexes.set(year, index);
    }
    this.last = index;
    return index;
  }
}

/** The calendar with the law's defaults for every year (no edits). */
export const DEFAULT_CALENDAR = new WorkingCalendar();
