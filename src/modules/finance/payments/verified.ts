// Finance papers that /verify can vouch for (receipts, statements) are entered in the
// register of issued documents that /verify reads (the services module's issued_documents:
// one national register of verification codes), with the same kind of code. Rendering
// needs the code first (it is printed with the QR), so a caller reserves one, renders,
// then registers the stored file.
import type { Transaction } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { storeFile } from '../../../platform/files/store.ts';
import { formatDay, todayInYerevan, translator, type Locale } from '../../../platform/i18n/index.ts';
import type { PdfFooter } from '../../../platform/pdf/pdf-writer.ts';
import { newDocumentCode } from '../../services/documents/documents.code.ts';

const MAX_PDF_BYTES = 5 * 1024 * 1024;

/** A code no issued document has (50 random bits; a retry costs nothing). */
export async function freeCode(raw: Transaction<Database>): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = newDocumentCode();
    const taken = await raw.selectFrom('issued_documents').select('id').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error('could not find a free verification code in 5 tries');
}

/** The PDF footer with the QR code to /verify/{code}, in the paper's language. */
export function verifyFooter(publicUrl: string, code: string, locale: Locale, issuer: { name: string; position: string }): PdfFooter {
  const t = translator(locale);
  return {
    verifyUrl: `${publicUrl}/verify/${code}`, code, issuedOn: formatDay(todayInYerevan()), issuerName: issuer.name, issuerPosition: issuer.position,
    labels: { code: t('services.documents.pdf.code'), verifyAt: t('services.documents.pdf.verifyAt'), issuedOn: t('services.documents.pdf.issuedOn') },
  };
}

/** Stores the PDF and enters it in the register; returns its sha256. */
export async function registerVerified(tdb: TenantDb, raw: Transaction<Database>, filesDir: string, doc: {
  code: string; kind: 'payment_receipt' | 'payment_statement'; title: string; subject: string; issuer: { name: string; position: string }; bytes: Buffer;
}): Promise<string> {
  const stored = await storeFile(raw, filesDir, doc.bytes, { allowed: ['pdf'], maxBytes: MAX_PDF_BYTES });
  await tdb.insertInto('issued_documents', {
    case_id: null, code: doc.code, kind: doc.kind, title: doc.title, subject: doc.subject,
    issuer_name: [doc.issuer.name, doc.issuer.position].filter(Boolean).join(', '),
    issued_at: new Date().toISOString(), sha256: stored.sha256, status: 'valid', revoked_at: null, revoke_reason: null,
  }).execute();
  return stored.sha256;
}
