import type { ModuleManifest } from '../../platform/http/module.ts';

export const backofficeModule: ModuleManifest = {
  name: 'backoffice',
  routes: [],
  permissions: [
    { name: 'dashboard.view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'operator', 'settlement_head', 'council_member', 'accountant', 'it_admin'] },
    { name: 'roles.view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'it_admin'] },
    { name: 'roles.manage', scope: 'community', roles: ['it_admin'] },
    { name: 'audit.view', scope: 'community', roles: ['head', 'chief_of_staff', 'it_admin'] },
  ],
};
