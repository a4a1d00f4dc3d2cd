// Every table of the finance module, composed from its parts.
import type { FinanceRulesTables } from './rules/rules.part.ts';
import type { FinanceLedgerTables } from './ledger/ledger.table.ts';
import type { FinanceAssessmentTables } from './assessment/assessment.part.ts';
import type { FinancePaymentsTables } from './payments/payments.part.ts';
import type { FinanceBudgetTables } from './budget/budget.part.ts';
import type { FinanceStatementsTables } from './statements/statements.part.ts';
import type { FinanceDutiesTables } from './duties/duties.table.ts';

export interface FinanceTables
  extends FinanceRulesTables, FinanceLedgerTables, FinanceAssessmentTables, FinancePaymentsTables, FinanceBudgetTables, FinanceStatementsTables, FinanceDutiesTables {}
