// Every message catalogue of the finance module, for its manifest and the key types.
import { financeModuleMessages } from './finance.messages.ts';
import { financeRulesMessageParts } from './rules/rules.part.ts';
import { financeLedgerMessageParts } from './ledger/ledger.part.ts';
import { financeAssessmentMessageParts } from './assessment/assessment.part.ts';
import { financePaymentsMessageParts } from './payments/payments.part.ts';
import { financeBudgetMessageParts } from './budget/budget.part.ts';
import { financeStatementsMessageParts } from './statements/statements.part.ts';
import { financeDutiesMessageParts } from './duties/duties.part.ts';

export const financeMessageParts = [
  financeModuleMessages,
  ...financeRulesMessageParts, ...financeLedgerMessageParts, ...financeAssessmentMessageParts,
  ...financePaymentsMessageParts, ...financeBudgetMessageParts, ...financeStatementsMessageParts, ...financeDutiesMessageParts,
] as const;
