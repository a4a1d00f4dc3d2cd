// Gives every new document the fonts of fonts.ts, parsed once per process. pdfkit parses a
// registered font anew for each document (fontkit.create on its bytes), and the first line
// set in it decodes the font's GSUB/GPOS tables again: with five subsets in two weights that
// was most of a certificate's CPU time. A parsed fontkit font holds only caches (tables,
// glyphs, its layout engine) and each document still makes its own subset of the glyphs it
// used, so one parsed font can serve every document; rendering is synchronous, so no two
// documents use it at the same instant.
// pdfkit has no public way to hand it a parsed font. This uses three of its internals
// (`_fontFamilies`, `_fontCount`, `_font`) and falls back to pdfkit's own path, which is
// slower but equal in output, when a pdfkit version no longer has them.
import PDFDocument from 'pdfkit';
import { fontFiles, type FontName } from './fonts.ts';

type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: unknown, id: string) => unknown;

interface PdfkitInternals {
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
  _font?: { font?: unknown; constructor: EmbeddedFontClass };
}

let parsed: Map<FontName, { font: unknown; Embedded: EmbeddedFontClass }> | null | undefined;

/** Each font parsed by pdfkit in a throwaway document, with pdfkit's class that embeds it. */
function parseOnce() {
  if (parsed !== undefined) return parsed;
  const doc = new PDFDocument({ font: '' });
  const internals = doc as unknown as PdfkitInternals;
  const out = new Map<FontName, { font: unknown; Embedded: EmbeddedFontClass }>();
  for (const f of fontFiles()) {
    doc.registerFont(f.name, f.data);
    doc.font(f.name);
    if (!internals._font?.font) return (parsed = null);
    out.set(f.name, { font: internals._font.font, Embedded: internals._font.constructor });
  }
  parsed = internals._fontFamilies && typeof internals._fontCount === 'number' ? out : null;
  return parsed;
}

/** Registers the fonts with `doc` under their FontName, already parsed where pdfkit allows. */
export function installFonts(doc: PDFKit.PDFDocument): void {
  for (const f of fontFiles()) doc.registerFont(f.name, f.data);
  const shared = parseOnce();
  const internals = doc as unknown as PdfkitInternals;
  if (!shared || !internals._fontFamilies || typeof internals._fontCount !== 'number') return;
  // pdfkit looks a registered name up here first; a font never used on a page is not embedded.
  for (const [name, { font, Embedded }] of shared) internals._fontFamilies[name] = new Embedded(doc, font, `F${++internals._fontCount}`);
}

/** For tests: whether documents share parsed fonts (false: pdfkit's own, slower path). */
export function fontsShared(): boolean {
  return parseOnce() !== null;
}
