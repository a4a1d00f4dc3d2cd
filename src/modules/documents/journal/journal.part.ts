// The documents module's journal part: registration journals (incoming, outgoing, internal)
// with gap-free numbers, file versions, access levels, resolutions and their execution
// control, citizens' letters, the nomenclature of case files and the archive.
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { SearchProvider, TableList } from '../../../platform/module/contract.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import type { DocumentsJournalTables } from './journal.table.ts';
import { documentsJournalMigrations } from './journal.migrations.ts';
import { journalAuditMessages } from './journal.audit.messages.ts';
import { journalMessages } from './journal.messages.ts';
import { journalPageMessages } from './journal.pages.messages.ts';
import { journalRoutes } from './journal.routes.ts';
import { searchDocuments } from './journal.search.ts';
import { CONTROL_ACTOR, CONTROL_JOB, runExecutionControl } from './control.ts';
import { ARCHIVE_ACTOR, ARCHIVE_JOB, archiveExpired } from './archive.ts';
import { readerOf } from './journal.access.ts';

export type { DocumentsJournalTables } from './journal.table.ts';

/** This part's message catalogues; the module's messages.ts lists them (the manifest installs them once). */
export const documentsJournalMessageParts = [journalMessages, journalPageMessages, journalAuditMessages] as const;

/** The back office's search box: journal entries by number, correspondent (any spelling) or summary words. */
const documentSearch: SearchProvider = {
  key: 'documents.journal',
  label: 'documents.search.label',
  access: 'staff:documents.view',
  async search(scope, q, limit) {
    if (!scope.actor) return [];
    const slug = scope.requireCommunity().slug;
    const rows = await searchDocuments(scope.tenant(), readerOf(scope.actor, scope.services.permissions), q, limit, scope.auditActor());
    return rows.map((r) => ({ title: `${r.number} · ${r.correspondent_name}`, detail: r.summary.slice(0, 120), href: `/${slug}/staff/journal/${r.id}` }));
  },
};

export const documentsJournalPart: ModulePart = {
  routes: journalRoutes,
  nav: [{ area: 'backoffice', path: '/journal', label: 'documents.nav', access: 'staff:documents.view', order: 700 }],
  search: [documentSearch],
  tables: {
    doc_documents: true, doc_versions: true, doc_search_keys: true, doc_resolutions: true, doc_resolution_executors: true,
    doc_resolution_events: true, doc_nomenclature: true,
  } satisfies TableList<DocumentsJournalTables>,
  migrations: documentsJournalMigrations,
  permissions: [
    { name: 'documents.view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'operator'] },
    { name: 'documents.restricted', scope: 'community', roles: ['head', 'chief_of_staff'] },
    { name: 'documents.register', scope: 'community', roles: ['chief_of_staff', 'operator', 'specialist'] },
    { name: 'documents.resolve', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff'] },
    { name: 'documents.control', scope: 'community', roles: ['head', 'chief_of_staff'] },
  ],
  jobs: {
    [CONTROL_JOB]: async (services) => { await runExecutionControl(services, todayInYerevan()); },
    [ARCHIVE_JOB]: async (services) => { await archiveExpired(services, todayInYerevan()); },
  },
  schedules: [{ kind: CONTROL_JOB, everySeconds: 86_400 }, { kind: ARCHIVE_JOB, everySeconds: 86_400 }],
  fileRefs: [{ table: 'doc_versions', column: 'sha256' }],
  auditEvents: auditEventTypes(journalAuditMessages),
  auditSubjects: auditSubjects(journalAuditMessages, {
    doc_document: { href: (slug, id) => `/${slug}/staff/journal/${id}` },
  }),
  auditActors: [{ label: CONTROL_ACTOR, name: 'audit.actor.documents_control' }, { label: ARCHIVE_ACTOR, name: 'audit.actor.documents_archive' }],
};
