// The composition: the explicit list of everything the app is made of, above both the
// platform and the modules. Importing it installs every module's messages; the types of
// their tables and message keys are composed in types.ts. Order matters only for
// navigation entries with equal order numbers.
import type { ModuleManifest } from '../platform/module/contract.ts';
import { installCatalog } from '../platform/i18n/index.ts';
import { platformManifest } from '../platform/manifest.ts';
import { communitiesModule } from './communities/index.ts';
import { accountsModule } from './accounts/index.ts';
import { backofficeModule } from './backoffice/index.ts';
import { registryModule } from './registry/index.ts';
import { servicesModule } from './services/index.ts';
import { financeModule } from './finance/index.ts';
import { websiteModule } from './website/index.ts';
import { documentsModule } from './documents/index.ts';
import './types.ts';

export const MODULES: readonly ModuleManifest[] = [platformManifest, communitiesModule, accountsModule, backofficeModule, registryModule, servicesModule, financeModule, websiteModule, documentsModule];

installCatalog(MODULES.flatMap((m) => m.messages ?? []));
