// The national working-day calendar: days that differ from the Monday–Friday rule.
// A holiday on a weekday is a row with working = 0; a Saturday the government made a
// working day is a row with working = 1. Global (not per community): one law for all.
export interface CalendarDaysTable {
  /** YYYY-MM-DD, primary key. */
  day: string;
  working: number;
  name_hy: string;
  name_en: string;
  name_ru: string;
  updated_at: string;
}
