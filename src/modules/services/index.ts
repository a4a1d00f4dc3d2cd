// Services: the configurable catalogue, cases with their workflow and deadlines, the
// Citizen Office front desk and its queue, the citizen portal, output documents and the
// public performance page.
import type { ModuleManifest, TableList } from '../../platform/module/contract.ts';
import type { ServicesTables } from './services.table.ts';
import { servicesMessageParts } from './messages.ts';
import { servicesAuditActors, servicesAuditEvents, servicesAuditSubjects } from './services.audit.ts';
import { servicesPublications } from './services.publications.ts';
import { servicesIndicators } from './performance/performance.indicators.ts';
import { casesSearch } from './cases/cases.search.ts';
import { casesWorklist } from './cases/cases.worklist.ts';
import { myApplicationsWork } from './portal/portal.worklist.ts';
import type { RouteDef } from '../../platform/http/route.ts';
import { servicesMigrations } from './migrations/index.ts';
import { verifyRoutes } from './documents/verify.routes.ts';
import { queueRoutes } from './queue/queue.routes.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { caseRoutes } from './cases/cases.routes.ts';
import { deskRoutes } from './desk/desk.routes.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { performanceRoutes } from './performance/performance.routes.ts';
import { escalateOverdueCases } from './cases/case-escalation.ts';
import { SERVICE_STATS_JOB, SERVICE_STATS_EVERY_SECONDS, serviceStatsJob } from './performance/performance.service.ts';
import { registerServicesCommands } from './catalogue/catalogue.cli.ts';

const CASE_READERS = ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'operator', 'settlement_head'] as const;

const routes: RouteDef[] = [...catalogueRoutes, ...caseRoutes, ...deskRoutes, ...portalRoutes, ...queueRoutes, ...verifyRoutes, ...performanceRoutes];

export const servicesModule: ModuleManifest = {
  name: 'services',
  title: 'services.module',
  messages: servicesMessageParts,
  auditEvents: servicesAuditEvents,
  auditSubjects: servicesAuditSubjects,
  auditActors: servicesAuditActors,
  publications: servicesPublications,
  indicators: servicesIndicators,
  search: [casesSearch],
  worklist: [casesWorklist, myApplicationsWork],
  tables: {
    service_definitions: true, service_versions: true, cases: true, case_events: true, case_attachments: true,
    issued_documents: true, queue_windows: true, queue_tickets: true, service_stats: true,
  } satisfies TableList<ServicesTables>,
  // Uploaded attachments and issued PDFs (an issued document is also attached to its case,
  // but a document issued outside a case has only its own row).
  fileRefs: [{ table: 'case_attachments', column: 'sha256' }, { table: 'issued_documents', column: 'sha256' }],
  migrations: servicesMigrations,
  routes,
  permissions: [
    { name: 'services.catalogue_manage', scope: 'community', roles: ['it_admin', 'chief_of_staff'] },
    { name: 'services.cases_view', scope: 'community', roles: CASE_READERS },
    // Taking workflow actions; the service's workflow then says which roles may take which action.
    { name: 'services.cases_work', scope: 'community', roles: ['chief_of_staff', 'specialist', 'operator', 'settlement_head', 'head', 'deputy_head'] },
    { name: 'services.desk', scope: 'community', roles: ['operator', 'settlement_head', 'chief_of_staff'] },
    { name: 'services.queue_operate', scope: 'community', roles: ['operator', 'settlement_head', 'specialist'] },
    { name: 'services.queue_manage', scope: 'community', roles: ['chief_of_staff', 'it_admin'] },
    { name: 'services.office_stats', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff'] },
    { name: 'services.documents_revoke', scope: 'community', roles: ['chief_of_staff', 'head'] },
  ],
  nav: [
    { area: 'account', path: '/cases', label: 'services.portal.mine.title', access: 'citizen', order: 10 },
    { area: 'backoffice', path: '/cases', label: 'services.inbox.nav', access: 'staff:services.cases_view', order: 100 },
    { area: 'backoffice', path: '/desk', label: 'services.desk.nav', access: 'staff:services.desk', order: 110 },
    { area: 'backoffice', path: '/services', label: 'services.catalogue.nav', access: 'staff:services.catalogue_manage', order: 150 },
    { area: 'backoffice', path: '/queue', label: 'queue.staff.title', access: 'staff:services.queue_operate', order: 420 },
    { area: 'backoffice', path: '/queue/windows', label: 'queue.windows.title', access: 'staff:services.queue_manage', order: 425 },
    { area: 'backoffice', path: '/queue/stats', label: 'queue.stats.title', access: 'staff:services.office_stats', order: 430 },
  ],
  cli: registerServicesCommands,
  jobs: {
    'services.escalate': async (services) => {
      await escalateOverdueCases(services);
    },
    [SERVICE_STATS_JOB]: serviceStatsJob,
  },
  schedules: [
    { kind: 'services.escalate', everySeconds: 3600 },
    { kind: SERVICE_STATS_JOB, everySeconds: SERVICE_STATS_EVERY_SECONDS },
  ],
};

// The payment seam, for the finance module: it is told when a fee falls due and marks it paid.
export { registerFeeDueListener, type CaseFeeDue } from './cases/payments.ts';
export { settleCaseFee } from './cases/fee-settlement.ts';
