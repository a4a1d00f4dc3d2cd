// Vehicle property tax: drams per horsepower by band, the surcharge per hp above a threshold,
// the reduction with age and the old-truck exemption, all from the vehicle_tax rule.
import { add, cmp, exact, mul, pct, sub, toNumber, type Fraction } from './exact.ts';
import { ruleOf, RuleMissingError, type RuleSet } from './rules.service.ts';
import type { TaxResult, VehicleBody, VehicleClass, VehicleTaxRule } from './rules.types.ts';
import { result } from './calc.result.ts';

export interface VehicleInput {
  vehicleClass: VehicleClass;
  /** Engine power in hp, or in kW (converted by the rule's factor); exactly one. */
  hp?: number | null;
  kw?: number | null;
  /** The year of manufacture. */
  manufactured: number;
  /** Within bus_truck: only a truck is exempt when old (default truck). */
  body?: VehicleBody;
  year?: number;
}

type Band = VehicleTaxRule['bands'][VehicleClass][number];

/**
 * The band of a power: bands are written like the law ("1–120 hp", "121–250 hp"), so a band
 * from 121 starts above 120 and a converted 120.4 hp is still in the first band.
 */
function bandFor(bands: Band[], hp: Fraction): Band | null {
  let found: Band | null = null;
  for (const b of [...bands].sort((x, y) => x.fromHp - y.fromHp)) if (cmp(hp, b.fromHp - 1) > 0) found = b;
  return found;
}

/**
 * The share of the reduction for the vehicle's age (tax year − year of manufacture): none
 * while the age is at most `fullYears`, then `reductionPctPerYear` for each year beyond,
 * never more than `maxReductionPct`.
 */
export function ageReductionPct(rule: VehicleTaxRule, age: number): number {
  return Math.min(rule.maxReductionPct, Math.max(0, age - rule.fullYears) * rule.reductionPctPerYear);
}

export function vehicleTax(rs: RuleSet, input: VehicleInput): TaxResult {
  if (input.year != null && input.year !== rs.year) throw new RangeError(`the rule set is for ${rs.year}, not ${input.year}`);
  const rule = ruleOf(rs, 'vehicle_tax');
  const data = rule.data;
  if ((input.hp == null) === (input.kw == null)) throw new RangeError('give the power in hp or in kW');
  const power = input.hp ?? input.kw!;
  if (!Number.isFinite(power) || power <= 0) throw new RangeError(`power: a positive number (got ${power})`);
  if (!Number.isInteger(input.manufactured) || input.manufactured > rs.year) throw new RangeError(`manufactured: a year up to ${rs.year}`);
  const hp = input.hp != null ? exact(input.hp) : mul(input.kw!, data.kwToHp);
  const age = rs.year - input.manufactured;
  const body = input.vehicleClass === 'bus_truck' ? (input.body ?? 'truck') : null;
  const basis = {
    vehicleClass: input.vehicleClass, body, hp: toNumber(hp, 2), kw: input.kw ?? null, manufactured: input.manufactured, age,
  };
  if (body === 'truck' && age > data.truckExemptAfterYears) {
    return result(exact(0), [rule], { ...basis, exempt: 'truck_age', perHp: 0, surcharge: 0, reductionPct: 100 }, false);
  }
  const band = bandFor(data.bands[input.vehicleClass] ?? [], hp);
  if (!band) throw new RuleMissingError('vehicle_tax', rs.year, input.vehicleClass);
  const over = band.surchargePerHpAbove && cmp(hp, band.surchargePerHpAbove.hp) > 0
    ? mul(sub(hp, band.surchargePerHpAbove.hp), band.surchargePerHpAbove.amount) : exact(0);
  const full = add(mul(hp, band.perHp), over);
  const reductionPct = ageReductionPct(data, age);
  return result(pct(full, 100 - reductionPct), [rule], {
    ...basis, exempt: null, bandFromHp: band.fromHp, perHp: band.perHp, surcharge: toNumber(over, 2), fullTax: toNumber(full, 2), reductionPct,
  }, false);
}
