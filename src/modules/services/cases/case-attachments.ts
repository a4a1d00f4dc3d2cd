// Files attached to a case. Limits come from the service's document list (types sniffed
// from the bytes, size); the bytes go to the content-addressed store, so the same scan
// uploaded twice is stored once.
import { appendAudit } from '../../../platform/audit/audit.ts';
import { badRequest, forbidden } from '../../../platform/http/errors.ts';
import { storeFile } from '../../../platform/files/store.ts';
import { DOCUMENT_TYPES } from '../catalogue/spec.ts';
import { notNow, type CaseEnv } from './case-env.ts';
import { addEvent, loadCaseFor } from './cases.service.ts';
import { isFinal, rolesOn } from './case-rules.ts';
import type { UploadSpec } from '../../../platform/http/route.ts';
import { STORABLE_MIME_TYPES } from '../../../platform/files/store.ts';
import { MAX_UPLOAD_BYTES } from '../../../platform/files/upload.ts';

/** What the attachment routes (staff and applicant) accept at all; each document narrows it. */
export const ATTACHMENT_UPLOAD: UploadSpec = { maxBytes: MAX_UPLOAD_BYTES, types: STORABLE_MIME_TYPES };

/** Any other file (not one of the service's documents): the common office formats, 10 MB. */
const OTHER = { types: [...DOCUMENT_TYPES], maxMb: 10 };

export interface Upload {
  documentKey: string | null;
  filename: string;
  bytes: Buffer;
}

export async function attachFile(env: CaseEnv, caseId: number, upload: Upload): Promise<{ attachmentId: number }> {
  return env.tenant.transaction(async (tx, raw) => {
    const { c, spec } = await loadCaseFor(env, tx, caseId);
    const staff = env.actor.roles.length > 0;
    const applicant = rolesOn(env.actor, c).has('applicant');
    // The applicant adds files while preparing the application or answering a request.
    if (!staff && !(applicant && (c.state === 'draft' || c.state === 'info_requested'))) throw applicant ? notNow() : forbidden();
    if (staff && isFinal(spec, c.state)) throw notNow();
    const doc = upload.documentKey ? spec.documents.find((d) => d.key === upload.documentKey) : null;
    if (upload.documentKey && !doc) throw badRequest({ document_key: 'services.cases.error.unknownItems' });
    const limits = doc ?? OTHER;
    const stored = await storeFile(raw, env.services.config.filesDir, upload.bytes, { allowed: [...limits.types], maxBytes: Math.round(limits.maxMb * 1024 * 1024) });
    const filename = upload.filename.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || 'file';
    const now = new Date().toISOString();
    const row = await tx.insertInto('case_attachments', {
      case_id: c.id, document_key: doc?.key ?? null, sha256: stored.sha256, filename, mime: stored.mime, size: stored.size,
      public: applicant || doc ? 1 : 0, uploaded_by_user_id: env.actor.userId, uploaded_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await addEvent(tx, env, c.id, 'attachment', now, { body: filename, data: { documentKey: doc?.key ?? null, size: stored.size }, public: applicant || Boolean(doc) });
    await tx.updateTable('cases').set({ updated_at: now }).where('id', '=', c.id).execute();
    await appendAudit(raw, env.actor.audit, { communityId: env.community.id, action: 'case.attach', entityType: 'case', entityId: c.id, after: { sha256: stored.sha256, document: doc?.key ?? null } });
    return { attachmentId: row.id };
  });
}
