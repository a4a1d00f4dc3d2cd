// The platform's own contributions: tables for accounts and audit, operational routes.
import type { ModuleManifest } from './http/module.ts';
import { authMigrations } from './auth/migrations.ts';
import { auditMigrations } from './audit/migrations.ts';
import { opsRoutes } from './ops/ops.routes.ts';

export const platformManifest: ModuleManifest = {
  name: 'platform',
  migrations: { ...authMigrations, ...auditMigrations },
  routes: [...opsRoutes],
};
