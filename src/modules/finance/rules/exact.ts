// Exact arithmetic for tax amounts: rates such as 0.05 % or coefficients such as 0.4225 are
// decimal fractions that binary floats cannot hold, and a tax of 6,999.9999 that should be
// 7,000 is a wrong notice. Every figure becomes a fraction of big integers; the only
// rounding is the final one to whole drams (round half up), stated in docs/finance-rules.md.

/** n / d with d > 0. */
export interface Fraction {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

function norm(n: bigint, d: bigint): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

/** The exact value of a decimal number as written (0.1 is 1/10, not the nearest double). */
export function exact(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const [mantissa = '0', expPart] = String(x).toLowerCase().split('e');
  const exp = Number(expPart ?? 0);
  const negative = mantissa.startsWith('-');
  const [int = '0', frac = ''] = mantissa.replace('-', '').split('.');
  let n = BigInt(int + frac) * (negative ? -1n : 1n);
  let d = 10n ** BigInt(frac.length);
  if (exp > 0) n *= 10n ** BigInt(exp);
  if (exp < 0) d *= 10n ** BigInt(-exp);
  return norm(n, d);
}

const lift = (x: Fraction | number): Fraction => (typeof x === 'number' ? exact(x) : x);

export function add(a: Fraction | number, b: Fraction | number): Fraction {
  const x = lift(a), y = lift(b);
  return norm(x.n * y.d + y.n * x.d, x.d * y.d);
}

export function sub(a: Fraction | number, b: Fraction | number): Fraction {
  const y = lift(b);
  return add(a, { n: -y.n, d: y.d });
}

export function mul(...xs: (Fraction | number)[]): Fraction {
  return xs.map(lift).reduce((p, x) => norm(p.n * x.n, p.d * x.d), { n: 1n, d: 1n });
}

/** a percent of x: pct(x, 0.05) is 0.05 % of x. */
export function pct(x: Fraction | number, percent: Fraction | number): Fraction {
  return mul(x, percent, { n: 1n, d: 100n });
}

export function cmp(a: Fraction | number, b: Fraction | number): number {
  const x = lift(a), y = lift(b);
  const l = x.n * y.d, r = y.n * x.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Whole drams, half up (…,5 goes up); amounts here are never negative. */
export function roundHalfUp(x: Fraction): number {
  if (x.n < 0n) throw new RangeError('a tax amount is never negative');
  return Number((2n * x.n + x.d) / (2n * x.d));
}

/** For the basis shown to people: a number with at most `digits` decimals. */
export function toNumber(x: Fraction, digits = 4): number {
  const scale = 10n ** BigInt(digits);
  return Number((x.n * scale * 2n + x.d) / (2n * x.d)) / Number(scale);
}
