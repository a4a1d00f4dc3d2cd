// For tests: reads back what a pdfkit PDF says, without poppler or any PDF library. It
// inflates the streams, builds each font's ToUnicode map, and decodes the text-showing
// operators of the page contents with the font in effect. This proves the text is really
// there and extractable (copy, search, screen readers), not just that a font was embedded.
import zlib from 'node:zlib';

export interface PdfObject {
  id: number;
  dict: string;
  stream: Buffer | null;
}

export function pdfObjects(pdf: Buffer): PdfObject[] {
  const text = pdf.toString('latin1');
  const out: PdfObject[] = [];
  for (const m of text.matchAll(/(\d+) 0 obj\s*/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream\n');
    let stream: Buffer | null = null;
    if (s >= 0) {
      const raw = pdf.subarray(start + s + 'stream\n'.length, start + body.lastIndexOf('\nendstream'));
      stream = body.slice(0, s).includes('/FlateDecode') ? zlib.inflateSync(raw) : raw;
    }
    out.push({ id: Number(m[1]), dict: s >= 0 ? body.slice(0, s) : body, stream });
  }
  return out;
}

/** "<0578 0582>" or "<0531>" → the UTF-16BE text they stand for. */
function utf16(hex: string): string {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const units: number[] = [];
  for (let i = 0; i + 4 <= clean.length; i += 4) units.push(parseInt(clean.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** The glyph → text map of a ToUnicode CMap (bfchar and bfrange, as pdfkit writes them). */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F ]+>)/g)) {
      const from = parseInt(r[1]!, 16);
      const to = parseInt(r[2]!, 16);
      if (r[3]!.startsWith('[')) {
        [...r[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((d, i) => map.set(from + i, utf16(d[1]!)));
      } else {
        const first = utf16(r[3]!);
        for (let g = from; g <= to; g++) map.set(g, String.fromCharCode(first.charCodeAt(0) + (g - from)));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const c of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F ]+)>/g)) map.set(parseInt(c[1]!, 16), utf16(c[2]!));
  }
  return map;
}

/** Every text-showing operator of every page, in drawing order: its glyph codes and the font's ToUnicode map. */
function textOperators(pdf: Buffer): { codes: number[]; font: Map<number, string> | undefined }[] {
  const objects = pdfObjects(pdf);
  const byId = new Map(objects.map((o) => [o.id, o]));
  const maps = new Map<number, Map<number, string>>();
  for (const o of objects) {
    const ref = /\/Type \/Font\b[\s\S]*\/ToUnicode (\d+) 0 R/.exec(o.dict);
    const cmap = ref ? byId.get(Number(ref[1]))?.stream : null;
    if (cmap) maps.set(o.id, toUnicodeMap(cmap.toString('latin1')));
  }
  const ops: { codes: number[]; font: Map<number, string> | undefined }[] = [];
  for (const page of objects.filter((o) => /\/Type \/Page\b/.test(o.dict))) {
    const resources = byId.get(Number(/\/Resources (\d+) 0 R/.exec(page.dict)?.[1]))?.dict ?? '';
    const fonts = new Map([...resources.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((m) => [m[1]!, maps.get(Number(m[2]))]));
    const content = byId.get(Number(/\/Contents (\d+) 0 R/.exec(page.dict)?.[1]))?.stream?.toString('latin1') ?? '';
    let font: Map<number, string> | undefined;
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]) TJ|(<[0-9a-fA-F]*>) Tj/g)) {
      if (op[1]) {
        font = fonts.get(op[1]);
        continue;
      }
      const codes: number[] = [];
      for (const hex of (op[2] ?? op[3]!).matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (let i = 0; i + 4 <= hex[1]!.length; i += 4) codes.push(parseInt(hex[1]!.slice(i, i + 4), 16));
      }
      ops.push({ codes, font });
    }
  }
  return ops;
}

/** The text of every page, one string per text-showing operator, in drawing order. */
export function pdfText(pdf: Buffer): string[] {
  return textOperators(pdf).map(({ codes, font }) => codes.map((c) => font?.get(c) ?? '\ufffd').join(''));
}

/**
 * How many characters are drawn as the missing-glyph box: pdfkit's subsets keep glyph 0
 * (.notdef) as code 0, so a character no embedded font has shows up as code 0.
 */
export function missingGlyphs(pdf: Buffer): number {
  return textOperators(pdf).reduce((n, { codes }) => n + codes.filter((c) => c === 0).length, 0);
}
