import { catalogs, type MessageKey } from './catalog.ts';
import { DEFAULT_LOCALE, type Locale } from './define.ts';
import { resolvePlurals } from './plural.ts';

export type { MessageKey } from './catalog.ts';
export { installCatalog } from './catalog.ts';
export { LOCALES, DEFAULT_LOCALE, isLocale, defineMessages, type Locale } from './define.ts';
export { decimalSeparator, formatAmd, formatDay, formatInstant, formatNumber, formatPercent, parseDay, todayInYerevan, TIME_ZONE, type NumberOptions } from './format.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one locale; `{name}` placeholders are filled from params, and
 * `{count, plural, one {…} other {…}}` picks the language's plural form (plural.ts).
 */
export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  // Looked up on each call: a translator made at import time (a module-level constant)
  // must see the modules' messages installed after it.
  return (key, params) => {
    const text = catalogs[locale][key] ?? key;
    if (!params) return text;
    return resolvePlurals(text, locale, params).replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/** Picks the field of a row for the locale: pick(row, 'name', 'en') reads row.name_en. */
export function localized<R extends object>(row: R, field: string, locale: Locale): string {
  const rec = row as Record<string, unknown>;
  const v = rec[`${field}_${locale}`] ?? rec[`${field}_${DEFAULT_LOCALE}`];
  return typeof v === 'string' ? v : '';
}
