// The budget classification the part ships (classification.json): functional sections,
// groups and classes, revenue lines and expense articles, each with its name in hy/en/ru,
// its verification mark and source. DOMAIN-finance.md marks the classification [U], so
// every entry is 'to_check' and the pages say so; a line may use a code not in the list.
import classificationData from './classification.json' with { type: 'json' };
import type { Locale } from '../../../platform/i18n/index.ts';
import type { BudgetDirection } from './budget.table.ts';

export interface ClassificationEntry {
  code: string;
  name: Record<Locale, string>;
  verification: 'verified' | 'to_check';
  legalRef: string;
  source: string;
}

interface ClassificationFile {
  functional: ClassificationEntry[];
  revenue: ClassificationEntry[];
  expense: ClassificationEntry[];
}

// Imported, not read from disk: the server runs from one esbuild bundle, where the file's own URL points into dist/.
const data = classificationData as ClassificationFile;
const byCode = (list: ClassificationEntry[]) => new Map(list.map((e) => [e.code, e]));
const FUNCTIONAL = byCode(data.functional);
const ECONOMIC: Record<BudgetDirection, Map<string, ClassificationEntry>> = { revenue: byCode(data.revenue), expense: byCode(data.expense) };

export const functionalEntry = (code: string) => FUNCTIONAL.get(code);
export const economicEntry = (direction: BudgetDirection, code: string) => ECONOMIC[direction].get(code);
export const classificationLists = () => data;

/** The functional section ("04") of a class code ("04.5.1"). */
export const sectionOf = (functionalCode: string) => functionalCode.slice(0, 2);

/**
 * A functional code as the budget writes it: "04.5.1" (section.group.class). Also taken:
 * "04 5 1", "04-5-1", "0451" (2 + 1 + 1 digits). Null when it is none of these.
 */
export function normalizeFunctional(raw: string): string | null {
  const s = raw.trim();
  const parts = /^\d{4}$/.test(s) ? [s.slice(0, 2), s[2]!, s[3]!] : s.split(/[.\s-]+/);
  if (parts.length !== 3 || !/^(0[1-9]|1[01])$/.test(parts[0]!) || !parts.slice(1).every((p) => /^\d{1,2}$/.test(p))) return null;
  return [parts[0], String(Number(parts[1])), String(Number(parts[2]))].join('.');
}

/** An economic code: 3 to 6 digits (1351, 11301, 4111). */
export function normalizeEconomic(raw: string): string | null {
  const s = raw.trim();
  return /^\d{3,6}$/.test(s) ? s : null;
}

/**
 * Dot-separated hierarchical codes for the Fiscal Data Package (the spec's gfsm example
 * writes 1.1.4.1.3): the economic classification is hierarchical digit by digit (GFSM);
 * the functional code is already section.group.class.
 */
export const dottedEconomic = (code: string) => code.split('').join('.');

/** The name of a code in the reader's language, or null when the shipped list lacks it. */
export function codeName(kind: 'functional' | BudgetDirection, code: string, locale: Locale): string | null {
  const entry = kind === 'functional' ? functionalEntry(code) : economicEntry(kind, code);
  return entry ? entry.name[locale] || entry.name.hy : null;
}
