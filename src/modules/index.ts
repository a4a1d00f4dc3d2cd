// The explicit list of everything the app is made of. Order matters only for
// navigation entries with equal order numbers.
import type { ModuleManifest } from '../platform/http/module.ts';
import { platformManifest } from '../platform/manifest.ts';
import { communitiesModule } from './communities/index.ts';
import { accountsModule } from './accounts/index.ts';
import { backofficeModule } from './backoffice/index.ts';
import { registryModule } from './registry/index.ts';
import { servicesModule } from './services/index.ts';

export const MODULES: ModuleManifest[] = [platformManifest, communitiesModule, accountsModule, backofficeModule, registryModule, servicesModule];
