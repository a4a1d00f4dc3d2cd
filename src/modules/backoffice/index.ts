import type { ModuleManifest } from '../../platform/module/contract.ts';
import { backofficeRoutes } from './backoffice.routes.ts';
import { searchRoutes } from './search.routes.tsx';
import { backofficeMessages } from './backoffice.messages.ts';
import { backofficeAuditMessages } from './backoffice.audit.messages.ts';
import { auditEventTypes } from '../../platform/audit/audit-names.ts';

export { allowedNavEntries } from '../../platform/ui/nav.ts';

export const backofficeModule: ModuleManifest = {
  name: 'backoffice',
  messages: [backofficeMessages, backofficeAuditMessages],
  auditEvents: auditEventTypes(backofficeAuditMessages),
  routes: [...backofficeRoutes, ...searchRoutes],
  permissions: [
    { name: 'dashboard.view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'operator', 'settlement_head', 'council_member', 'accountant', 'it_admin'] },
    { name: 'roles.view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'it_admin'] },
    { name: 'roles.manage', scope: 'community', roles: ['it_admin'] },
    { name: 'audit.view', scope: 'community', roles: ['head', 'chief_of_staff', 'it_admin'] },
  ],
  nav: [
    { area: 'backoffice', path: '', label: 'backoffice.nav.dashboard', access: 'staff:dashboard.view', order: 0 },
    { area: 'backoffice', path: '/people', label: 'backoffice.nav.people', access: 'staff:roles.view', order: 900, group: 'platform' },
    // The audit log (/audit) is declared by the platform manifest, next to its page.
  ],
};
