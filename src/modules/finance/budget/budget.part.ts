// The finance module's budget part: the community budget by the budget classification,
// its amendments by council decision, its execution (revenues from the ledger, expenses
// from Treasury reports), the staff and public pages, open fiscal data and indicators.
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { FinanceBudgetTables } from './budget.table.ts';
import { financeBudgetMigrations } from './budget.migrations.ts';
import { budgetMessages } from './budget.messages.ts';
import { budgetAuditMessages } from './budget.audit.messages.ts';
import { budgetStaffRoutes } from './budget.routes.ts';
import { budgetPublicRoutes } from './budget.public.routes.ts';
import { budgetIndicators } from './budget.indicators.ts';
import { budgetPublication } from './budget.publications.ts';

export type { FinanceBudgetTables } from './budget.table.ts';

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeBudgetMessageParts = [budgetMessages, budgetAuditMessages] as const;

const STAFF_READERS = ['head', 'deputy_head', 'chief_of_staff', 'accountant', 'council_member'] as const;

export const financeBudgetPart: ModulePart = {
  messages: financeBudgetMessageParts,
  tables: {
    fin_budgets: true, fin_budget_lines: true, fin_budget_amendments: true, fin_budget_amendment_lines: true,
    fin_budget_exec_imports: true, fin_budget_execution: true,
  } satisfies TableList<FinanceBudgetTables>,
  migrations: financeBudgetMigrations,
  permissions: [
    { name: 'finance.budget_view', scope: 'community', roles: STAFF_READERS },
    { name: 'finance.budget_edit', scope: 'community', roles: ['accountant'] },
  ],
  nav: [{ area: 'backoffice', path: '/finance/budget', label: 'finance.budget.nav', access: 'staff:finance.budget_view', order: 560, group: 'finance' }],
  routes: [...budgetStaffRoutes, ...budgetPublicRoutes],
  publications: [budgetPublication],
  indicators: budgetIndicators,
  auditEvents: auditEventTypes(budgetAuditMessages),
  auditSubjects: auditSubjects(budgetAuditMessages, {
    fin_budget: {
      href: (slug) => `/${slug}/staff/finance/budget`,
      async name(services, communityId, ids) {
        const numeric = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
        const rows = await new TenantDb(services.db.kysely, communityId).selectFrom('fin_budgets').select(['id', 'year']).where('id', 'in', numeric.length ? numeric : [0]).execute();
        return new Map(rows.map((r) => [String(r.id), String(r.year)]));
      },
    },
  }),
};
