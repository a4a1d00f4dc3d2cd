// The documents module's journal part: registration journals (incoming, outgoing, internal)
// with gap-free numbers, file versions, access levels, resolutions and their execution
// control, citizens' letters, the nomenclature of case files and the archive.
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import type { DocumentsJournalTables } from './journal.table.ts';
import { documentsJournalMigrations } from './journal.migrations.ts';
import { journalAuditMessages } from './journal.audit.messages.ts';

export type { DocumentsJournalTables } from './journal.table.ts';

/** This part's message catalogues; the module's messages.ts lists them (the manifest installs them once). */
export const documentsJournalMessageParts = [journalAuditMessages] as const;

export const documentsJournalPart: ModulePart = {
  tables: {
    doc_documents: true, doc_versions: true, doc_search_keys: true, doc_resolutions: true, doc_resolution_executors: true,
    doc_resolution_events: true, doc_nomenclature: true,
  } satisfies TableList<DocumentsJournalTables>,
  migrations: documentsJournalMigrations,
  fileRefs: [{ table: 'doc_versions', column: 'sha256' }],
  auditEvents: auditEventTypes(journalAuditMessages),
  auditSubjects: auditSubjects(journalAuditMessages, {
    doc_document: { href: (slug, id) => `/${slug}/staff/documents/${id}` },
  }),
  auditActors: [{ label: 'documents control', name: 'audit.actor.documents_control' }, { label: 'documents archive', name: 'audit.actor.documents_archive' }],
};
