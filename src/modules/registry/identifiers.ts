// Identifiers of the registers and their validation (DOMAIN.md "People, addresses,
// identifiers"). Used by forms, the API and the importers alike.
import { z } from 'zod';
import { parseDay } from '../../platform/i18n/index.ts';

/** ՀԾՀ: the public service number, 10 digits. */
export const publicServiceNumber = z.string().trim().regex(/^\d{10}$/, 'registry.error.psn');

/** ՀՎՀՀ: a legal entity's or entrepreneur's tax ID, 8 digits. */
export const taxId = z.string().trim().regex(/^\d{8}$/, 'registry.error.taxId');

/** Cadastral code as the cadastre writes it, e.g. 09-001-0123-0045 (structures may add a suffix). */
export const cadastralCode = z.string().trim().regex(/^\d{2}-\d{3}-\d{4}-\d{4}(-\d{1,4}){0,2}$/, 'registry.error.cadastralCode');

/** Days are read by the platform's parseDay (YYYY-MM-DD or DD.MM.YYYY). */
export { parseDay };

export const day = z.string().transform((v, ctx) => {
  const parsed = parseDay(v);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'registry.error.date' });
    return z.NEVER;
  }
  return parsed;
});

/** A birth date: a real day, not in the future, not before 1900. */
export const birthDate = day.refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'registry.error.birthDate');

/** Ownership shares such as 1/2, 1/3: positive, proper fractions. */
export const share = z
  .object({ num: z.number().int().positive(), den: z.number().int().positive() })
  .refine((s) => s.num <= s.den, 'registry.error.share');

/** True when the shares add up to exactly one (exact rational arithmetic, no floats). */
export function sharesSumToOne(shares: { num: number; den: number }[]): boolean {
  let num = 0n;
  let den = 1n;
  for (const s of shares) {
    num = num * BigInt(s.den) + BigInt(s.num) * den;
    den = den * BigInt(s.den);
  }
  return num === den;
}
