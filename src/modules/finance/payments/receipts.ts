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
import { readStoredFile } from '../../../platform/files/store.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import { formatAmd, formatDay, localized, translator, type Locale } from '../../../platform/i18n/index.ts';
import { PdfWriter } from '../../../platform/pdf/pdf-writer.ts';
import { freeCode, registerVerified, verifyFooter } from './verified.ts';

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
  return pdf.finish(verifyFooter(input.publicUrl, input.code, input.locale, input.issuer));
}

/** Issues the payment's receipt inside its transaction; a payment has one receipt. */
export async function issueReceipt(tdb: TenantDb, raw: Transaction<Database>, input: ReceiptInput): Promise<{ number: string; code: string }> {
  const year = input.paidOn.slice(0, 4);
  const number = `${year}/${String(await nextSequence(tdb, `finance.receipt.${year}`)).padStart(6, '0')}`;
  const code = await freeCode(raw);
  const bytes = await renderReceiptPdf({ ...input, number, code });
  const t = translator(input.locale);
  const sha256 = await registerVerified(tdb, raw, input.filesDir, {
    code, kind: 'payment_receipt', title: `${t('finance.pay.receipt.title', { number })} — ${formatAmd(input.amount)}`, subject: input.payerName, issuer: input.issuer, bytes,
  });
  await tdb.insertInto('fin_receipts', { payment_id: input.paymentId, number, code, sha256, issued_at: new Date().toISOString() }).execute();
  await tdb.updateTable('fin_payments').set({ receipt_number: number }).where('id', '=', input.paymentId).execute();
  return { number, code };
}

/** A receipt's PDF by payment, or null. */
export async function receiptFile(tdb: TenantDb, filesDir: string, paymentId: number): Promise<{ bytes: Buffer; filename: string } | null> {
  const r = await tdb.selectFrom('fin_receipts').select(['number', 'sha256']).where('payment_id', '=', paymentId).executeTakeFirst();
  if (!r) return null;
  return { bytes: await readStoredFile(filesDir, r.sha256), filename: `receipt-${r.number.replace('/', '-')}.pdf` };
}
