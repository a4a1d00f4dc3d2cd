// The community budget: one per year (a draft until the council adopts it), its lines by
// the budget classification in the administrative (վարչական) or fund (ֆոնդային) part,
// amendments by council decision (kept as history: adjusted = approved + amendments), and
// the expense execution imported from Treasury reports. Money is whole drams (integers).
import type { Generated } from 'kysely';

export type BudgetStatus = 'draft' | 'adopted';
export type BudgetDirection = 'revenue' | 'expense';
export type BudgetPart = 'administrative' | 'fund';

export interface FinBudgetsTable {
  id: Generated<number>;
  community_id: number;
  year: number;
  status: BudgetStatus;
  /** The council decision that adopted it, typed in until the council module exists. */
  decision_number: string | null;
  decision_date: string | null;
  /** The council module's decision, once there is one (no foreign key yet). */
  decision_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface FinBudgetLinesTable {
  id: Generated<number>;
  community_id: number;
  budget_id: number;
  direction: BudgetDirection;
  part: BudgetPart;
  /** Functional classification "04.5.1" (section.group.class) for expenses; '' for revenues. */
  functional_code: string;
  /** Economic classification: a revenue line (1351, 11301) or an expense article (4111). */
  economic_code: string;
  name: string;
  /** The plan as adopted, whole drams. */
  approved: number;
}

export interface FinBudgetAmendmentsTable {
  id: Generated<number>;
  community_id: number;
  budget_id: number;
  decision_number: string;
  decision_date: string;
  decision_id: number | null;
  note: string | null;
  actor_user_id: number | null;
  created_at: string;
}

/** One line's change by an amendment (positive raises the plan, negative lowers it). */
export interface FinBudgetAmendmentLinesTable {
  id: Generated<number>;
  community_id: number;
  amendment_id: number;
  line_id: number;
  delta: number;
}

/** One imported Treasury execution report; a file is taken once (by its sha256). */
export interface FinBudgetExecImportsTable {
  id: Generated<number>;
  community_id: number;
  budget_id: number;
  sha256: string;
  file_name: string;
  rows_applied: number;
  rows_rejected: number;
  /** The rejected rows: [{ line, reason, ... }] as JSON. */
  report_json: string;
  actor_user_id: number | null;
  created_at: string;
}

/** Executed amount of a line in a month ('YYYY-MM'); a later report for the same month replaces it. */
export interface FinBudgetExecutionTable {
  id: Generated<number>;
  community_id: number;
  line_id: number;
  period: string;
  amount: number;
  import_id: number;
}

export interface FinanceBudgetTables {
  fin_budgets: FinBudgetsTable;
  fin_budget_lines: FinBudgetLinesTable;
  fin_budget_amendments: FinBudgetAmendmentsTable;
  fin_budget_amendment_lines: FinBudgetAmendmentLinesTable;
  fin_budget_exec_imports: FinBudgetExecImportsTable;
  fin_budget_execution: FinBudgetExecutionTable;
}
