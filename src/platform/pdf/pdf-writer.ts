// A small layer over pdfkit for the documents a municipality issues: an A4 page with the
// community's header (coat of arms and name), a title, paragraphs, a key/value table, a
// table of rows (household members), and a footer that makes the paper verifiable: QR code,
// short code in large letters, issue date, and the issuer's name and position.
// Every string is set by line-break.ts across the fonts of fonts.ts, so Armenian, Latin,
// Cyrillic, digits and signs mix freely in any paragraph, cell or centred title.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { FontName, Weight } from './fonts.ts';
import { installFonts } from './font-install.ts';
import { breakLines, type Line } from './line-break.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56; // 2 cm
const LINE_GAP = 2;
const FOOTER_HEIGHT = 130;
const TEXT = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b0b0b0';
const HEX = /^#[0-9a-fA-F]{6}$/;
/** The default coat of arms' shield (communities/coat-of-arms.ts), in a 100 × 120 box. */
const SHIELD = 'M5 5h90v55c0 30-22 48-45 55C27 108 5 90 5 60z';

export interface PdfHeader {
  /** "Սիսիան համայնք" */
  name: string;
  /** A line under the name: "Հայաստանի Հանրապետություն, Սյունիքի մարզ". */
  subtitle?: string;
  /** The letter on the shield; by default the first of `name` (which in Russian starts "Община"). */
  initial?: string;
  primary: string;
  accent: string;
}

export interface PdfFooter {
  /** Encoded in the QR code: the public /verify address of this document. */
  verifyUrl: string;
  /** Printed in large letters, for people who type it in. */
  code: string;
  /** dd.mm.yyyy */
  issuedOn: string;
  issuerName: string;
  issuerPosition: string;
  /** Printed labels, in the document's language. */
  labels: { code: string; verifyAt: string; issuedOn: string };
}

interface WriteOptions {
  size?: number;
  weight?: Weight;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  x?: number;
  y?: number;
  width?: number;
  gap?: number;
}

