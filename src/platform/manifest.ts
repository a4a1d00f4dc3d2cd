// The platform's own contributions: tables for accounts and audit, operational routes,
// the audit log pages, and the operator's commands (audit verify, backup, restore).
import type { ModuleManifest } from './http/module.ts';
import { authMigrations } from './auth/migrations.ts';
import { backgroundMigrations } from './jobs/migrations.ts';
import { jobsKindIndexMigrations } from './jobs/migrations-2.ts';
import { platformJobs, platformSchedules } from './jobs/platform-jobs.ts';
import { registerWorkerCommands } from '../cli/worker.ts';
import { auditMigrations } from './audit/migrations.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { registerAuditCommands } from './audit/audit.cli.ts';
import { opsRoutes } from './ops/ops.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { noticeRoutes } from './notify/notices.routes.ts';
import { openapiRoutes } from './http/openapi.routes.ts';
import { registerBackupCommands } from '../cli/backup.ts';
import { COMMUNITY_ROLES } from './policy/roles.ts';

export const platformManifest: ModuleManifest = {
  name: 'platform',
  migrations: { ...authMigrations, ...auditMigrations, ...backgroundMigrations, ...jobsKindIndexMigrations },
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
