// What every calculation returns: the amount rounded once to whole drams (half up), the
// rules used (the rate's rule first) and the warnings that follow from them.
import { roundHalfUp, type Fraction } from './exact.ts';
import type { LoadedRule } from './rules.service.ts';
import type { TaxResult, TaxWarning } from './rules.types.ts';

export function checkAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what}: whole drams, not negative (got ${value})`);
}

/** The result from the exact amount and the rules used; warnings follow from the rules. */
export function result(amount: Fraction, used: LoadedRule[], basis: TaxResult['basis'], provisional: boolean): TaxResult {
  const applied = used.map((r) => r.ref);
  const warnings: TaxWarning[] = [];
  if (applied.some((r) => r.verification === 'to_check')) warnings.push('to_check');
  if (provisional) warnings.push('provisional');
  return { amount: roundHalfUp(amount), rule: applied[0]!, applied, basis: { ...basis, rounding: 'half_up' }, warnings };
}

