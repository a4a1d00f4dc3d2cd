// Plural forms in messages, in a small subset of ICU MessageFormat:
//   '{count, plural, one {# notice} other {# notices}}'
// The form is chosen by the language's CLDR plural rules (Intl.PluralRules): Russian has
// one / few / many / other (1 уведомление, 2 уведомления, 5 уведомлений), Armenian and
// English one / other. "#" is the number, written by formatNumber. A message in a language
// must give exactly that language's categories (i18n.test.ts checks every catalogue).
import type { Locale } from './define.ts';
import { formatNumber } from './format.ts';

export type Params = Record<string, string | number>;

const rules = new Map<Locale, Intl.PluralRules>();

function pluralRules(locale: Locale): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

/** The categories a message in this language must give, e.g. ru: one, few, many, other. */
export function pluralCategories(locale: Locale): string[] {
  return [...pluralRules(locale).resolvedOptions().pluralCategories].sort();
}

export interface PluralBlock {
  /** Where the block starts and ends in the message ("{" … matching "}"). */
  start: number;
  end: number;
  param: string;
  forms: Record<string, string>;
}

/** The index just past the "}" that closes the "{" at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The plural blocks of a message, outermost only; a malformed block throws (a catalogue bug). */
export function pluralBlocks(text: string): PluralBlock[] {
  const out: PluralBlock[] = [];
  const head = /\{(\w+),\s*plural,/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text))) {
    const end = closing(text, m.index);
    if (end < 0) throw new Error(`Unclosed plural in message: ${text}`);
    const forms: Record<string, string> = {};
    let i = m.index + m[0].length;
    const form = /\s*([a-z]+)\s*\{/y;
    for (;;) {
      form.lastIndex = i;
      const f = form.exec(text);
      if (!f) break;
      const open = form.lastIndex - 1;
      const close = closing(text, open);
      forms[f[1]!] = text.slice(open + 1, close - 1);
      i = close;
    }
    if (text.slice(i, end - 1).trim() !== '' || !('other' in forms)) throw new Error(`Malformed plural in message: ${text}`);
    out.push({ start: m.index, end, param: m[1]!, forms });
    head.lastIndex = end;
  }
  return out;
}

/** Chooses each plural block's form for its number; "#" becomes the number as people write it. */
export function resolvePlurals(text: string, locale: Locale, params: Params): string {
  if (!/,\s*plural,/.test(text)) return text;
  let out = '';
  let at = 0;
  for (const b of pluralBlocks(text)) {
    const n = Number(params[b.param]);
    const category = Number.isFinite(n) ? pluralRules(locale).select(n) : 'other';
    const form = b.forms[category] ?? b.forms.other!;
    out += text.slice(at, b.start) + form.replace(/#/g, Number.isFinite(n) ? formatNumber(n, locale, { decimals: 2 }) : String(params[b.param] ?? '#'));
    at = b.end;
  }
  return out + text.slice(at);
}
