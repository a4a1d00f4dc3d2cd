// Every message catalogue of the services module, for its manifest and the key types.
import { servicesCatalogueMessages } from './catalogue/catalogue.messages.ts';
import { servicesCatalogueEditorMessages } from './catalogue/catalogue-editor.messages.ts';
import { servicesCasesMessages } from './cases/cases.messages.ts';
import { servicesCasePagesMessages } from './cases/case-pages.messages.ts';
import { servicesInboxMessages } from './cases/inbox.messages.ts';
import { servicesQueueMessages } from './queue/queue.messages.ts';
import { servicesPerformanceMessages } from './performance/performance.messages.ts';
import { servicesDocumentsMessages } from './documents/documents.messages.ts';
import { servicesPortalMessages } from './portal/portal.messages.ts';
import { servicesPortalCaseMessages } from './portal/portal-case.messages.ts';
import { servicesAuditMessages } from './services.audit.messages.ts';

export const servicesMessageParts = [
  servicesCatalogueMessages, servicesCatalogueEditorMessages, servicesCasesMessages, servicesCasePagesMessages,
  servicesInboxMessages, servicesQueueMessages, servicesPerformanceMessages, servicesDocumentsMessages,
  servicesPortalMessages, servicesPortalCaseMessages, servicesAuditMessages,
] as const;
