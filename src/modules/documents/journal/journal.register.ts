// Registering a document: the next number of its journal for the year (the platform's
// gap-free counter, taken in the same transaction, so a failed registration gives its number
// back and two at once never share one), its file versions, its search words and its audit
// event — all or nothing.
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { nextSequence } from '../../../platform/db/sequences.ts';
import { unscoped, type Executor, type TenantDb } from '../../../platform/db/tenant.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { loadCalendar } from '../../../platform/calendar/calendar.store.ts';
import { documentNumber, journalSequence } from './journal.numbers.ts';
import { documentKeys, replaceDocumentKeys } from './journal.keys.ts';
import { answerTermFor } from './journal.terms.ts';
import type { AccessLevel, Channel, CorrespondentKind, DocLanguage, JournalKind, LetterKind } from './journal.table.ts';

export interface DocumentFile { sha256: string; name: string; mediaType: string; bytes: number }

export interface NewDocument {
  journal: JournalKind;
  date?: string;
  correspondent: {
    kind: CorrespondentKind; name: string; personId?: number | null; organizationId?: number | null;
    email?: string | null; address?: string | null;
  };
  summary: string;
  pages: number | null;
  language: DocLanguage;
  access: AccessLevel;
  files: DocumentFile[];
  caseId?: number | null;
  externalRef?: string | null;
}

/** What the journal's own forms add to the seam's fields. */
export interface RegisterInput extends NewDocument {
  residentId?: number | null;
  organizationId?: number | null;
  letterKind?: LetterKind | null;
  channel?: Channel | null;
  replyToId?: number | null;
  citizenUserId?: number | null;
  nomenclatureId?: number | null;
}

export class UnknownFileError extends Error {}

export async function registerIn(tenant: TenantDb, d: RegisterInput, actor: AuditActor): Promise<{ id: number; number: string }> {
  const date = d.date ?? todayInYerevan();
  const year = Number(date.slice(0, 4));
  return tenant.transaction(async (tx, raw) => {
    await requireStoredFiles(raw, d.files);
    const seq = await nextSequence(tx, journalSequence(d.journal, year));
    const number = documentNumber(d.journal, year, seq);
    const now = new Date().toISOString();
    const answerDue = d.journal === 'incoming' && d.letterKind ? answerTermFor(await loadCalendar(raw), date) : null;
    const row = await tx.insertInto('doc_documents', {
      journal: d.journal, year, seq, number, registered_on: date,
      correspondent_kind: d.correspondent.kind, correspondent_name: d.correspondent.name.trim(),
      correspondent_person_id: d.correspondent.personId ?? null, correspondent_org_id: d.correspondent.organizationId ?? null,
      correspondent_email: d.correspondent.email ?? null, correspondent_address: d.correspondent.address ?? null,
      summary: d.summary.trim(), pages: d.pages, language: d.language, access: d.access,
      case_id: d.caseId ?? null, resident_id: d.residentId ?? d.correspondent.personId ?? null,
      organization_id: d.organizationId ?? d.correspondent.organizationId ?? null,
      external_ref: d.externalRef ?? null, letter_kind: d.letterKind ?? null, channel: d.channel ?? null,
      reply_to_id: d.replyToId ?? null, answer_due_on: answerDue, citizen_user_id: d.citizenUserId ?? null,
      status: 'registered', nomenclature_id: d.nomenclatureId ?? null, archived_at: null,
      created_by_user_id: actor.userId, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const id = Number(row.id);
    if (d.files.length) {
      await tx.insertInto('doc_versions', d.files.map((f) => ({
        document_id: id, sha256: f.sha256, name: f.name, media_type: f.mediaType, bytes: f.bytes, added_by_user_id: actor.userId, added_at: now,
      }))).execute();
    }
    await replaceDocumentKeys(tx, id, documentKeys(d.correspondent.name, d.summary));
    await appendAudit(raw, actor, {
      communityId: tx.communityId, action: 'documents.document.register', entityType: 'doc_document', entityId: id,
      after: { number, journal: d.journal, date, access: d.access, files: d.files.map((f) => f.sha256), caseId: d.caseId ?? null },
    });
    return { id, number };
  });
}

/** A version names bytes already in the file store; anything else is a caller's mistake, not a half-registered document. */
async function requireStoredFiles(raw: Executor, files: DocumentFile[]): Promise<void> {
  if (!files.length) return;
  const hashes = [...new Set(files.map((f) => f.sha256))];
  const db = unscoped(raw, 'stored_files is the global content index, shared by every community');
  const found = await db.selectFrom('stored_files').select('sha256').where('sha256', 'in', hashes).execute();
  if (found.length !== hashes.length) throw new UnknownFileError(`Not in the file store: ${hashes.filter((h) => !found.some((f) => f.sha256 === h)).join(', ')}`);
}
