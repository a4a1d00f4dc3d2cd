// The assessment's tables: runs (an annual assessment or a recalculation), the lines they
// computed (one per object, payer and tax), the co-owners of a joint line, the differences
// a recalculation found (waiting for the accountant's approval), and the notices sent.
import type { Generated } from 'kysely';
import type { PayerKind } from '../ledger/ledger.table.ts';

export type AssessedTax = 'real_estate_tax' | 'land_tax';

export interface FinAssessmentRunsTable {
  id: Generated<number>;
  community_id: number;
  year: number;
  /** assessment: creates lines for what has none; recalculation: finds differences to approve. */
  kind: 'assessment' | 'recalculation';
  /** queued → running → done | failed; a recalculation goes done → approved (or superseded by a newer one). */
  status: 'queued' | 'running' | 'done' | 'failed' | 'approved' | 'superseded';
  /** The register's day the run read (owners valid on it) and the ledger's accounting day. */
  as_of: string;
  objects: Generated<number>;
  lines_created: Generated<number>;
  obligations_created: Generated<number>;
  exempt: Generated<number>;
  unchanged: Generated<number>;
  /** Lines whose inputs changed since they were assessed (an assessment leaves them to a recalculation). */
  changed: Generated<number>;
  differences: Generated<number>;
  /** Whole drams accrued by this run (assessment) or the net change it proposes (recalculation). */
  amount: Generated<number>;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  error: string | null;
  job_id: number | null;
  actor_user_id: number | null;
  actor_label: string;
  started_at: string;
  finished_at: string | null;
  approved_by_user_id: number | null;
  approved_at: string | null;
}

export interface FinAssessmentLinesTable {
  id: Generated<number>;
  community_id: number;
  run_id: number;
  year: number;
  tax_kind: AssessedTax;
  object_type: 'parcel' | 'structure';
  object_id: number;
  /** The cadastral code, as the notice shows it. */
  object_label: string;
  payer_kind: PayerKind | null;
  resident_id: number | null;
  organization_id: number | null;
  /** Owners outside the registers (owner_type 'community' | 'other'): their name. */
  payer_name: string | null;
  tenure: 'shared' | 'joint';
  /** The object's whole tax base in drams (cadastral value or net income). */
  base: number;
  share_num: number;
  share_den: number;
  /** This payer's part, whole drams; the parts of one object add up to its tax. */
  amount: number;
  /** The calculator's kind (apartment, land_agricultural, …). */
  calc_kind: string;
  rule_kind: string | null;
  rule_id: number | null;
  legal_ref: string | null;
  verification: string | null;
  /** Why nothing is charged (an exemption, a missing value, no payer record); null when charged. */
  exempt_reason: string | null;
  obligation_id: number | null;
  /** A hash of every input the amount came from: the same inputs are assessed once. */
  fingerprint: string;
  /** superseded: replaced by an approved recalculation's line. */
  status: 'current' | 'superseded';
  created_at: string;
}

/** A joint owner other than the one the obligation is recorded on; they are jointly liable. */
export interface FinAssessmentCoownersTable {
  id: Generated<number>;
  community_id: number;
  line_id: number;
  obligation_id: number | null;
  resident_id: number | null;
  organization_id: number | null;
}

export interface FinAssessmentDifferencesTable {
  id: Generated<number>;
  community_id: number;
  run_id: number;
  year: number;
  tax_kind: AssessedTax;
  object_type: 'parcel' | 'structure';
  object_id: number;
  object_label: string;
  payer_kind: PayerKind | null;
  resident_id: number | null;
  organization_id: number | null;
  payer_name: string | null;
  old_line_id: number | null;
  old_amount: number;
  new_amount: number;
  /** value | share | owner | purpose | exemption | rule | new_object | removed */
  reason: string;
  /** The new line (JSON of its columns), written when the difference is approved. */
  new_line: string | null;
  created_at: string;
}

/** A payer's notice for a year: numbered once, sent once per channel. */
export interface FinTaxNoticesTable {
  id: Generated<number>;
  community_id: number;
  year: number;
  payer_kind: PayerKind;
  resident_id: number | null;
  organization_id: number | null;
  /** 'resident:12' | 'organization:3': unique per year, so a payer has one notice. */
  payer_key: string;
  /** "2026-000123": the payment reference the notice quotes. */
  number: string;
  email_sent_at: string | null;
  sms_sent_at: string | null;
  created_at: string;
}

export interface FinanceAssessmentTables {
  fin_assessment_runs: FinAssessmentRunsTable;
  fin_assessment_lines: FinAssessmentLinesTable;
  fin_assessment_coowners: FinAssessmentCoownersTable;
  fin_assessment_differences: FinAssessmentDifferencesTable;
  fin_tax_notices: FinTaxNoticesTable;
}
