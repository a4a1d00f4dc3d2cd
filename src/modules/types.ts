// The composed types of the whole app: each module's tables merged into the platform's
// Database, and each module's message keys into MessageKeys. The platform declares both
// interfaces with its own parts and never names a module; adding a module adds its line here
// and its manifest to MODULES (index.ts).
import type { KeysOf } from '../platform/i18n/catalog.ts';
import type { CommunitiesTables } from './communities/communities.table.ts';
import type { RegistryTables } from './registry/registry.table.ts';
import type { ServicesTables } from './services/services.table.ts';
import type { FinanceTables } from './finance/finance.table.ts';
import type { WebsiteTables } from './website/website.table.ts';
import type { DocumentsTables } from './documents/documents.table.ts';
import type { communitiesMessages } from './communities/communities.messages.ts';
import type { accountsMessages } from './accounts/accounts.messages.ts';
import type { backofficeMessages } from './backoffice/backoffice.messages.ts';
import type { accountsAuditMessages } from './accounts/accounts.audit.messages.ts';
import type { backofficeAuditMessages } from './backoffice/backoffice.audit.messages.ts';
import type { communitiesAuditMessages } from './communities/communities.audit.messages.ts';
import type { registryMessageParts } from './registry/messages.ts';
import type { servicesMessageParts } from './services/messages.ts';
import type { financeMessageParts } from './finance/messages.ts';
import type { websiteMessageParts } from './website/messages.ts';
import type { documentsMessageParts } from './documents/messages.ts';

declare module '../platform/db/schema.ts' {
   
  interface Database extends CommunitiesTables, RegistryTables, ServicesTables, FinanceTables, WebsiteTables, DocumentsTables {}
}

type ModuleMessageParts =
  | typeof communitiesMessages
  | typeof accountsMessages
  | typeof backofficeMessages
  | typeof accountsAuditMessages
  | typeof backofficeAuditMessages
  | typeof communitiesAuditMessages
  | (typeof registryMessageParts)[number]
  | (typeof servicesMessageParts)[number]
  | (typeof financeMessageParts)[number]
  | (typeof websiteMessageParts)[number]
  | (typeof documentsMessageParts)[number];

declare module '../platform/i18n/catalog.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface MessageKeys extends KeysOf<ModuleMessageParts> {}
}
