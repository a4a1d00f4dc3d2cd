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
}

export type PropertyKind = 'apartment' | 'house' | 'garden_house' | 'garage' | 'non_residential' | 'industrial' | 'public';

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
}

export type VehicleClass = 'car' | 'bus_truck' | 'motorcycle' | 'water_snow_quad';

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

/** penalty: percent per overdue day (a row per period of validity), at most `capDays` days per liability. */
export interface PenaltyRule {
  ratePctPerDay: number;
  capDays: number;
}

/** due_dates: by tax kind, the day of the tax year (MM-DD) the tax is due. */
export interface DueDatesRule {
  byKind: Record<string, string>;
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
