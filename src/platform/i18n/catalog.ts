// All message catalogs merged. Each area keeps its own messages file; adding one
// here is the only step needed for its keys to become valid MessageKeys.
import { commonMessages } from './common.messages.ts';
import { authMessages } from '../auth/auth.messages.ts';
import { auditMessages } from '../audit/audit.messages.ts';
import { uiMessages } from '../ui/ui.messages.ts';
import { communitiesMessages } from '../../modules/communities/communities.messages.ts';
import { accountsMessages } from '../../modules/accounts/accounts.messages.ts';
import { backofficeMessages } from '../../modules/backoffice/backoffice.messages.ts';
import { registryMessages } from '../../modules/registry/registry.messages.ts';
import { registryPopulationMessages } from '../../modules/registry/population/registry-population.messages.ts';
import { registryPropertyMessages } from '../../modules/registry/property/registry-property.messages.ts';
import { registryImportMessages } from '../../modules/registry/importers/registry-import.messages.ts';
import { registryDemographicsMessages } from '../../modules/registry/demographics/registry-demographics.messages.ts';
import { calendarMessages } from '../calendar/calendar.messages.ts';
import { notifyMessages } from '../notify/notify.messages.ts';
import { filesMessages } from '../files/files.messages.ts';
import { servicesDocumentsMessages } from '../../modules/services/documents/documents.messages.ts';
import { servicesQueueMessages } from '../../modules/services/queue/queue.messages.ts';
import { servicesCatalogueMessages } from '../../modules/services/catalogue/catalogue.messages.ts';
import { servicesCasesMessages } from '../../modules/services/cases/cases.messages.ts';
import { servicesCasePagesMessages } from '../../modules/services/cases/case-pages.messages.ts';
import { servicesPortalMessages } from '../../modules/services/portal/portal.messages.ts';
import { servicesPerformanceMessages } from '../../modules/services/performance/performance.messages.ts';
import { servicesInboxMessages } from '../../modules/services/cases/inbox.messages.ts';
import { servicesCatalogueEditorMessages } from '../../modules/services/catalogue/catalogue-editor.messages.ts';
import { servicesPortalCaseMessages } from '../../modules/services/portal/portal-case.messages.ts';
import type { Locale } from './define.ts';

const parts = [
  commonMessages, authMessages, auditMessages, uiMessages,
  communitiesMessages, accountsMessages, backofficeMessages,
  registryMessages, registryPopulationMessages, registryPropertyMessages, registryImportMessages, registryDemographicsMessages,
  calendarMessages, notifyMessages, filesMessages,
  servicesDocumentsMessages, servicesQueueMessages, servicesCatalogueMessages, servicesCasesMessages, servicesCasePagesMessages, servicesPortalMessages, servicesPerformanceMessages,
  servicesInboxMessages, servicesCatalogueEditorMessages, servicesPortalCaseMessages,
] as const;

type Part = (typeof parts)[number];
type KeysOf<P> = P extends { hy: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Part>;

function merge(locale: Locale): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part[locale])) {
      if (k in out) throw new Error(`Message key ${k} is defined twice`);
      out[k] = v;
    }
  }
  return out as Record<MessageKey, string>;
}

export const catalogs: Record<Locale, Record<MessageKey, string>> = {
  hy: merge('hy'),
  en: merge('en'),
  ru: merge('ru'),
};
