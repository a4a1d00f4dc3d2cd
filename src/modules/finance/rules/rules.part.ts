// The finance module's rules part: its tables, routes, jobs and vocabulary (see ../part.ts).
import type { FinancePart } from '../part.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import type { FinRulesTable } from './rules.table.ts';
import { financeRulesMigrations } from './rules.migrations.ts';

/** The tables this part's migrations create (composed into FinanceTables). */
export interface FinanceRulesTables {
  fin_rules: FinRulesTable;
}

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeRulesMessageParts = [] as const;

export const financeRulesPart: FinancePart = {
  messages: financeRulesMessageParts,
  tables: { fin_rules: true } satisfies TableList<FinanceRulesTables>,
  migrations: financeRulesMigrations,
};
