// Splitting one object's tax among owners in shares: each gets tax × share rounded down,
// and the drams left over go one each to the largest remainders (ties: the earlier
// owner), so the parts are whole drams and add up to the tax times the shares' sum —
// exactly the tax when the shares add up to one.

export interface Share {
  num: number;
  den: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** The sum of fractions, reduced. */
export function addShares(shares: readonly Share[]): Share {
  let num = 0;
  let den = 1;
  for (const s of shares) {
    const g = gcd(den, s.den);
    num = num * (s.den / g) + s.num * (den / g);
    den = (den / g) * s.den;
    const r = gcd(num, den) || 1;
    num /= r;
    den /= r;
  }
  return { num, den };
}

/** Whole-dram parts of `tax` by `shares` (largest remainder). */
export function splitByShares(tax: number, shares: readonly Share[]): number[] {
  if (!Number.isSafeInteger(tax) || tax < 0) throw new RangeError(`tax must be whole drams, got ${tax}`);
  const floors = shares.map((s) => Math.floor((tax * s.num) / s.den));
  // Remainders compared as fractions rem/den without floating point.
  const rems = shares.map((s, i) => ({ i, rem: tax * s.num - floors[i]! * s.den, den: s.den }));
  const total = addShares(shares);
  const target = Math.floor((2 * tax * total.num + total.den) / (2 * total.den));
  let left = target - floors.reduce((a, b) => a + b, 0);
  rems.sort((a, b) => b.rem * a.den - a.rem * b.den || a.i - b.i);
  const parts = [...floors];
  for (const r of rems) {
    if (left <= 0) break;
    if (r.rem === 0) continue;
    parts[r.i]! += 1;
    left--;
  }
  return parts;
}
