// Lays out a document's content (documents.content.ts) on paper with platform/pdf: the
// issuing community's header, the content, and the verification footer with the QR code
// pointing to /verify/{code}; everything in the content's language.
import { formatDay, localized, translator } from '../../../platform/i18n/index.ts';
import { PdfWriter } from '../../../platform/pdf/pdf-writer.ts';
import type { CommunityRow } from '../../../platform/http/context.ts';
import type { DocumentContent } from './documents.content.ts';

export interface RenderInput {
  community: CommunityRow;
  /** The marz's name in the document's language, for the header line. */
  marzName: string | null;
  content: DocumentContent;
  code: string;
  /** The instance's public address (config.publicUrl), without a trailing slash. */
  publicUrl: string;
  /** YYYY-MM-DD in Yerevan. */
  issuedOn: string;
  issuer: { name: string; position: string };
}

export function verifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/verify/${code}`;
}

export async function renderDocumentPdf(input: RenderInput): Promise<Buffer> {
  const { community, content } = input;
  const t = translator(content.locale);
  const name = localized(community, 'name', content.locale);
  const communityName = t('services.documents.communityName', { name });
  const pdf = new PdfWriter({ title: content.title, author: communityName, subject: t(`services.documents.kind.${content.kind}`), lang: content.locale });
  pdf.header({
    name: communityName,
    initial: name,
    ...(input.marzName ? { subtitle: t('services.documents.pdf.country', { marz: input.marzName }) } : {}),
    primary: community.color_primary,
    accent: community.color_accent,
  });
  pdf.title(content.title, content.subtitle ?? undefined);
  for (const p of content.paragraphs) pdf.paragraph(p);
  if (content.facts.length) pdf.keyValues(content.facts);
  if (content.members) pdf.table(content.members.columns, content.members.rows);
  for (const p of content.closing) pdf.paragraph(p, { muted: true });
  return pdf.finish({
    verifyUrl: verifyUrl(input.publicUrl, input.code),
    code: input.code,
    issuedOn: formatDay(input.issuedOn),
    issuerName: input.issuer.name,
    issuerPosition: input.issuer.position,
    labels: {
      code: t('services.documents.pdf.code'),
      verifyAt: t('services.documents.pdf.verifyAt'),
      issuedOn: t('services.documents.pdf.issuedOn'),
    },
  });
}
