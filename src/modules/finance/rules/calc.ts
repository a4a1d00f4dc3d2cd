// The tax calculations, pure functions of a rule set (rules.service.ts) and the figures of
// one object. Amounts are computed exactly (exact.ts) and rounded once, at the end, to
// whole drams, half up. Every result names the rules it applied, so a notice or the
// estimator can cite the law and show the "to be checked" mark.
import { add, exact, mul, pct, sub, toNumber, type Fraction } from './exact.ts';
import { checkAmount, result } from './calc.result.ts';
import { ruleOf, RuleMissingError, type LoadedRule, type RuleSet } from './rules.service.ts';
import type { Bracket, PropertyKind, RuleRef, TaxKind, TaxResult } from './rules.types.ts';

export { vehicleTax, type VehicleInput } from './vehicle.calc.ts';

function checkYear(rs: RuleSet, year: number | undefined): number {
  if (year != null && year !== rs.year) throw new RangeError(`the rule set is for ${rs.year}, not ${year}`);
  return rs.year;
}

/**
 * The share of the new-method tax charged in the year (phase-in), 100 % when no phase-in
 * rule is in force (before 2021) or the object is outside it. A year past the table's last
 * year takes the last share ("2026 and later: 100 %").
 */
function phaseIn(rs: RuleSet, object: string): { share: number; rule?: LoadedRule } {
  const rule = rs.rules.phase_in;
  if (!rule || rule.data.excluded.includes(object)) return { share: 100 };
  const years = Object.keys(rule.data.sharePctByYear).map(Number).filter((y) => y <= rs.year).sort((a, b) => b - a);
  if (!years.length) throw new RuleMissingError('phase_in', rs.year, object);
  return { share: rule.data.sharePctByYear[String(years[0])]!, rule };
}

/** The bracket a base falls in: the last whose lower edge it exceeds (edges belong below). */
export function bracketFor(brackets: Bracket[], base: number): Bracket | null {
  let found: Bracket | null = null;
  for (const b of [...brackets].sort((x, y) => x.from - y.from)) if (base > b.from) found = b;
  return found;
}

/** Fixed sum plus the marginal rate on the part above the bracket's lower edge. */
export function bracketTax(b: Bracket | null, base: number): Fraction {
  return b ? add(b.fixed, pct(sub(base, b.from), b.ratePct)) : exact(0);
}

export interface RealEstateInput {
  propertyKind: PropertyKind;
  /** The tax base (cadastral value), whole drams. */
  base: number;
  year?: number;
}

/** Real estate tax on a building or premises. */
export function realEstateTax(rs: RuleSet, input: RealEstateInput): TaxResult {
  checkYear(rs, input.year);
  checkAmount(input.base, 'base');
  const rule = ruleOf(rs, 'real_estate_brackets');
  const table = rule.data.tables[input.propertyKind];
  if (!table?.length) throw new RuleMissingError('real_estate_brackets', rs.year, input.propertyKind);
  const bracket = bracketFor(table, input.base);
  const full = bracketTax(bracket, input.base);
  const { share, rule: phase } = phaseIn(rs, input.propertyKind);
  return result(pct(full, share), phase ? [rule, phase] : [rule], {
    propertyKind: input.propertyKind, base: input.base,
    bracketFrom: bracket?.from ?? 0, bracketFixed: bracket?.fixed ?? 0, bracketRatePct: bracket?.ratePct ?? 0,
    fullTax: toNumber(full, 2), phaseInPct: share,
  }, Boolean(bracket?.provisional));
}

export interface LandInput {
  /** 'agricultural' (taxed on net income) or any other purpose (taxed on cadastral value). */
  purpose: string;
  insideSettlement: boolean;
  cadastralValue?: number | null;
  /** The calculated net income of agricultural land, whole drams. */
  netIncome?: number | null;
  year?: number;
}

/** Land tax: agricultural land on its net income outside the phase-in, other land on its cadastral value. */
export function landTax(rs: RuleSet, input: LandInput): TaxResult {
  checkYear(rs, input.year);
  const rule = ruleOf(rs, 'land_tax');
  const provisional = rule.data.provisional ?? [];
  if (input.purpose === 'agricultural') {
    if (input.netIncome == null) throw new RangeError('agricultural land is taxed on its net income');
    checkAmount(input.netIncome, 'net income');
    const ratePct = rule.data.agriculturalPctOfNetIncome;
    const { share, rule: phase } = phaseIn(rs, 'land_agricultural');
    return result(pct(pct(input.netIncome, ratePct), share), phase ? [rule, phase] : [rule],
      { purpose: 'agricultural', netIncome: input.netIncome, ratePct, phaseInPct: share }, provisional.includes('agricultural'));
  }
  if (input.cadastralValue == null) throw new RangeError('land is taxed on its cadastral value');
  checkAmount(input.cadastralValue, 'cadastral value');
  const where = input.insideSettlement ? 'inside' : 'outside';
  const ratePct = input.insideSettlement ? rule.data.insideSettlementPct : rule.data.outsideSettlementPct;
  const { share, rule: phase } = phaseIn(rs, 'land');
  return result(pct(pct(input.cadastralValue, ratePct), share), phase ? [rule, phase] : [rule], {
    purpose: input.purpose, insideSettlement: input.insideSettlement, cadastralValue: input.cadastralValue, ratePct, phaseInPct: share,
  }, provisional.includes(where));
}

/** The cadastral value of non-agricultural land, Cz = Czb × Pz × Kz (HO-225-N), in whole drams. */
export function landCadastralValue(rs: RuleSet, input: { areaM2: number; zone: number }): TaxResult {
  if (!(input.areaM2 >= 0) || !Number.isFinite(input.areaM2)) throw new RangeError(`area: not a number of m² (${input.areaM2})`);
  const rule = ruleOf(rs, 'cadastral_base');
  const kz = rule.data.zoneCoefficients[String(input.zone)];
  if (kz == null) throw new RuleMissingError('cadastral_base', rs.year, `zone ${input.zone}`);
  return result(mul(rule.data.landBasePerM2, input.areaM2, kz), [rule],
    { areaM2: input.areaM2, zone: input.zone, basePerM2: rule.data.landBasePerM2, zoneCoefficient: kz }, false);
}

/** The day the tax of the year is due (YYYY-MM-DD). */
export function dueDate(rs: RuleSet, taxKind: TaxKind, year?: number): string {
  const y = checkYear(rs, year);
  const day = ruleOf(rs, 'due_dates').data.byKind[taxKind];
  if (!day) throw new RuleMissingError('due_dates', y, taxKind);
  return `${y}-${day}`;
}

export interface Owner {
  /** community: the community itself; state: a state body without a register entry. */
  kind: 'resident' | 'organization' | 'community' | 'state';
  /** An organization's legal form as the register keeps it. */
  legalForm?: string | null;
}

export interface Exemption {
  exempt: boolean;
  /** Why, recorded on the skipped line: 'owner:community', 'legal_form:state_body'. */
  reason: string | null;
  rule: RuleRef;
}

/** Whether an owner pays no real estate or land tax, and why. */
export function exemptionFor(rs: RuleSet, owner: Owner): Exemption {
  const rule = ruleOf(rs, 'exemptions');
  if (rule.data.ownerTypes.includes(owner.kind)) return { exempt: true, reason: `owner:${owner.kind}`, rule: rule.ref };
  if (owner.kind === 'organization' && owner.legalForm && rule.data.legalForms.includes(owner.legalForm)) {
    return { exempt: true, reason: `legal_form:${owner.legalForm}`, rule: rule.ref };
  }
  return { exempt: false, reason: null, rule: rule.ref };
}
