// Search across the journals: a registration number ("Մ-2026/12", "12"), or words — each word
// of the query must begin a word of the correspondent's name (any spelling: the words are
// folded like the registers' names) or of the summary. Newest first; access levels apply.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { foldWords } from '../../../platform/search/fold.ts';
import { parseDocumentNumber } from './journal.numbers.ts';
import { auditRestrictedReads, visibleTo, type Reader } from './journal.access.ts';
import type { JournalKind } from './journal.table.ts';

export interface FoundDocument {
  id: number; number: string; journal: string; registered_on: string; correspondent_name: string; summary: string; access: string; status: string;
}

export async function searchDocuments(tenant: TenantDb, reader: Reader, q: string, limit: number, actor: AuditActor | null = null, journal?: JournalKind): Promise<FoundDocument[]> {
  const text = q.trim();
  if (!text) return [];
  let query = tenant.selectFrom('doc_documents')
    .select(['id', 'number', 'journal', 'registered_on', 'correspondent_name', 'summary', 'access', 'status'])
    .where(visibleTo(reader));
  if (journal) query = query.where('journal', '=', journal);
  const asNumber = parseDocumentNumber(text);
  if (asNumber) {
    query = query.where('seq', '=', asNumber.seq);
    if (asNumber.journal) query = query.where('journal', '=', asNumber.journal);
    if (asNumber.year) query = query.where('year', '=', asNumber.year);
  } else {
    const words = foldWords(text).filter((w) => w.length > 1).slice(0, 5);
    if (!words.length) return [];
    for (const w of words) {
      // A prefix as a range, so the (community_id, key, document_id) index answers it on both engines.
      query = query.where('id', 'in', tenant.selectFrom('doc_search_keys').select('document_id').where('key', '>=', w).where('key', '<', `${w}{`));
    }
  }
  const rows = (await query.orderBy('id', 'desc').limit(limit).execute()).map((r) => ({ ...r, id: Number(r.id) }));
  await auditRestrictedReads(tenant, actor, rows, 'search');
  return rows;
}
