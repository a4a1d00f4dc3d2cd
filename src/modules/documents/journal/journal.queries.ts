// Reading the journals for the back office: a page of entries (newest first, by journal and
// words or number), and one document with its files and resolutions. Access levels apply.
import type { Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { auditRestrictedReads, visibleTo, type Reader } from './journal.access.ts';
import { searchDocuments, type FoundDocument } from './journal.search.ts';
import type { DocDocumentsTable, DocResolutionEventsTable, DocResolutionsTable, JournalKind } from './journal.table.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';

export const JOURNAL_PAGE_SIZE = 50;

export async function listJournal(tenant: TenantDb, reader: Reader, f: { journal?: JournalKind; q?: string; page: number }, actor: AuditActor): Promise<{ rows: FoundDocument[]; more: boolean }> {
  if (f.q) {
    return { rows: await searchDocuments(tenant, reader, f.q, JOURNAL_PAGE_SIZE, actor, f.journal), more: false };
  }
  let q = tenant.selectFrom('doc_documents').select(['id', 'number', 'journal', 'registered_on', 'correspondent_name', 'summary', 'access', 'status']).where(visibleTo(reader));
  if (f.journal) q = q.where('journal', '=', f.journal);
  const rows = await q.orderBy('id', 'desc').limit(JOURNAL_PAGE_SIZE + 1).offset((f.page - 1) * JOURNAL_PAGE_SIZE).execute();
  const shown = rows.slice(0, JOURNAL_PAGE_SIZE).map((r) => ({ ...r, id: Number(r.id) }));
  // The list shows a restricted entry's correspondent and summary, so it is audited as the search and the page are.
  await auditRestrictedReads(tenant, actor, shown, 'list');
  return { rows: shown, more: rows.length > JOURNAL_PAGE_SIZE };
}

export interface DocumentView {
  doc: Selectable<DocDocumentsTable>;
  versions: { id: number; name: string; media_type: string; bytes: number; added_at: string }[];
  resolutions: (Selectable<DocResolutionsTable> & { executors: { name: string; responsible: boolean; department: string | null }[]; events: Selectable<DocResolutionEventsTable>[]; resolver: string })[];
}

export async function readDocument(tenant: TenantDb, reader: Reader, id: number, actor: AuditActor): Promise<DocumentView | null> {
  const doc = await tenant.selectFrom('doc_documents').selectAll().where('id', '=', id).where(visibleTo(reader)).executeTakeFirst();
  if (!doc) return null;
  await auditRestrictedReads(tenant, actor, [{ id, access: doc.access }], 'page');
  const versions = (await tenant.selectFrom('doc_versions').select(['id', 'name', 'media_type', 'bytes', 'added_at']).where('document_id', '=', id).orderBy('id').execute())
    .map((v) => ({ ...v, id: Number(v.id), bytes: Number(v.bytes) }));
  const res = await tenant.selectFrom('doc_resolutions').innerJoin('users', 'users.id', 'doc_resolutions.resolver_user_id')
    .selectAll('doc_resolutions').select('users.full_name as resolver').where('document_id', '=', id).orderBy('doc_resolutions.id').execute();
  const ids = res.map((r) => r.id);
  const executors = ids.length ? await tenant.selectFrom('doc_resolution_executors').innerJoin('users', 'users.id', 'doc_resolution_executors.user_id')
    .select(['doc_resolution_executors.resolution_id', 'users.full_name', 'doc_resolution_executors.responsible', 'doc_resolution_executors.department'])
    .where('resolution_id', 'in', ids).orderBy('doc_resolution_executors.id').execute() : [];
  const events = ids.length ? await tenant.selectFrom('doc_resolution_events').selectAll().where('resolution_id', 'in', ids).orderBy('id').execute() : [];
  return {
    doc, versions,
    resolutions: res.map((r) => ({
      ...r,
      executors: executors.filter((e) => e.resolution_id === r.id).map((e) => ({ name: e.full_name, responsible: Number(e.responsible) === 1, department: e.department })),
      events: events.filter((e) => e.resolution_id === r.id),
    })),
  };
}
