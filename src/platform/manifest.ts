// The platform's own contributions: tables for accounts and audit, operational routes,
// the audit log pages, and the operator's commands (audit verify, backup, restore).
import type { ModuleManifest, TableList } from './module/contract.ts';
import type { PlatformTables } from './db/schema.ts';
import { authMigrations } from './auth/migrations.ts';
import { backgroundMigrations } from './jobs/migrations.ts';
import { jobsKindIndexMigrations } from './jobs/migrations-2.ts';
import { platformJobs, platformSchedules } from './jobs/platform-jobs.ts';
import { registerWorkerCommands } from './jobs/worker.cli.ts';
import { auditMigrations } from './audit/migrations.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { registerAuditCommands } from './audit/audit.cli.ts';
import { opsRoutes } from './ops/ops.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { noticeRoutes } from './notify/notices.routes.ts';
import { openapiRoutes } from './http/openapi.routes.ts';
import { registerBackupCommands } from './ops/backup.cli.ts';
import { COMMUNITY_ROLES } from './policy/roles.ts';
import { auditEventTypes, auditSubjects } from './audit/audit-names.ts';
import { platformAuditMessages } from './audit/platform-audit.messages.ts';

export const platformManifest: ModuleManifest = {
  name: 'platform',
  title: 'platform.module',
  tables: {
    users: true, sessions: true, api_tokens: true, password_resets: true, external_identities: true, role_assignments: true,
    national_roles: true, audit_events: true, audit_heads: true, calendar_days: true, jobs: true, outbox_messages: true,
    notices: true, stored_files: true, sequence_counters: true,
  } satisfies TableList<PlatformTables>,
  migrations: { ...authMigrations, ...auditMigrations, ...backgroundMigrations, ...jobsKindIndexMigrations },
  auditEvents: auditEventTypes(platformAuditMessages),
  auditSubjects: auditSubjects(platformAuditMessages),
  jobs: platformJobs,
  schedules: platformSchedules,
  routes: [...opsRoutes, ...openapiRoutes, ...auditRoutes, ...calendarRoutes, ...noticeRoutes],
  permissions: [
    // The national working-day calendar is one law for every community.
    { name: 'calendar.edit', scope: 'national', roles: ['system_admin'] },
    // Every staff member reads their own in-app notices.
    { name: 'notices.view', scope: 'community', roles: COMMUNITY_ROLES },
  ],
  nav: [
    { area: 'backoffice', path: '/audit', label: 'audit.nav', access: 'staff:audit.view', order: 900 },
    { area: 'national', path: '/calendar', label: 'calendar.nav', access: 'national:calendar.edit', order: 50 },
  ],
  cli: (program, open) => {
    registerAuditCommands(program, open);
    registerBackupCommands(program, open);
    registerWorkerCommands(program, open);
  },
};
