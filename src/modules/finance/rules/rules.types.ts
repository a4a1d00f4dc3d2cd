// The data of each kind of tax rule (fin_rules.data), shared by the calculator, the
// assessment, the ledger's penalties and the editors. Amounts are whole drams, rates are
// percentages as numbers (0.05 means 0.05 %), so the tables read like the law.
export type RuleKind =
  | 'real_estate_brackets'
  | 'cadastral_base'
  | 'phase_in'
  | 'land_tax'
  | 'vehicle_tax'
  | 'penalty'
  | 'due_dates'
  | 'exemptions'
  | 'land_relief';

/** Fixed sum plus a marginal rate over each threshold; the brackets are sorted by `from`. */
export interface Bracket {
  /** The lower edge in drams (exclusive for the marginal part). */
  from: number;
  fixed: number;
  /** Percent charged on the part of the base above `from`. */
  ratePct: number;
  /**
   * No source gives this bracket for the regime: a placeholder continuation the national
   * administrator must replace. The estimator warns whenever a base reaches it.
   */
  provisional?: boolean;
}

export const PROPERTY_KINDS = ['apartment', 'house', 'garden_house', 'garage', 'non_residential', 'industrial', 'public'] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];

/** real_estate_brackets: one bracket table per kind of property. */
export interface RealEstateBracketsRule {
  tables: Partial<Record<PropertyKind, Bracket[]>>;
}

/** cadastral_base: Cz = Czb × Pz × Kz for land, the building base value per m². */
export interface CadastralBaseRule {
  landBasePerM2: number;
  buildingBasePerM2: number;
  /** zone number (1…) → coefficient. */
  zoneCoefficients: Record<string, number>;
}

/** phase_in: the share (percent) of the new-method tax charged, by tax year. */
export interface PhaseInRule {
  sharePctByYear: Record<string, number>;
  /** Kinds outside the phase-in (agricultural land). */
  excluded: string[];
}

/** land_tax: percent of net income for agricultural land, of cadastral value otherwise. */
export interface LandTaxRule {
  agriculturalPctOfNetIncome: number;
  insideSettlementPct: number;
  outsideSettlementPct: number;
  /** Rates no source gives for the regime (carried over as placeholders): the estimator warns. */
  provisional?: ('agricultural' | 'inside' | 'outside')[];
}

export const VEHICLE_CLASSES = ['car', 'bus_truck', 'motorcycle', 'water_snow_quad'] as const;
export type VehicleClass = (typeof VEHICLE_CLASSES)[number];

/** vehicle_tax: drams per hp by band, the surcharge over a threshold, the age reduction. */
export interface VehicleTaxRule {
  bands: Record<VehicleClass, { fromHp: number; perHp: number; surchargePerHpAbove?: { hp: number; amount: number } }[]>;
  kwToHp: number;
  /** Full tax for this many years from manufacture, then minus `reductionPctPerYear` a year, down to at most `maxReductionPct`. */
  fullYears: number;
  reductionPctPerYear: number;
  maxReductionPct: number;
  /** Trucks older than this pay nothing. */
  truckExemptAfterYears: number;
}

/** A vehicle's body within the bus_truck class: only trucks have the old-age exemption. */
export type VehicleBody = 'truck' | 'bus';

/** penalty: percent per overdue day (a row per period of validity), at most `capDays` days per liability. */
export interface PenaltyRule {
  ratePctPerDay: number;
  capDays: number;
}

/** The taxes a due date is kept for. */
export type TaxKind = 'real_estate' | 'land' | 'vehicle';

/** due_dates: by tax kind, the day of the tax year (MM-DD) the tax is due. */
export interface DueDatesRule {
  byKind: Partial<Record<TaxKind, string>>;
}

/** exemptions: who pays nothing, with the reason recorded on the skipped line. */
export interface ExemptionsRule {
  /** Owner kinds exempt from real estate and land tax: the community itself, state bodies, … */
  ownerTypes: string[];
  /** Organization legal forms exempt (state bodies, the Central Bank, LSG institutions). */
  legalForms: string[];
}

/** land_relief (a community's): the head may relieve land tax up to this share of the budgeted land-tax revenue. */
export interface LandReliefRule {
  maxPctOfBudgetedRevenue: number;
}

/** The data type of each kind, for the editors and the rule set. */
export interface RuleDataByKind {
  real_estate_brackets: RealEstateBracketsRule;
  cadastral_base: CadastralBaseRule;
  phase_in: PhaseInRule;
  land_tax: LandTaxRule;
  vehicle_tax: VehicleTaxRule;
  penalty: PenaltyRule;
  due_dates: DueDatesRule;
  exemptions: ExemptionsRule;
  land_relief: LandReliefRule;
}

export const RULE_KINDS = [
  'real_estate_brackets', 'cadastral_base', 'phase_in', 'land_tax', 'vehicle_tax', 'penalty', 'due_dates', 'exemptions', 'land_relief',
] as const satisfies readonly RuleKind[];

export type Verification = 'verified' | 'to_check';

/** Which rule row a result came from, so a notice or an answer can cite it. */
export interface RuleRef {
  kind: RuleKind;
  ruleId: number;
  legalRef: string;
  verification: Verification;
  validFrom: string;
}

/**
 * Why an answer deserves a second look: a rule it used is still to be checked, or the
 * bracket or rate it reached is a provisional placeholder no source gives.
 */
export type TaxWarning = 'to_check' | 'provisional';

/** One computed tax in whole drams, the rule it applied and how it got there. */
export interface TaxResult {
  amount: number;
  /** The rule that sets the rate (brackets, land or vehicle table). */
  rule: RuleRef;
  /** Every rule used, the main one first (phase-in, cadastral base, …). */
  applied: RuleRef[];
  /** The figures of the calculation, for the answer and the notice. */
  basis: Record<string, number | string | boolean | null>;
  warnings: TaxWarning[];
}
