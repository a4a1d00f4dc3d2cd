// The payer ledger: obligations (what a payer owes for one thing and one period), the
// entries that raise and lower them, and payments. Entries are never updated or deleted:
// a correction is a reversing entry plus a new one. Money is whole drams (integers).
import type { Generated } from 'kysely';

export type PayerKind = 'resident' | 'organization';

/** Who owes: a resident of the population register or an organization of the register of organizations. */
export type PayerRef = { kind: 'resident'; residentId: number } | { kind: 'organization'; organizationId: number };

/** What an obligation is for; the tax kinds come from the assessment, the rest from duties, fees and cases. */
export type ObligationKind = 'real_estate_tax' | 'land_tax' | 'vehicle_tax' | 'local_duty' | 'local_fee' | 'service_fee';

export interface FinObligationsTable {
  id: Generated<number>;
  community_id: number;
  payer_kind: PayerKind;
  /** Exactly one of the two is set, by payer_kind. */
  resident_id: number | null;
  organization_id: number | null;
  kind: ObligationKind;
  /** What it is for: 'structure' | 'parcel' | 'vehicle' | 'duty_payer' | 'case' | …, with its row id. */
  subject_type: string;
  subject_id: number | null;
  /** How a statement names the subject: a cadastral code, a case number, "Garbage collection". */
  subject_label: string;
  /** The period charged: '2026' (a tax year), '2026-03' (a month), '2026-Q1' (a quarter). */
  period: string;
  /** YYYY-MM-DD; penalties accrue from the day after. */
  due_on: string;
  /** Budget revenue line code (e.g. 1351) the money is credited to; the budget's execution reads it. */
  revenue_line: string | null;
  /**
   * The idempotency key of whoever created it ("ret:2026:structure:45:resident:12"):
   * unique per community, so re-running an assessment or an import adds nothing.
   */
  source_key: string;
  /** cancelled: replaced (its entries were reversed); it stays for the history. */
  status: 'active' | 'cancelled';
  created_at: string;
}

/** Raises (+) or lowers (−) the principal or the penalty of an obligation. */
export type EntryKind = 'accrual' | 'penalty' | 'payment' | 'relief' | 'write_off' | 'refund' | 'transfer' | 'reversal';

export interface FinEntriesTable {
  id: Generated<number>;
  community_id: number;
  obligation_id: number;
  kind: EntryKind;
  component: 'principal' | 'penalty';
  /** Whole drams; positive raises the debt, negative lowers it. */
  amount: number;
  /** The accounting date, YYYY-MM-DD. */
  entry_on: string;
  payment_id: number | null;
  /** Set on a 'reversal': the entry it cancels. */
  reverses_entry_id: number | null;
  /** The legal act a relief or write-off cites ("HO-93-N of 10.04.2012, Art 2"). */
  legal_ground: string | null;
  note: string | null;
  /** Groups the entries of one run (an assessment, a recalculation, a statement import). */
  batch: string | null;
  actor_user_id: number | null;
  created_at: string;
}

export type PaymentChannel = 'online' | 'bank' | 'treasury' | 'cash';

export interface FinPaymentsTable {
  id: Generated<number>;
  community_id: number;
  payer_kind: PayerKind | null;
  resident_id: number | null;
  organization_id: number | null;
  payer_name: string;
  amount: number;
  channel: PaymentChannel;
  /** 'idram', 'vpos', 'cash', a statement source; with provider_txn_id unique: a payment is recorded once. */
  provider: string;
  provider_txn_id: string;
  /** What the payer quoted: a notice or bill number, a case number. */
  reference: string | null;
  paid_on: string;
  /** The receipt's number, per community and year ("2026/000123"). */
  receipt_number: string | null;
  actor_user_id: number | null;
  created_at: string;
  /**
   * The day the payment was allocated to obligations (allocate.ts), null until then. Set once,
   * first thing in the allocation's transaction, so applying a payment twice posts nothing.
   */
  allocated_on: string | null;
}

/** Money paid back to a payer out of a payment's unallocated remainder (their credit). */
export interface FinRefundsTable {
  id: Generated<number>;
  community_id: number;
  payment_id: number;
  /** Whole drams, positive. */
  amount: number;
  refunded_on: string;
  /** Why, and the order or bank transfer it went by. */
  note: string;
  actor_user_id: number | null;
  created_at: string;
}

export interface FinanceLedgerTables {
  fin_obligations: FinObligationsTable;
  fin_entries: FinEntriesTable;
  fin_payments: FinPaymentsTable;
  fin_refunds: FinRefundsTable;
}
