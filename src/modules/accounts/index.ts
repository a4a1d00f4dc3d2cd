import type { ModuleManifest } from '../../platform/http/module.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  routes: [],
};
