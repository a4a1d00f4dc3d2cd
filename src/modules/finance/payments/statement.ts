// The payer's statement as PDF: every obligation with its principal, penalty to date and
// what is due, and the payments, as of today. Like a receipt it carries a /verify code, so
// a bank or an office it is shown to can check it; each download is one issued paper.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { formatAmd, formatDay, localized, todayInYerevan, translator, type Locale, type MessageKey } from '../../../platform/i18n/index.ts';
import { PdfWriter } from '../../../platform/pdf/pdf-writer.ts';
import { payerBalance, payerKey, type PayerRef } from './ledger-api.ts';
import { paymentsOf } from './my-taxes.data.ts';
import { freeCode, registerVerified, verifyFooter } from './verified.ts';

export interface StatementInput {
  community: TenantCommunity;
  payer: PayerRef;
  payerName: string;
  identifier: string | null;
  locale: Locale;
  actor: AuditActor;
  publicUrl: string;
  filesDir: string;
}

export async function issueStatement(tdb: TenantDb, input: StatementInput): Promise<{ bytes: Buffer; filename: string }> {
  const asOf = todayInYerevan();
  const [balance, payments] = await Promise.all([payerBalance(tdb, input.payer, asOf), paymentsOf(tdb, input.payer, 200)]);
  const t = translator(input.locale);
  const name = localized(input.community, 'name', input.locale);
  const communityName = t('services.documents.communityName', { name });
  const title = t('finance.pay.statement.title');
  const issuer = { name: communityName, position: '' };
  return tdb.transaction(async (scoped, raw) => {
    const code = await freeCode(raw);
    const pdf = new PdfWriter({ title, author: communityName, subject: title, lang: input.locale });
    pdf.header({ name: communityName, initial: name, primary: input.community.color_primary, accent: input.community.color_accent });
    pdf.title(title, t('finance.pay.statement.asOf', { day: formatDay(asOf) }));
    pdf.keyValues([
      [t('finance.pay.receipt.payer'), input.payerName],
      ...(input.identifier ? [[t('finance.pay.statement.identifier'), input.identifier] as [string, string]] : []),
      [t('finance.pay.col.due'), formatAmd(Math.max(0, balance.due))],
    ]);
    const active = balance.obligations.filter((o) => o.status === 'active');
    if (active.length) {
      pdf.table(
        [{ label: t('finance.pay.col.obligation'), width: 4 }, { label: t('finance.pay.col.period'), width: 2 }, { label: t('finance.pay.col.dueOn'), width: 2 },
          { label: t('finance.pay.col.principal'), width: 2 }, { label: t('finance.pay.col.penalty'), width: 2 }, { label: t('finance.pay.col.due'), width: 2 }],
        active.map((o) => [o.subjectLabel, o.period, formatDay(o.dueOn), formatAmd(o.principal), formatAmd(o.penaltyToDate), formatAmd(o.due)]),
      );
    }
    if (payments.length) {
      pdf.table(
        [{ label: t('finance.pay.col.date'), width: 2 }, { label: t('finance.pay.col.amount'), width: 2 }, { label: t('finance.pay.col.channel'), width: 2 }, { label: t('finance.pay.col.receipt'), width: 2 }],
        payments.map((p) => [formatDay(p.paidOn), formatAmd(p.amount), t(`finance.pay.channel.${p.channel}` as MessageKey), p.receiptNumber ?? '—']),
      );
    }
    const bytes = await pdf.finish(verifyFooter(input.publicUrl, code, input.locale, issuer));
    await registerVerified(scoped, raw, input.filesDir, { code, kind: 'payment_statement', title: `${title} ${t('finance.pay.statement.asOf', { day: formatDay(asOf) })}`, subject: input.payerName, issuer, bytes });
    await appendAudit(raw, input.actor, {
      communityId: scoped.communityId, action: 'finance.statement.download', entityType: input.payer.kind === 'resident' ? 'resident' : 'organization',
      entityId: input.payer.kind === 'resident' ? input.payer.residentId : input.payer.organizationId, after: { asOf, code, payer: payerKey(input.payer) },
    });
    return { bytes, filename: `statement-${payerKey(input.payer)}-${asOf}.pdf` };
  });
}
