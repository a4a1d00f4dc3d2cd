// The finance module's assessment part: the real estate and land tax assessed from the
// property register, recalculations approved by the accountant, tax notices (see platform/module/parts.ts).
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import type { FinanceAssessmentTables } from './assessment.table.ts';
import { financeAssessmentMigrations } from './assessment.migrations.ts';
import { assessmentMessages } from './assessment.messages.ts';
import { assessmentAuditMessages } from './assessment.audit.messages.ts';
import { noticesMessages } from './notices.messages.ts';
import { noticeRoutes } from './notices.routes.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { assessmentIndicators } from './assessment.indicators.ts';
import { registerAssessCommand } from './assess.cli.ts';
import { assessmentJobs } from './assessment.jobs.ts';

export type { FinanceAssessmentTables } from './assessment.table.ts';
export { obligationsAsCoOwner, type CoOwnedObligation } from './coowners.ts';

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeAssessmentMessageParts = [assessmentMessages, noticesMessages, assessmentAuditMessages] as const;

export const financeAssessmentPart: ModulePart = {
  messages: financeAssessmentMessageParts,
  tables: {
    fin_assessment_runs: true, fin_assessment_lines: true, fin_assessment_coowners: true, fin_assessment_differences: true, fin_tax_notices: true,
  } satisfies TableList<FinanceAssessmentTables>,
  migrations: financeAssessmentMigrations,
  routes: [...assessmentRoutes, ...noticeRoutes],
  permissions: [{ name: 'finance.assess', scope: 'community', roles: ['accountant', 'head'] }],
  nav: [{ area: 'backoffice', path: '/finance/assessment', label: 'finance.assessment.nav', access: 'staff:finance.assess', order: 510 }],
  jobs: assessmentJobs,
  indicators: assessmentIndicators,
  auditEvents: auditEventTypes(assessmentAuditMessages),
  auditSubjects: auditSubjects(assessmentAuditMessages, {
    fin_assessment_run: { href: (slug, id) => `/${slug}/staff/finance/assessment/runs/${id}` },
  }),
  cli: registerAssessCommand,
};
