// What other modules and helpers may use of the registration journals (ARCHITECTURE: a module
// is used only through a small exported seam). Registering takes the journal's next gap-free
// number; the files are the document's versions, oldest first.
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { registerIn, type NewDocument } from './journal.register.ts';

export type { JournalKind } from './journal.table.ts';
export type { NewDocument, DocumentFile } from './journal.register.ts';
export { UnknownFileError } from './journal.register.ts';

export function registerDocument(db: Kysely<Database>, communityId: number, d: NewDocument, actor: AuditActor): Promise<{ id: number; number: string }> {
  return registerIn(new TenantDb(db, communityId), d, actor);
}

export async function documentFiles(db: Kysely<Database>, communityId: number, documentId: number): Promise<{
  versionId: number; sha256: string; name: string; mediaType: string; bytes: number; addedAt: string;
}[]> {
  const rows = await new TenantDb(db, communityId).selectFrom('doc_versions')
    .select(['id', 'sha256', 'name', 'media_type', 'bytes', 'added_at'])
    .where('document_id', '=', documentId).orderBy('id').execute();
  return rows.map((r) => ({ versionId: Number(r.id), sha256: r.sha256, name: r.name, mediaType: r.media_type, bytes: Number(r.bytes), addedAt: r.added_at }));
}