export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  /** `lang`: the document's language (hy, en, ru), for screen readers; Armenian by default. */
  constructor(info: { title: string; author: string; subject?: string; lang?: string }) {
    this.doc = new PDFDocument({
      size: A4,
      margins: { top: MARGIN - 16, bottom: MARGIN, left: MARGIN, right: MARGIN },
      info: { Title: info.title, Author: info.author, Subject: info.subject ?? info.title, Creator: 'MMIS' },
      // Lets readers find the title as the window title and mark the language for screen readers.
      displayTitle: true,
      lang: info.lang ?? 'hy',
      autoFirstPage: true,
      // No default font: pdfkit would otherwise parse Helvetica's metrics for every document,
      // and every string here is set in a registered font anyway.
      font: '',
    });
    installFonts(this.doc);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private get contentWidth(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  /** Where content must stop so the footer fits on the last page. */
  private get contentBottom(): number {
    return this.doc.page.height - MARGIN - FOOTER_HEIGHT;
  }

  /**
   * Writes one string from (x, y) down, broken into lines across its fonts (line-break.ts)
   * and aligned line by line; continues on a new page when it reaches the bottom margin.
   */
  private write(text: string, o: WriteOptions = {}): void {
    const doc = this.doc;
    const weight = o.weight ?? 'regular';
    doc.fontSize(o.size ?? 11).fillColor(o.color ?? TEXT);
    const width = o.width ?? this.contentWidth;
    const lines = breakLines(text, weight, width, (font, s) => doc.font(font).widthOfString(s));
    if (lines.length === 0) return;
    const x = o.x ?? doc.x;
    let y = o.y ?? doc.y;
    for (const line of lines) {
      const height = doc.font(line.words[0]?.pieces[0]?.font ?? `latin-${weight}`).currentLineHeight(true) + LINE_GAP;
      if (y + height > doc.page.maxY() && y > doc.page.margins.top) {
        doc.addPage();
        y = doc.y;
      }
      this.drawLine(line, x, y, width, o.align ?? 'left');
      y += height;
    }
    doc.x = MARGIN;
    doc.y = y + (o.gap ?? 0);
  }

  /**
   * Places a line's pieces at measured positions. Each space is drawn as text (so it is
   * there when the PDF is copied or read aloud); a justified line widens the gaps instead.
   */
  private drawLine(line: Line, x: number, y: number, width: number, align: NonNullable<WriteOptions['align']>): void {
    const doc = this.doc;
    const free = width - line.width;
    const stretch = align === 'justify' && !line.end && line.words.length > 1 ? free / (line.words.length - 1) : 0;
    let at = x + (align === 'right' ? free : align === 'center' ? free / 2 : 0);
    // Neighbouring pieces in one font are drawn as one string, unless the gap between them stretches.
    let pending: { font: FontName; text: string; x: number } | null = null;
    const flush = () => {
      if (pending) doc.font(pending.font).text(pending.text, pending.x, y, { lineBreak: false });
      pending = null;
    };
    line.words.forEach((word, w) => {
      word.pieces.forEach((piece, p) => {
        // The space at a line's end is drawn too (it is invisible), so text read back has every word apart.
        const space = p === word.pieces.length - 1 && word.space > 0 && (w < line.words.length - 1 || !line.end) ? ' ' : '';
        if (pending && pending.font === piece.font && (p > 0 || stretch === 0)) pending.text += piece.text + space;
        else {
          flush();
          pending = { font: piece.font, text: piece.text + space, x: at };
        }
        at += piece.width;
      });
      at += word.space + stretch;
      if (stretch) flush();
    });
    flush();
  }

  /** A new page when fewer than `needed` points are left above the footer zone. */
  private ensureRoom(needed: number): boolean {
    if (this.doc.y + needed <= this.contentBottom) return false;
    this.doc.addPage();
    return true;
  }

  /**
   * The community's mark and name. The mark is the default coat of arms (a shield in the
   * community's colours with its initial, as communities/coat-of-arms.ts draws it): this
   * layer has no SVG renderer, so an uploaded coat of arms is not reproduced on paper.
   */
  header(h: PdfHeader): this {
    const doc = this.doc;
    const primary = HEX.test(h.primary) ? h.primary : '#1d4f91';
    const accent = HEX.test(h.accent) ? h.accent : '#c8a200';
    const top = doc.y;
    const shieldHeight = 60;
    const scale = shieldHeight / 120;
    doc.save().translate(MARGIN, top).scale(scale).path(SHIELD).lineWidth(6).fillAndStroke(primary, accent).restore();
    const initial = [...(h.initial ?? h.name).trim()][0] ?? '';
    this.write(initial, { x: MARGIN, y: top + 14, width: 100 * scale, size: 22, weight: 'bold', color: '#ffffff', align: 'center' });
    const textX = MARGIN + 100 * scale + 14;
    const textWidth = this.contentWidth - (textX - MARGIN);
    this.write(h.name, { x: textX, y: top + 8, width: textWidth, size: 16, weight: 'bold', color: primary });
    if (h.subtitle) this.write(h.subtitle, { x: textX, y: doc.y + 2, width: textWidth, size: 10, color: MUTED });
    const ruleY = Math.max(doc.y, top + shieldHeight) + 10;
    doc.moveTo(MARGIN, ruleY).lineTo(doc.page.width - MARGIN, ruleY).lineWidth(1.5).strokeColor(primary).stroke();
    doc.x = MARGIN;
    doc.y = ruleY + 24;
    return this;
  }

  title(text: string, subtitle?: string): this {
    this.ensureRoom(60);
    this.write(text, { size: 17, weight: 'bold', align: 'center', gap: subtitle ? 4 : 18 });
    if (subtitle) this.write(subtitle, { size: 10, color: MUTED, align: 'center', gap: 18 });
    return this;
  }

  paragraph(text: string, o: { bold?: boolean; muted?: boolean } = {}): this {
    this.ensureRoom(30);
    this.write(text, { weight: o.bold ? 'bold' : 'regular', color: o.muted ? MUTED : TEXT, align: 'justify', gap: 10 });
    return this;
  }

  /** Label on the left, value on the right, one row each; rows never split across pages. */
  keyValues(rows: [label: string, value: string][]): this {
    const doc = this.doc;
    const labelWidth = Math.round(this.contentWidth * 0.36);
    const valueX = MARGIN + labelWidth + 12;
    const valueWidth = this.contentWidth - labelWidth - 12;
    for (const [label, value] of rows) {
      this.ensureRoom(24);
      const y = doc.y;
      this.write(label, { x: MARGIN, y, width: labelWidth, color: MUTED });
      const afterLabel = doc.y;
      this.write(value, { x: valueX, y, width: valueWidth, weight: 'bold' });
      doc.y = Math.max(afterLabel, doc.y) + 6;
    }
    doc.y += 8;
    return this;
  }

  /** A ruled table; `widths` are fractions of the content width. The header repeats on a new page. */
  table(columns: { label: string; width: number }[], rows: string[][]): this {
    const doc = this.doc;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const line = (cells: string[], bold: boolean) => {
      const y = doc.y;
      let bottom = y;
      cells.forEach((cell, i) => {
        this.write(cell, { x: xs[i]! + 3, y, width: widths[i]! - 6, size: 10, weight: bold ? 'bold' : 'regular' });
        bottom = Math.max(bottom, doc.y);
      });
      doc.y = bottom + 4;
      doc.moveTo(MARGIN, doc.y).lineTo(doc.page.width - MARGIN, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
      doc.y += 4;
    };
    this.ensureRoom(40);
    line(columns.map((c) => c.label), true);
    for (const row of rows) {
      if (this.ensureRoom(22)) line(columns.map((c) => c.label), true);
      line(row, false);
    }
    doc.x = MARGIN;
    doc.y += 10;
    return this;
  }

  /** The verification footer at the bottom of the last page; then the finished PDF bytes. */
  async finish(f: PdfFooter): Promise<Buffer> {
    const doc = this.doc;
    if (doc.y > this.contentBottom) doc.addPage();
    const qr = await QRCode.toBuffer(f.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 4 });
    const top = doc.page.height - MARGIN - FOOTER_HEIGHT + 16;
    doc.moveTo(MARGIN, top - 10).lineTo(doc.page.width - MARGIN, top - 10).lineWidth(0.5).strokeColor(RULE).stroke();
    const qrSize = 96;
    doc.image(qr, MARGIN, top, { width: qrSize, height: qrSize });
    const x = MARGIN + qrSize + 16;
    const width = this.contentWidth / 2 - qrSize;
    this.write(f.labels.code, { x, y: top, width, size: 9, color: MUTED });
    this.write(f.code, { x, y: doc.y + 2, width, size: 20, weight: 'bold' });
    // Where to type the code: the verification address without the code itself.
    this.write(`${f.labels.verifyAt} ${f.verifyUrl.replace(/\/[^/]*$/, '')}`, { x, y: doc.y + 4, width: width + 40, size: 8, color: MUTED });

    const rightX = MARGIN + this.contentWidth / 2 + 10;
    const rightWidth = this.contentWidth / 2 - 10;
    this.write(`${f.labels.issuedOn} ${f.issuedOn}`, { x: rightX, y: top, width: rightWidth, size: 10, align: 'right' });
    const signY = top + 52;
    doc.moveTo(rightX + 40, signY).lineTo(doc.page.width - MARGIN, signY).lineWidth(0.5).strokeColor(TEXT).stroke();
    this.write(f.issuerName, { x: rightX, y: signY + 6, width: rightWidth, size: 11, weight: 'bold', align: 'right' });
    this.write(f.issuerPosition, { x: rightX, y: doc.y + 1, width: rightWidth, size: 9, color: MUTED, align: 'right' });
    doc.end();
    return this.done;
  }
}
