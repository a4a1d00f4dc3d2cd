// Turning rows into what a page shows in the visitor's language: a field in the language
// asked for when it was translated, else the Armenian original, with the language it is in
// (so the page marks it with lang= for screen readers and hreflang lists only real ones).
import type { Locale } from '../../platform/i18n/index.ts';
import { formatInstant, LOCALES } from '../../platform/i18n/index.ts';
import type { Post } from './posts.queries.ts';
import { plainText } from './sanitize.ts';

export interface Localized {
  text: string;
  lang: Locale;
}

type Field = 'title' | 'summary' | 'body';

export function pick(post: Post, field: Field, locale: Locale): Localized {
  const own = post[`${field}_${locale}` as const];
  if (own) return { text: own, lang: locale };
  return { text: post[`${field}_hy`] ?? '', lang: 'hy' };
}

/** The languages a post exists in: Armenian always, others where the title was translated. */
export function languagesOf(post: Post): Locale[] {
  return LOCALES.filter((l) => l === 'hy' || Boolean(post[`title_${l}` as const]));
}

/** A summary for lists and feeds: the written one, else the body's first 200 characters. */
export function summaryOf(post: Post, locale: Locale): Localized {
  const s = pick(post, 'summary', locale);
  if (s.text) return s;
  const body = pick(post, 'body', locale);
  const text = plainText(body.text);
  return { text: text.length > 200 ? `${text.slice(0, 190).replace(/\s+\S*$/u, '')}…` : text, lang: body.lang };
}

export function when(iso: string | null): string {
  return iso ? formatInstant(iso) : '';
}

export function humanBytes(n: number, locale: Locale): string {
  const units = { hy: ['Բ', 'ԿԲ', 'ՄԲ'], en: ['B', 'KB', 'MB'], ru: ['Б', 'КБ', 'МБ'] }[locale];
  if (n < 1024) return `${n} ${units[0]}`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} ${units[1]}`;
  return `${(n / 1024 / 1024).toFixed(1)} ${units[2]}`;
}

/** What people call a file type: "PDF", "JPEG". */
export function typeName(mime: string): string {
  return ({ 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' } as Record<string, string>)[mime] ?? mime;
}
