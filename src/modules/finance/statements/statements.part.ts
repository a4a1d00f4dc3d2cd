// The finance module's statements part: bank and Treasury statements imported from CSV or
// XLSX by a documented column mapping per source, matched to payers automatically, and the
// accountant's queue for what did not match (docs/finance-statements.md).
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import type { FinanceStatementsTables } from './statements.table.ts';
import { financeStatementsMigrations } from './statements.migrations.ts';
import { statementMessages } from './statements.messages.ts';
import { statementReasonMessages } from './reasons.messages.ts';
import { statementAuditMessages } from './statements.audit.messages.ts';
import { statementAuditEvents, statementAuditSubjects } from './statements.audit.ts';
import { statementRoutes } from './statements.routes.ts';
import { statementsWorklist } from './statements.worklist.ts';

export type { FinanceStatementsTables } from './statements.table.ts';

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeStatementsMessageParts = [statementMessages, statementReasonMessages, statementAuditMessages] as const;

export const financeStatementsPart: ModulePart = {
  messages: financeStatementsMessageParts,
  tables: { fin_stmt_imports: true, fin_stmt_lines: true } satisfies TableList<FinanceStatementsTables>,
  migrations: financeStatementsMigrations,
  routes: statementRoutes,
  permissions: [{ name: 'finance.statements', scope: 'community', roles: ['accountant'] }],
  nav: [{ area: 'backoffice', path: '/finance/statements', label: 'finance.statements.nav', access: 'staff:finance.statements', order: 540 }],
  worklist: [statementsWorklist],
  auditEvents: statementAuditEvents,
  auditSubjects: statementAuditSubjects,
};
