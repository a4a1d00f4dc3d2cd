// Finance: tax rules as dated data, the real estate and land tax assessment from the
// property register, the payer ledger with penalties, local duties and fees, online and
// bank payments with reconciliation, citizens' "my taxes", and the community budget with
// its execution and open fiscal data. Each sub-domain brings its part (platform/module/parts.ts).
import type { ModuleManifest } from '../../platform/module/contract.ts';
import { mergeParts } from '../../platform/module/parts.ts';
import { financeModuleMessages } from './finance.messages.ts';
import { financeRulesPart } from './rules/rules.part.ts';
import { financeLedgerPart } from './ledger/ledger.part.ts';
import { financeAssessmentPart } from './assessment/assessment.part.ts';
import { financePaymentsPart } from './payments/payments.part.ts';
import { financeBudgetPart } from './budget/budget.part.ts';
import { financeStatementsPart } from './statements/statements.part.ts';
import { financeDutiesPart } from './duties/duties.part.ts';

export const financeModule: ModuleManifest = {
  name: 'finance',
  title: 'finance.module',
  ...mergeParts('finance', [
    { messages: [financeModuleMessages] }, financeRulesPart, financeLedgerPart, financeAssessmentPart, financePaymentsPart, financeBudgetPart,
    financeStatementsPart, financeDutiesPart,
  ]),
};
