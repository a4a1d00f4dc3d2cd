// Output documents: issue (render, store, number, attach to the case, audit), revoke, and
// read back the bytes. The case engine calls issueOutputDocument once per decision, inside
// the transaction that records the decision, so a decision and its document commit together.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, appendAuditMany, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit/audit.ts';
import { residentViews } from '../../registry/index.ts';
import { readStoredFile, storeFile } from '../../../platform/files/store.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import type { CommunityRow } from '../../../platform/http/context.ts';
import { buildDocumentContent, type CaseRow, type DocumentContent, type DocumentKind } from './documents.content.ts';
import { newDocumentCode } from './documents.code.ts';
import { renderDocumentPdf } from './documents.pdf.ts';
import { codeTaken, findDocument, issuerOf, marzName } from './documents.queries.ts';
import type { ServiceSpec } from '../catalogue/spec.ts';

/** What issuing needs from the process: where files go and the public address for the QR code. */
export interface DocumentServices {
  config: { filesDir: string; publicUrl: string };
}

/** A generated PDF is never this big; the limit only guards the store's contract. */
const MAX_PDF_BYTES = 20 * 1024 * 1024;

const FILE_PREFIX: Record<DocumentKind, string> = {
  residence_certificate: 'certificate',
  household_certificate: 'certificate',
  permit: 'permit',
  decision_letter: 'decision',
};

/** "certificate-2026-000123.pdf" from the registration number "2026/000123". */
export function documentFilename(kind: string, regNumber: string | null, code: string): string {
  const prefix = FILE_PREFIX[kind as DocumentKind] ?? 'document';
  return `${prefix}-${(regNumber ?? code).replace(/[^0-9A-Za-z]+/g, '-')}.pdf`;
}

async function uniqueCode(tx: TenantDb): Promise<string> {
  return tx.transaction(async (_scoped, raw) => {
    // 50 random bits: a clash is practically impossible, but a retry costs nothing.
    for (let i = 0; i < 5; i++) {
      const code = newDocumentCode();
      if (!(await codeTaken(raw, code))) return code;
    }
    throw new Error('could not find a free document code in 5 tries');
  });
}

export interface IssueInput {
  community: CommunityRow;
  /** The case the document answers (null: a document issued outside a case). */
  caseRow: CaseRow | null;
  content: DocumentContent;
  issuer: { name: string; position: string };
  actor: AuditActor;
}

/**
 * Renders and stores one document, records it as valid, attaches it to the case (visible to
 * the applicant) with a public timeline entry, and audits it: all in `tx`'s transaction.
 */
export async function issueDocument(tx: TenantDb, services: DocumentServices, input: IssueInput): Promise<{ documentId: number; code: string; sha256: string }> {
  const { community, caseRow, content, issuer, actor } = input;
  return tx.transaction(async (scoped, raw) => {
    const code = await uniqueCode(scoped);
    const now = new Date();
    const issuedAt = now.toISOString();
    const bytes = await renderDocumentPdf({
      community, marzName: await marzName(raw, community.marz_id, content.locale), content, code,
      publicUrl: services.config.publicUrl, issuedOn: todayInYerevan(now), issuer,
    });
    const stored = await storeFile(raw, services.config.filesDir, bytes, { allowed: ['pdf'], maxBytes: MAX_PDF_BYTES });
    const issuerLine = [issuer.name, issuer.position].filter(Boolean).join(', ');
    const { id } = await scoped
      .insertInto('issued_documents', {
        case_id: caseRow?.id ?? null, code, kind: content.kind, title: content.title, subject: content.subject,
        issuer_name: issuerLine, issued_at: issuedAt, sha256: stored.sha256, status: 'valid', revoked_at: null, revoke_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (caseRow) {
      await scoped.insertInto('case_attachments', {
        case_id: caseRow.id, document_key: null, sha256: stored.sha256, filename: documentFilename(content.kind, caseRow.reg_number, code),
        mime: stored.mime, size: stored.size, public: 1, uploaded_by_user_id: actor.userId, uploaded_at: issuedAt,
      }).execute();
      await scoped.insertInto('case_events', {
        case_id: caseRow.id, at: issuedAt, kind: 'document_issued', public: 1, actor_user_id: actor.userId, actor_label: actor.label,
        from_state: null, to_state: null, body: content.title, data: JSON.stringify({ documentId: id, code, kind: content.kind }),
      }).execute();
    }
    // The document, and a view of each register record printed on it (a household certificate names every member).
    await appendAuditMany(raw, actor, [{
      communityId: community.id, action: 'services.document.issue', entityType: 'issued_document', entityId: id,
      after: { code, kind: content.kind, caseId: caseRow?.id ?? null, title: content.title, subject: content.subject, sha256: stored.sha256 },
    }, ...residentViews(community.id, 'certificate', (content.residents ?? []).map((residentId) => ({ residentId, objectId: id })))]);
    return { documentId: id, code, sha256: stored.sha256 };
  });
}

export interface OutputInput {
  community: CommunityRow;
  caseRow: CaseRow;
  spec: ServiceSpec;
  decision: 'approved' | 'rejected';
  /** Who decided (audit and timeline); defaults to the system. */
  actor?: AuditActor;
}

/**
 * The one call the case engine makes on a decision: the service's output document for an
 * approval (null when the service has none), a decision letter with the reason for a
 * rejection. Throws AppError 409 `not_in_register` when a certificate's applicant is not in
 * the population register, so the decision is not taken without its certificate.
 */
export async function issueOutputDocument(tx: TenantDb, services: DocumentServices, input: OutputInput): Promise<{ documentId: number; code: string } | null> {
  const content = await buildDocumentContent(tx, input);
  if (!content) return null;
  const actor = input.actor ?? SYSTEM_ACTOR;
  const issuer = await issuerOf(tx, actor.userId, content.locale);
  const issued = await issueDocument(tx, services, { community: input.community, caseRow: input.caseRow, content, issuer, actor });
  return { documentId: issued.documentId, code: issued.code };
}

/** Marks a document revoked (for good); /verify then says so, with the date. */
export async function revokeDocument(tx: TenantDb, actor: AuditActor, documentId: number, reason: string): Promise<void> {
  await tx.transaction(async (scoped, raw) => {
    const doc = await findDocument(scoped, documentId);
    if (!doc) throw notFound();
    if (doc.status === 'revoked') throw conflict({ reason: 'services.documents.error.alreadyRevoked' });
    const revokedAt = new Date().toISOString();
    await scoped.updateTable('issued_documents').set({ status: 'revoked', revoked_at: revokedAt, revoke_reason: reason })
      .where('id', '=', documentId).where('status', '=', 'valid').execute();
    await appendAudit(raw, actor, {
      communityId: scoped.communityId, action: 'services.document.revoke', entityType: 'issued_document', entityId: documentId,
      before: { status: 'valid' }, after: { status: 'revoked', reason },
    });
  });
}

/**
 * A document's PDF and the name to download it as; null when the id is not a document of
 * this community. For the staff and citizen download routes (the caller checks who may see it).
 */
export async function documentBytes(tenant: TenantDb, filesDir: string, documentId: number) {
  const doc = await findDocument(tenant, documentId);
  if (!doc) return null;
  return {
    bytes: await readStoredFile(filesDir, doc.sha256),
    filename: documentFilename(doc.kind, doc.reg_number, doc.code),
    caseId: doc.case_id,
    applicantUserId: doc.applicant_user_id,
    status: doc.status,
  };
}
