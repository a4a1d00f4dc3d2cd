// The finance module's rules part: its tables, routes, jobs and vocabulary (see platform/module/parts.ts).
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import type { FinRulesTable } from './rules.table.ts';
import { financeRulesMigrations } from './rules.migrations.ts';
import { financeRulesMessages } from './rules.messages.ts';
import { financeEstimateMessages } from './estimate.messages.ts';
import { financeRulesAuditMessages } from './rules.audit.messages.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import { nationalRuleRoutes } from './rules.national.routes.ts';
import { staffRuleRoutes } from './rules.staff.routes.ts';
import { estimateRoutes } from './estimate.routes.ts';

/** The tables this part's migrations create (composed into FinanceTables). */
export interface FinanceRulesTables {
  fin_rules: FinRulesTable;
}

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeRulesMessageParts = [financeRulesMessages, financeEstimateMessages, financeRulesAuditMessages] as const;

export const financeRulesPart: ModulePart = {
  messages: financeRulesMessageParts,
  tables: { fin_rules: true } satisfies TableList<FinanceRulesTables>,
  migrations: financeRulesMigrations,
  routes: [...nationalRuleRoutes, ...staffRuleRoutes, ...estimateRoutes],
  permissions: [
    // National rules: every national role reads them, only the system administrator changes them.
    { name: 'finance.rules.national_view', scope: 'national', roles: ['ministry_analyst', 'system_admin'] },
    { name: 'finance.rules.national_edit', scope: 'national', roles: ['system_admin'] },
    { name: 'finance.rules.view', scope: 'community', roles: ['accountant', 'head'] },
    // The head's power to relieve land tax (old Land Tax Law as amended by ZR-95); the accountant enters it.
    { name: 'finance.rules.relief', scope: 'community', roles: ['head', 'accountant'] },
  ],
  nav: [
    { area: 'national', path: '/finance/rules', label: 'finance.rules.national.nav', access: 'national:finance.rules.national_view', order: 40 },
    { area: 'backoffice', path: '/finance/rules', label: 'finance.rules.staff.nav', access: 'staff:finance.rules.view', order: 590 },
  ],
  auditEvents: auditEventTypes(financeRulesAuditMessages),
  auditSubjects: auditSubjects(financeRulesAuditMessages, { fin_rule: { href: (slug) => (slug ? `/${slug}/staff/finance/rules` : '/national/finance/rules') } }),
};
