// Fonts for PDF output, from npm only (a fresh machine has no system fonts we can count on).
// Documents are printed in Armenian, English or Russian, and every one of them mixes
// scripts (an Armenian address on a Russian certificate, digits and "№" everywhere). Two
// families of one design cover that: Noto Sans Armenian (@fontsource/noto-sans-armenian,
// its "armenian" subset) and Noto Sans (@fontsource/noto-sans: latin, cyrillic and their
// extensions). Fontsource splits each family into subsets with no letters in common (the
// Armenian one has no digits, the Cyrillic one no comma), so a line is cut into runs and each
// run is set in the subset that has its glyphs. pdfkit embeds only the glyphs used.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff.ts';
import { cmapCoverage } from './sfnt-cmap.ts';

const require = createRequire(import.meta.url);

/** Where each subset's files are: `${file}-${weight}-normal.woff` in the package's files/. */
const FACES = {
  armenian: '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian',
  latin: '@fontsource/noto-sans/files/noto-sans-latin',
  cyrillic: '@fontsource/noto-sans/files/noto-sans-cyrillic',
  'latin-ext': '@fontsource/noto-sans/files/noto-sans-latin-ext',
  'cyrillic-ext': '@fontsource/noto-sans/files/noto-sans-cyrillic-ext',
} as const;
type Subset = keyof typeof FACES;
/** The order subsets are tried in: the three languages' own letters first, the extensions last. */
const SUBSETS = Object.keys(FACES) as Subset[];
export type Weight = 'regular' | 'bold';
const WEIGHT_FILE: Record<Weight, string> = { regular: '400', bold: '700' };

/** pdfkit font name for a subset and weight: "armenian-bold". */
export type FontName = `${Subset}-${Weight}`;

export interface FontFile {
  name: FontName;
  data: Buffer;
}

/** Characters no subset draws, set as their nearest plain form rather than a missing-glyph box. */
const PLAIN: Record<string, string> = { '\u2011': '-' };
/** Soft hyphens are hints for a hyphenator we do not have; the Latin font would draw them. */
const SOFT_HYPHEN = '\u00ad';

let loaded: { files: FontFile[]; coverage: Record<Subset, Set<number>> } | null = null;

/** Reads the font files (unpacked to sfnt, see woff.ts) and what each covers, once per process. */
function load() {
  if (loaded) return loaded;
  const files: FontFile[] = [];
  const coverage = {} as Record<Subset, Set<number>>;
  for (const subset of SUBSETS) {
    for (const weight of ['regular', 'bold'] as const) {
      const data = woffToSfnt(fs.readFileSync(require.resolve(`${FACES[subset]}-${WEIGHT_FILE[weight]}-normal.woff`)));
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

/** True when some subset has a real glyph for every character of `text` (after PLAIN). */
export function printable(text: string): boolean {
  return [...text].every((ch) => ch === SOFT_HYPHEN || subsetOf(ch.codePointAt(0)!) !== null || (ch in PLAIN && subsetOf(PLAIN[ch]!.codePointAt(0)!) !== null));
}

export interface TextRun {
  font: FontName;
  text: string;
}

/**
 * Cuts text into runs of one font each. Spaces, and signs the current subset also has (the
 * hyphen in Armenian), stay in the run they are in, so "Սիսիան 12" is two runs and
 * "ABCDE-23456" one. A character no subset has is set in the Latin font, which shows its
 * missing-glyph box rather than dropping it.
 */
export function textRuns(text: string, weight: Weight = 'regular'): TextRun[] {
  const runs: TextRun[] = [];
  let current: Subset | null = null;
  let buffer = '';
  for (const original of text) {
    if (original === SOFT_HYPHEN) continue;
    const ch = subsetOf(original.codePointAt(0)!) === null && original in PLAIN ? PLAIN[original]! : original;
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
