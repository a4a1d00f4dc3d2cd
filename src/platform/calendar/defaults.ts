// The non-working days of the Law on Holidays and Memorial Days (DOMAIN.md), used for
// every year the national administrator has not edited. The government also moves days
// and adds one-off days; those are edits of a year (calendar.service.ts), not code.
// A holiday that falls on a Saturday or Sunday is simply a non-working day: the law
// does not move it to the Monday, so neither does the calendar.

/** One day of a year that differs from, or is named beside, the Monday–Friday rule. */
export interface CalendarDay {
  /** YYYY-MM-DD */
  day: string;
  /** false: a holiday or memorial day off; true: a Saturday or Sunday made a working day. */
  working: boolean;
  name_hy: string;
  name_en: string;
  name_ru: string;
}

type Holiday = Omit<CalendarDay, 'day' | 'working'> & { month: number; date: number };

const NEW_YEAR = { name_hy: 'Նոր տարի', name_en: 'New Year', name_ru: 'Новый год' };

/** In calendar order within a year (31 December belongs to the year it ends). */
export const DEFAULT_HOLIDAYS: readonly Holiday[] = [
  { month: 1, date: 1, ...NEW_YEAR },
  { month: 1, date: 2, ...NEW_YEAR },
  { month: 1, date: 6, name_hy: 'Սուրբ Ծնունդ և Հայտնություն', name_en: 'Christmas and Epiphany', name_ru: 'Рождество и Богоявление' },
  // A memorial day that is a day off only in some years: off by default, the admin may remove it.
  { month: 1, date: 7, name_hy: 'Մեռելոց հիշատակի օր', name_en: 'Memorial Day of the Dead', name_ru: 'День поминовения усопших' },
  { month: 1, date: 28, name_hy: 'Բանակի օր', name_en: 'Army Day', name_ru: 'День армии' },
  { month: 3, date: 8, name_hy: 'Կանանց միջազգային օր', name_en: "International Women's Day", name_ru: 'Международный женский день' },
  {
    month: 4, date: 24,
    name_hy: 'Հայոց ցեղասպանության զոհերի հիշատակի օր', name_en: 'Armenian Genocide Remembrance Day', name_ru: 'День памяти жертв Геноцида армян',
  },
  { month: 5, date: 1, name_hy: 'Աշխատանքի օր', name_en: 'Labour Day', name_ru: 'День труда' },
  { month: 5, date: 9, name_hy: 'Հաղթանակի և խաղաղության տոն', name_en: 'Victory and Peace Day', name_ru: 'День Победы и мира' },
  { month: 5, date: 28, name_hy: 'Հանրապետության օր', name_en: 'Republic Day', name_ru: 'День Республики' },
  { month: 7, date: 5, name_hy: 'Սահմանադրության օր', name_en: 'Constitution Day', name_ru: 'День Конституции' },
  { month: 9, date: 21, name_hy: 'Անկախության օր', name_en: 'Independence Day', name_ru: 'День независимости' },
  { month: 12, date: 31, name_hy: 'Նոր տարվա գիշեր', name_en: "New Year's Eve", name_ru: 'Канун Нового года' },
];

/** The default non-working days of one year, in date order. */
export function defaultDays(year: number): CalendarDay[] {
  const y = String(year).padStart(4, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  return DEFAULT_HOLIDAYS.map(({ month, date, ...names }) => ({ day: `${y}-${pad(month)}-${pad(date)}`, working: false, ...names }));
}
