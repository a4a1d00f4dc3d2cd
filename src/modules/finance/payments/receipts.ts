// Receipts for recorded payments (cash at the desk and online): numbered per community and
// year without gaps ("2026/000012", from the platform's gap-free counters inside the
// payment's transaction, so a rolled-back payment uses no number), rendered as PDF with the
// /verify QR code. Verification reuses the country's register of issued documents: the
// receipt is entered there (kind payment_receipt, no case), so /verify/{code} answers for it
// like for a certificate, and the file sweep keeps its PDF (issued_documents.sha256).
import type { Transaction } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { nextSequence } from '../../../platform/db/sequences.ts';
import { storeFile } from '../../../platform/files/store.ts';
import { readStoredFile } from '../../../platform/files/store.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import { formatAmd, formatDay, localized, todayInYerevan, translator, type Locale } from '../../../platform/i18n/index.ts';
import { PdfWriter } from '../../../platform/pdf/pdf-writer.ts';
import { newDocumentCode } from '../../services/documents/documents.code.ts';

const MAX_PDF_BYTES = 5 * 1024 * 1024;

export interface ReceiptLine {
  label: string;
  period: string;
  principal: number;
  penalty: number;
}

export interface ReceiptInput {
  community: TenantCommunity;
  paymentId: number;
  payerName: string;
  amount: number;
  paidOn: string;
  channel: 'cash' | 'online';
  /** "Idram", "Card", or the cashier's name at the desk. */
  via: string;
  lines: ReceiptLine[];
  unallocated: number;
  issuer: { name: string; position: string };
  locale: Locale;
  publicUrl: string;
  filesDir: string;
}

/** Reserves a code no issued document has (50 random bits; a retry costs nothing). */
async function freeCode(raw: Transaction<Database>): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = newDocumentCode();
    const taken = await raw.selectFrom('issued_documents').select('id').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error('could not find a free verification code in 5 tries');
}

export async function renderReceiptPdf(input: ReceiptInput & { number: string; code: string }): Promise<Buffer> {
  const t = translator(input.locale);
  const name = localized(input.community, 'name', input.locale);
  const communityName = t('services.documents.communityName', { name });
  const title = t('finance.pay.receipt.title', { number: input.number });
  const pdf = new PdfWriter({ title, author: communityName, subject: t('services.documents.kind.payment_receipt'), lang: input.locale });
  pdf.header({ name: communityName, initial: name, primary: input.community.color_primary, accent: input.community.color_accent });
  pdf.title(title, formatDay(input.paidOn));
  pdf.keyValues([
    [t('finance.pay.receipt.payer'), input.payerName],
    [t('finance.pay.receipt.amount'), formatAmd(input.amount)],
    [t('finance.pay.receipt.channel'), `${t(`finance.pay.channel.${input.channel}`)}: ${input.via}`],
  ]);
  if (input.lines.length) {
    pdf.table(
      [{ label: t('finance.pay.col.obligation'), width: 5 }, { label: t('finance.pay.col.period'), width: 2 }, { label: t('finance.pay.col.principal'), width: 2 }, { label: t('finance.pay.col.penalty'), width: 2 }],
      input.lines.map((l) => [l.label, l.period, formatAmd(l.principal), formatAmd(l.penalty)]),
    );
  }
  if (input.unallocated > 0) pdf.paragraph(t('finance.pay.receipt.unallocated', { amount: formatAmd(input.unallocated) }), { muted: true });
  return pdf.finish({
    verifyUrl: `${input.publicUrl}/verify/${input.code}`,
    code: input.code,
    issuedOn: formatDay(todayInYerevan()),
    issuerName: input.issuer.name,
    issuerPosition: input.issuer.position,
    labels: { code: t('services.documents.pdf.code'), verifyAt: t('services.documents.pdf.verifyAt'), issuedOn: t('services.documents.pdf.issuedOn') },
  });
}

/** Issues the payment's receipt inside its transaction; a payment has one receipt. */
export async function issueReceipt(tdb: TenantDb, raw: Transaction<Database>, input: ReceiptInput): Promise<{ number: string; code: string }> {
  const year = input.paidOn.slice(0, 4);
  const number = `${year}/${String(await nextSequence(tdb, `finance.receipt.${year}`)).padStart(6, '0')}`;
  const code = await freeCode(raw);
  const bytes = await renderReceiptPdf({ ...input, number, code });
  const stored = await storeFile(raw, input.filesDir, bytes, { allowed: ['pdf'], maxBytes: MAX_PDF_BYTES });
  const issuedAt = new Date().toISOString();
  const t = translator(input.locale);
  await tdb.insertInto('fin_receipts', { payment_id: input.paymentId, number, code, sha256: stored.sha256, issued_at: issuedAt }).execute();
  await tdb.insertInto('issued_documents', {
    case_id: null, code, kind: 'payment_receipt', title: `${t('finance.pay.receipt.title', { number })} — ${formatAmd(input.amount)}`,
    subject: input.payerName, issuer_name: [input.issuer.name, input.issuer.position].filter(Boolean).join(', '),
    issued_at: issuedAt, sha256: stored.sha256, status: 'valid', revoked_at: null, revoke_reason: null,
  }).execute();
  await tdb.updateTable('fin_payments').set({ receipt_number: number }).where('id', '=', input.paymentId).execute();
  return { number, code };
}

/** A receipt's PDF by payment, or null. */
export async function receiptFile(tdb: TenantDb, filesDir: string, paymentId: number): Promise<{ bytes: Buffer; filename: string } | null> {
  const r = await tdb.selectFrom('fin_receipts').select(['number', 'sha256']).where('payment_id', '=', paymentId).executeTakeFirst();
  if (!r) return null;
  return { bytes: await readStoredFile(filesDir, r.sha256), filename: `receipt-${r.number.replace('/', '-')}.pdf` };
}
