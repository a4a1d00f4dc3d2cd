// The fee (local duty) of a case from its service's fee rule and the form values.
// Money is integer AMD and rates are exact decimals (ARCHITECTURE rule 7): the per-unit
// rule multiplies in integers scaled by 10⁴ and rounds half up once, at the end.
import type { FeeSpec } from './spec.ts';
import type { FormValues } from '../cases/form-values.ts';

const SCALE = 10_000n;

/** "12.5" → 125000n (× 10⁴), exact. */
function scaled(decimal: string): bigint {
  const [whole, frac = ''] = decimal.split('.');
  return BigInt(whole!) * SCALE + BigInt((frac + '0000').slice(0, 4));
}

function quantity(v: unknown): bigint | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return scaled(v.toFixed(4));
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) return scaled(v);
  return null;
}

export function computeFee(fee: FeeSpec, values: FormValues): number {
  switch (fee.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return fee.amount;
    case 'table': {
      const v = values[fee.field];
      return fee.rows.find((r) => r.value === String(v))?.amount ?? fee.default;
    }
    case 'per_unit': {
      const q = quantity(values[fee.field]);
      if (q === null) return Math.max(fee.base, fee.min);
      const product = scaled(fee.rate) * q; // × 10⁸
      const half = (SCALE * SCALE) / 2n;
      const amount = Number((product + half) / (SCALE * SCALE)) + fee.base;
      return Math.max(amount, fee.min);
    }
  }
}
