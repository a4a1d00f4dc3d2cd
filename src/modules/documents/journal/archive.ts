// The archive: a document whose case file's retention period has ended (years after the year
// of registration, by the nomenclature) and whose work is over is marked archived, once, by a
// daily job. Files kept permanently (no retention period) are never archived away.
import type { Services } from '../../../platform/module/contract.ts';
import { unscoped } from '../../../platform/db/tenant.ts';
import { appendAuditMany, SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';

export const ARCHIVE_ACTOR = 'documents archive';
export const ARCHIVE_JOB = 'documents.archive';

export async function archiveExpired(services: Pick<Services, 'db'>, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const now = new Date().toISOString();
  return services.db.kysely.transaction().execute(async (raw) => {
    const db = unscoped(raw, 'the archive job runs for every community');
    const due = await db.selectFrom('doc_documents').innerJoin('doc_nomenclature', 'doc_nomenclature.id', 'doc_documents.nomenclature_id')
      .select(['doc_documents.id', 'doc_documents.community_id', 'doc_documents.number', 'doc_documents.year', 'doc_nomenclature.retention_years'])
      .where('doc_documents.archived_at', 'is', null)
      .where('doc_documents.status', 'in', ['answered', 'closed'])
      .where('doc_nomenclature.retention_years', 'is not', null)
      .where((eb) => eb(eb('doc_documents.year', '+', eb.ref('doc_nomenclature.retention_years')), '<', year))
      .limit(5000).execute();
    if (!due.length) return 0;
    await db.updateTable('doc_documents').set({ archived_at: now, updated_at: now }).where('id', 'in', due.map((d) => d.id)).execute();
    await appendAuditMany(raw, { ...SYSTEM_ACTOR, label: ARCHIVE_ACTOR }, due.map((d) => ({
      communityId: d.community_id, action: 'documents.document.archive', entityType: 'doc_document', entityId: d.id,
      after: { number: d.number, retentionYears: d.retention_years },
    })));
    return due.length;
  });
}
