// A payer's tax notice as PDF: in Armenian, then again in the payer's language when it is
// Russian or English; the footer's QR code opens the portal's "my taxes" page to pay.
import { formatAmd, formatDay, localized, translator, type Locale } from '../../../platform/i18n/index.ts';
import { PdfWriter } from '../../../platform/pdf/pdf-writer.ts';
import type { CommunityRow } from '../../../platform/http/context.ts';
import type { NoticePayer } from './notices.data.ts';

/** Where the QR code leads: the citizen's taxes in the portal, where the obligations can be paid. */
export const payUrl = (publicUrl: string) => `${publicUrl}/account/taxes`;

function section(pdf: PdfWriter, year: number, p: NoticePayer, locale: Locale) {
  const t = translator(locale);
  pdf.title(t('finance.notice.title', { year }), t('finance.notice.number', { number: p.number }));
  pdf.keyValues([
    [t('finance.notice.payer'), p.name],
    [t('finance.notice.identifier'), p.identifier ?? '—'],
    [t('finance.notice.address'), p.address ?? '—'],
  ]);
  pdf.table(
    [{ label: t('finance.notice.object'), width: 2 }, { label: t('finance.notice.tax'), width: 2 }, { label: t('finance.notice.base'), width: 2 },
      { label: t('finance.notice.share'), width: 1 }, { label: t('finance.notice.rule'), width: 4 }, { label: t('finance.notice.amount'), width: 2 }],
    p.lines.map((l) => [
      l.objectLabel, t(l.taxKind === 'land_tax' ? 'finance.notice.tax.land_tax' : 'finance.notice.tax.real_estate_tax'), formatAmd(l.base), l.share,
      `${l.legalRef ?? '—'}${l.verification && l.verification !== 'verified' ? ` ${t('finance.notice.toCheck')}` : ''}`, formatAmd(l.amount),
    ]),
  );
  const due = p.lines.map((l) => l.dueOn).filter((d): d is string => d !== null).sort()[0];
  pdf.keyValues([
    [t('finance.notice.total'), formatAmd(p.total)],
    [t('finance.notice.due'), due ? formatDay(due) : '—'],
    [t('finance.notice.reference'), p.number],
  ]);
  pdf.paragraph(t('finance.notice.howToPay', { number: p.number }), { muted: true });
}

export async function renderNoticePdf(input: { community: CommunityRow; year: number; payer: NoticePayer; publicUrl: string; issuedOn: string }): Promise<Buffer> {
  const { community, payer } = input;
  const t = translator('hy');
  const communityName = t('finance.notice.communityName', { name: localized(community, 'name', 'hy') });
  const pdf = new PdfWriter({ title: t('finance.notice.title', { year: input.year }), author: communityName, lang: 'hy' });
  pdf.header({ name: communityName, initial: localized(community, 'name', 'hy'), primary: community.color_primary, accent: community.color_accent });
  section(pdf, input.year, payer, 'hy');
  if (payer.locale !== 'hy') section(pdf, input.year, payer, payer.locale);
  return pdf.finish({
    verifyUrl: payUrl(input.publicUrl),
    code: payer.number,
    issuedOn: formatDay(input.issuedOn),
    issuerName: communityName,
    issuerPosition: t('finance.notice.issuer'),
    labels: { code: t('finance.notice.reference'), verifyAt: t('finance.notice.payAt'), issuedOn: t('finance.notice.issuedOn') },
  });
}
