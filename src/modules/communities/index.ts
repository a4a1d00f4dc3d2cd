import type { ModuleManifest, TableList } from '../../platform/module/contract.ts';
import { communitiesMigrations } from './migrations/index.ts';
import { communitiesRoutes } from './communities.routes.ts';
import { nationalRoutes } from './national.routes.ts';
import { registerCommunityCommands } from './communities.cli.ts';
import { communitiesMessages } from './communities.messages.ts';
import { communitiesAuditMessages } from './communities.audit.messages.ts';
import { communitiesAuditSubjects } from './communities.audit.ts';
import { auditEventTypes } from '../../platform/audit/audit-names.ts';
import { communityDirectory } from './communities.directory.ts';
import type { CommunitiesTables } from './communities.table.ts';

export { createCommunity, updateCommunitySettings } from './communities.service.ts';
export { listSettlements } from './communities.queries.ts';
export { MARZES } from './marzes.ts';

export const communitiesModule: ModuleManifest = {
  name: 'communities',
  title: 'communities.module',
  messages: [communitiesMessages, communitiesAuditMessages],
  auditEvents: auditEventTypes(communitiesAuditMessages),
  auditSubjects: communitiesAuditSubjects,
  tables: { marzes: true, communities: true, settlements: true, community_domains: true } satisfies TableList<CommunitiesTables>,
  provides: { communities: communityDirectory },
  migrations: communitiesMigrations,
  routes: [...communitiesRoutes, ...nationalRoutes],
  permissions: [
    { name: 'communities.manage', scope: 'national', roles: ['system_admin'] },
    { name: 'communities.edit', scope: 'community', roles: ['head', 'chief_of_staff', 'it_admin'] },
    { name: 'national.view', scope: 'national', roles: ['ministry_analyst', 'system_admin'] },
  ],
  nav: [
    { area: 'backoffice', path: '/settings', label: 'communities.nav.settings', access: 'staff:communities.edit', order: 950, group: 'platform' },
    { area: 'national', path: '', label: 'communities.nav.national', access: 'national:national.view', order: 0 },
    { area: 'national', path: '/communities/new', label: 'communities.new.title', access: 'national:communities.manage', order: 10 },
  ],
  cli: registerCommunityCommands,
};
