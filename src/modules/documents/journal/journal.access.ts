// Access levels on reads: public and internal documents are open to everyone with the
// journal's view permission; a restricted one only to those who may read restricted
// documents (the head, the chief of staff) and to its own executors — and each such read is
// audited as a read of personal data.
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Actor, PermissionRegistry } from '../../../platform/policy/access.ts';
import { appendAuditMany, type AuditActor } from '../../../platform/audit/audit.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';

export interface Reader { userId: number; readsRestricted: boolean }

/** Who reads restricted documents is the `documents.restricted` permission (journal.part.ts), not a role list here. */
export function readerOf(actor: Actor, permissions: PermissionRegistry): Reader {
  return { userId: actor.userId, readsRestricted: permissions.communityPermissions(actor.communityRoles).has('documents.restricted') };
}

/** Audits each restricted document a list, a search or a page showed (a read of personal data). */
export async function auditRestrictedReads(tenant: TenantDb, actor: AuditActor | null, rows: { id: number; access: string }[], via: 'list' | 'search' | 'page'): Promise<void> {
  const restricted = rows.filter((r) => r.access === 'restricted');
  if (!actor || !restricted.length) return;
  await tenant.transaction((_tx, raw) => appendAuditMany(raw, actor, restricted.map((r) => ({
    communityId: tenant.communityId, action: 'documents.document.read_restricted', entityType: 'doc_document', entityId: r.id, after: { via },
  }))));
}

/** The where-clause a list or search adds so it returns only documents this reader may see. */
export function visibleTo(reader: Reader) {
  return (eb: ExpressionBuilder<Database, 'doc_documents'>) => reader.readsRestricted
    ? eb.lit(true)
    : eb.or([
      eb('doc_documents.access', '!=', 'restricted'),
      eb.exists(eb.selectFrom('doc_resolution_executors').innerJoin('doc_resolutions', 'doc_resolutions.id', 'doc_resolution_executors.resolution_id')
        .select('doc_resolution_executors.id')
        .whereRef('doc_resolutions.document_id', '=', 'doc_documents.id')
        .where('doc_resolution_executors.user_id', '=', reader.userId)),
    ]);
}
