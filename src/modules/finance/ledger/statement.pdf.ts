// A payer's statement on paper, in Armenian, English or Russian: the community's header,
// the payer and the period, one table per obligation (opening, entries, closing) and the
// totals. The footer's QR code leads to the same statement in the back office.
import { formatAmd, formatDay, localized, translator, type Locale } from '../../../platform/i18n/index.ts';
import { PdfWriter } from '../../../platform/pdf/pdf-writer.ts';
import type { CommunityRow } from '../../../platform/http/context.ts';
import type { Statement } from './statement.ts';
import type { PayerIdentity } from './payer.ts';
import { componentLabel, entryKindLabel, obligationKindLabel, signedAmd } from './ledger.display.ts';

export interface StatementPdfInput {
  community: CommunityRow;
  locale: Locale;
  identity: PayerIdentity;
  st: Statement;
  /** The statement's address in the back office (for the QR code). */
  url: string;
  issuedOn: string;
  issuer: { name: string; position: string };
}

export async function renderStatementPdf(input: StatementPdfInput): Promise<Buffer> {
  const { st, identity, locale } = input;
  const t = translator(locale);
  const name = localized(input.community, 'name', locale);
  const title = t('finance.ledger.statement.title');
  const pdf = new PdfWriter({ title, author: name, subject: identity.name, lang: locale });
  pdf.header({ name, initial: name, primary: input.community.color_primary, accent: input.community.color_accent });
  pdf.title(title, t('finance.ledger.statement.period', { from: formatDay(st.from), to: formatDay(st.to) }));
  pdf.keyValues([
    [t('finance.ledger.payer'), identity.name],
    [t(identity.payer.kind === 'resident' ? 'finance.ledger.psn' : 'finance.ledger.taxId'), identity.identifier ?? '—'],
    [t('finance.ledger.statement.openingTotal', { day: formatDay(st.from) }), formatAmd(st.opening.total)],
    [t('finance.ledger.statement.closingTotal', { day: formatDay(st.to) }), formatAmd(st.closing.total)],
    [t('finance.ledger.credit'), formatAmd(st.creditClosing)],
  ]);
  const columns = [
    { label: t('finance.ledger.col.date'), width: 2 },
    { label: t('finance.ledger.col.what'), width: 5 },
    { label: componentLabel(t, 'principal'), width: 2.5 },
    { label: componentLabel(t, 'penalty'), width: 2.5 },
  ];
  for (const o of st.obligations) {
    pdf.paragraph(`${obligationKindLabel(t, o.kind)}, ${o.period} — ${o.subjectLabel}. ${t('finance.ledger.dueOn', { day: formatDay(o.dueOn) })}`, { bold: true });
    const rows: string[][] = [[formatDay(st.from), t('finance.ledger.statement.opening'), signedAmd(o.opening.principal), signedAmd(o.opening.penalty)]];
    for (const e of o.entries) {
      const extra = [e.legalGround, e.note].filter(Boolean).join(' — ');
      rows.push([formatDay(e.on), `${entryKindLabel(t, e.kind)}${extra ? `: ${extra}` : ''}`, e.component === 'principal' ? signedAmd(e.amount) : '', e.component === 'penalty' ? signedAmd(e.amount) : '']);
    }
    if (o.accruedNotPosted !== 0) rows.push([formatDay(st.to), t('finance.ledger.statement.accrued'), '', signedAmd(o.accruedNotPosted)]);
    rows.push([formatDay(st.to), t('finance.ledger.statement.closing'), signedAmd(o.closing.principal), signedAmd(o.closing.penalty)]);
    pdf.table(columns, rows);
  }
  if (st.obligations.length === 0) pdf.paragraph(t('finance.ledger.statement.empty'));
  pdf.paragraph(t('finance.ledger.statement.penaltyNote'), { muted: true });
  return pdf.finish({
    verifyUrl: input.url,
    code: `${formatDay(st.from)}–${formatDay(st.to)}`,
    issuedOn: formatDay(input.issuedOn),
    issuerName: input.issuer.name,
    issuerPosition: input.issuer.position,
    labels: { code: t('finance.ledger.statement.title'), verifyAt: t('finance.ledger.statement.onlineAt'), issuedOn: t('finance.ledger.statement.issuedOn') },
  });
}
