import type { ModuleManifest } from '../../platform/http/module.ts';
import { communitiesMigrations } from './migrations/index.ts';
import { communitiesRoutes } from './communities.routes.ts';

export { createCommunity } from './communities.service.ts';
export { MARZES } from './marzes.ts';

export const communitiesModule: ModuleManifest = {
  name: 'communities',
  migrations: communitiesMigrations,
  routes: [...communitiesRoutes],
  permissions: [
    { name: 'communities.manage', scope: 'national', roles: ['system_admin'] },
    { name: 'communities.edit', scope: 'community', roles: ['head', 'chief_of_staff', 'it_admin'] },
    { name: 'national.view', scope: 'national', roles: ['ministry_analyst', 'system_admin'] },
  ],
};
