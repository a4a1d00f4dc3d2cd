// Catalog typing: a module's messages are one object per language, and all three
// must have exactly the same keys, so a missing translation fails the type check.
export const LOCALES = ['hy', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'hy';

export type Messages<K extends string> = { hy: Record<K, string>; en: Record<K, string>; ru: Record<K, string> };

export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}
