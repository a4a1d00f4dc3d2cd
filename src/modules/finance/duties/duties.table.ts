// Local duties and local payments (fees), Law ՀՕ-234-Ն "On local duties and payments":
// the national catalogue of their kinds with the legal limits, each community's rates for
// a year as its council (avagani) set them, and the register of payers the law requires.
// Money is whole drams; quantities and coefficients are exact decimals kept as text.
import type { Generated } from 'kysely';

/** duty: for an action of the LSG bodies (a permit); fee (local payment): for a service the community renders. */
export type DutyGroup = 'duty' | 'fee';
export type Periodicity = 'one_off' | 'monthly' | 'quarterly' | 'yearly';
/** What the rate is multiplied by: one (a permit, a licence), floor or surface m², persons, households. */
export type DutyMeasure = 'unit' | 'area_m2' | 'person' | 'household';

/** National (no community): edited by the national administrator only. */
export interface FinDutyKindsTable {
  id: Generated<number>;
  /** Stable key the shipped data and the demo refer to ("alcohol_upto_26"). */
  code: string;
  grp: DutyGroup;
  name_hy: string;
  name_en: string;
  name_ru: string;
  measure: DutyMeasure;
  periodicity: Periodicity;
  /** A budget revenue line the kind is usually credited to (1351, 11301 …); the community's rate sets its own. */
  revenue_line: string | null;
  /** A kind scaled by floor area applies to places of this size (m², inclusive); null: any. */
  band_from_m2: number | null;
  band_to_m2: number | null;
  /** The highest rate the law allows, whole drams per measure and period; null: no limit known to us. */
  limit_amount: number | null;
  legal_ref: string;
  source: string | null;
  verification: 'verified' | 'to_check';
  updated_by_user_id: number | null;
  updated_at: string;
}

/** A community's rate of one kind for one year, as its council decided. */
export interface FinDutyRatesTable {
  id: Generated<number>;
  community_id: number;
  year: number;
  kind_id: number;
  /** Tells two rates of one kind apart (the town and the villages); '' when there is one. */
  variant: string;
  revenue_line: string;
  /** 12 digits starting 900: the community's treasury account for this revenue. */
  treasury_account: string;
  /** Whole drams per measure and period. */
  rate: number;
  periodicity: Periodicity;
  measure: DutyMeasure;
  /** Exact decimal, "1" or "0.5": the zone's share of the rate. */
  zone_coefficient: string;
  decision_number: string;
  decision_date: string;
  /** The council module's decision, once it exists; until then the number and date are typed in. */
  council_decision_id: number | null;
  created_at: string;
  updated_at: string;
}

/** The register of duty and fee payers: who pays which rate, for how much, since when. */
export interface FinDutyPayersTable {
  id: Generated<number>;
  community_id: number;
  kind_id: number;
  variant: string;
  payer_kind: 'resident' | 'organization';
  resident_id: number | null;
  organization_id: number | null;
  /** How lists name the payer (a resident's or organization's name when registered). */
  payer_name: string;
  /**
   * The measure's quantity, an exact decimal (m², persons); null for a per-person fee means
   * "count the payer's household in the population register" at each accrual.
   */
  quantity: string | null;
  /** The place's floor area, for kinds scaled by area (which band applies). */
  area_m2: string | null;
  /** The activity or the place ("shop, Shahumyan 12"). */
  place: string;
  starts_on: string;
  ends_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface FinanceDutiesTables {
  fin_duty_kinds: FinDutyKindsTable;
  fin_duty_rates: FinDutyRatesTable;
  fin_duty_payers: FinDutyPayersTable;
}
