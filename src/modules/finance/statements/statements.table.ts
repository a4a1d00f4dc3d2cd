// Bank and Treasury statements: one row per imported file, one per line of it. A line keeps
// the cells as read (raw) beside the values parsed from them, so the accountant sees what
// the bank sent even when it could not be used. Money is whole drams.
import type { Generated } from 'kysely';
import type { PayerKind } from '../ledger/ledger.table.ts';

export interface FinStmtImportsTable {
  id: Generated<number>;
  community_id: number;
  /** The mapping the file was read with ('treasury', 'bank_hy', 'bank_en'; mappings.ts). */
  source: string;
  file_name: string;
  /** Of the file's bytes; unique per community, so the same file twice adds nothing. */
  sha256: string;
  /** Data lines read (the header not counted). */
  line_count: number;
  matched_count: number;
  unmatched_count: number;
  rejected_count: number;
  /** Lines already brought by an earlier statement (same bank transaction id), not stored again. */
  duplicate_count: number;
  actor_user_id: number | null;
  created_at: string;
}

export type StatementLineStatus = 'matched' | 'unmatched' | 'rejected' | 'ignored';

export interface FinStmtLinesTable {
  id: Generated<number>;
  community_id: number;
  import_id: number;
  source: string;
  /** The line of the file (1 is the header). */
  line_no: number;
  /** The bank's own id of the transaction; unique per community and source (null only on a rejected line). */
  bank_txn_id: string | null;
  /** JSON object of the mapped columns' cells as read. */
  raw: string;
  paid_on: string | null;
  amount: number | null;
  payer_name: string | null;
  payer_identifier: string | null;
  purpose: string | null;
  status: StatementLineStatus;
  /** Message key: why it was rejected, why it waits, or how it was matched (the first of `reasons`). */
  reason: string;
  /** JSON list of { reason, params }: every problem of a rejected row, else the one reason with its parameters. */
  reasons: string;
  payer_kind: PayerKind | null;
  resident_id: number | null;
  organization_id: number | null;
  payment_id: number | null;
  /** The accountant's note when matching by hand or setting a line aside. */
  note: string | null;
  resolved_by_user_id: number | null;
  resolved_at: string | null;
  created_at: string;
}

export interface FinanceStatementsTables {
  fin_stmt_imports: FinStmtImportsTable;
  fin_stmt_lines: FinStmtLinesTable;
}
