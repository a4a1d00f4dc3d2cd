// The platform's own contributions: tables for accounts and audit, operational routes,
// the audit log pages, and the operator's commands (audit verify, backup, restore).
import type { ModuleManifest } from './http/module.ts';
import { authMigrations } from './auth/migrations.ts';
import { auditMigrations } from './audit/migrations.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { registerAuditCommands } from './audit/audit.cli.ts';
import { opsRoutes } from './ops/ops.routes.ts';
import { openapiRoutes } from './http/openapi.routes.ts';
import { registerBackupCommands } from '../cli/backup.ts';

export const platformManifest: ModuleManifest = {
  name: 'platform',
  migrations: { ...authMigrations, ...auditMigrations },
  routes: [...opsRoutes, ...openapiRoutes, ...auditRoutes],
  nav: [{ area: 'backoffice', path: '/audit', label: 'audit.nav', access: 'staff:audit.view', order: 900 }],
  cli: (program, open) => {
    registerAuditCommands(program, open);
    registerBackupCommands(program, open);
  },
};
