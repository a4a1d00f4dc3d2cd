// Fonts for PDF output, from npm only (a fresh machine has no system fonts we can count on).
// @fontsource/noto-sans-armenian ships Noto Sans Armenian split into subsets: the
// "armenian" file has no Latin letters or digits and the "latin" file has no Armenian, so
// a line such as "ՀԾՀ 1234567890" is cut into runs and each run is set in the subset that
// has its glyphs. pdfkit embeds only the glyphs used (subsetting), so a page stays small.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff.ts';
import { cmapCoverage } from './sfnt-cmap.ts';

const require = createRequire(import.meta.url);
const PACKAGE = '@fontsource/noto-sans-armenian';

/** Subsets in the order they are tried: Armenian first, it is the language of the documents. */
const SUBSETS = ['armenian', 'latin', 'latin-ext'] as const;
type Subset = (typeof SUBSETS)[number];
export type Weight = 'regular' | 'bold';
const WEIGHT_FILE: Record<Weight, string> = { regular: '400', bold: '700' };

/** pdfkit font name for a subset and weight: "armenian-bold". */
export type FontName = `${Subset}-${Weight}`;

export interface FontFile {
  name: FontName;
  data: Buffer;
}

/**
 * Characters no subset draws, set as their nearest plain form rather than a missing-glyph
 * box: "№" is common in Armenian paperwork, "m²" in permits.
 */
const PLAIN: Record<string, string> = { '№': 'N', '²': '2', '³': '3', '¹': '1', '\u2011': '-', '\u00ad': '' };

let loaded: { files: FontFile[]; coverage: Record<Subset, Set<number>> } | null = null;

/** Reads the font files (unpacked to sfnt, see woff.ts) and what each covers, once per process. */
function load() {
  if (loaded) return loaded;
  const files: FontFile[] = [];
  const coverage = {} as Record<Subset, Set<number>>;
  for (const subset of SUBSETS) {
    for (const weight of ['regular', 'bold'] as const) {
      const file = require.resolve(`${PACKAGE}/files/noto-sans-armenian-${subset}-${WEIGHT_FILE[weight]}-normal.woff`);
      const data = woffToSfnt(fs.readFileSync(file));
      files.push({ name: `${subset}-${weight}`, data });
      // Both weights of a subset cover the same characters.
      if (weight === 'regular') coverage[subset] = cmapCoverage(data);
    }
  }
  loaded = { files, coverage };
  return loaded;
}

/** The font files to register with each new document. */
export function fontFiles(): FontFile[] {
  return load().files;
}

/** The subset to set a character in: the current one if it has it (fewer runs), else the first that does. */
function subsetOf(codePoint: number, current: Subset | null = null): Subset | null {
  const { coverage } = load();
  if (current && coverage[current].has(codePoint)) return current;
  return SUBSETS.find((s) => coverage[s].has(codePoint)) ?? null;
}

export interface TextRun {
  font: FontName;
  text: string;
}

/**
 * Cuts text into runs of one font each. Spaces, and signs both subsets have (the hyphen),
 * stay in the run they are in, so "Սիսիան 12" is two runs and "ABCDE-23456" one. A character no subset has (Cyrillic)
 * is set in the Latin font, which shows its missing-glyph box rather than dropping it.
 */
export function textRuns(text: string, weight: Weight = 'regular'): TextRun[] {
  const runs: TextRun[] = [];
  let current: Subset | null = null;
  let buffer = '';
  for (const original of text) {
    const ch = subsetOf(original.codePointAt(0)!) === null && original in PLAIN ? PLAIN[original]! : original;
    if (!ch) continue;
    const neutral = /\s/.test(ch);
    const subset: Subset | null = neutral ? current : (subsetOf(ch.codePointAt(0)!, current) ?? 'latin');
    if (subset !== current && current !== null && buffer) {
      runs.push({ font: `${current}-${weight}`, text: buffer });
      buffer = '';
    }
    current = subset ?? current;
    buffer += ch;
  }
  if (buffer) runs.push({ font: `${current ?? 'latin'}-${weight}`, text: buffer });
  return runs;
}
