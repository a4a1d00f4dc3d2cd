// Breaks a string into lines of a given width. The writer does this itself, not pdfkit,
// because a line mixes fonts (fonts.ts: Armenian, Latin and Cyrillic are separate files) and
// pdfkit can wrap, centre or justify only the text of one font: continued runs pile up when
// centred and a mixed paragraph cannot be justified. Here a line is measured across its
// fonts, so every line can be aligned. Lines break at spaces; a word wider than the whole
// line (a long Russian compound in a narrow table column, a URL) is cut after a hyphen or a
// slash when one fits, else between letters, so nothing runs past its column.
import { textRuns, type FontName, type Weight } from './fonts.ts';

/** The width of `text` set in `font` at the current size. */
export type Measure = (font: FontName, text: string) => number;

export interface Piece {
  font: FontName;
  text: string;
  width: number;
}

/** A word as set: one piece per font, and the space that follows it (0 inside a cut word). */
export interface Word {
  pieces: Piece[];
  width: number;
  space: number;
}

export interface Line {
  words: Word[];
  /** Without the space after the last word. */
  width: number;
  /** The last line of a paragraph (or before a line break): never stretched when justifying. */
  end: boolean;
}

/** Whitespace that separates words; a no-break space (U+00A0) binds its neighbours. */
const BREAK = /[^\S\u00a0]+/;

function setWord(text: string, weight: Weight, measure: Measure): Word {
  const pieces = textRuns(text, weight).map((r) => ({ ...r, width: measure(r.font, r.text) }));
  const last = pieces[pieces.length - 1];
  return { pieces, width: pieces.reduce((s, p) => s + p.width, 0), space: last ? measure(last.font, ' ') : 0 };
}

/** Cuts a word wider than `max` into parts that fit, each but the last glued to the next. */
function cut(word: Word, text: string, weight: Weight, max: number, measure: Measure): Word[] {
  if (word.width <= max) return [word];
  const chars = [...text];
  // The longest prefix that fits; at least one character, or a too-narrow column loops.
  let fits = 1;
  while (fits < chars.length && setWord(chars.slice(0, fits + 1).join(''), weight, measure).width <= max) fits++;
  const hyphen = Math.max(chars.lastIndexOf('-', fits - 1), chars.lastIndexOf('/', fits - 1));
  const at = hyphen > 0 && hyphen < fits ? hyphen + 1 : fits;
  const head = { ...setWord(chars.slice(0, at).join(''), weight, measure), space: 0 };
  const rest = chars.slice(at).join('');
  return [head, ...cut({ ...setWord(rest, weight, measure), space: word.space }, rest, weight, max, measure)];
}

/** The lines of `text` at `max` width: first-fit, which is how paper forms are set. */
export function breakLines(text: string, weight: Weight, max: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  for (const hard of text.split('\n')) {
    let words: Word[] = [];
    let width = 0;
    for (const token of hard.split(BREAK).filter(Boolean)) {
      const whole = setWord(token, weight, measure);
      if (whole.pieces.length === 0) continue;
      for (const part of cut(whole, token, weight, max, measure)) {
        const gap = words.length ? words[words.length - 1]!.space : 0;
        if (words.length && width + gap + part.width > max) {
          lines.push({ words, width, end: false });
          words = [];
          width = 0;
        }
        width += (words.length ? gap : 0) + part.width;
        words.push(part);
      }
    }
    lines.push({ words, width, end: true });
  }
  // A string with nothing printable is no line at all (the writer then writes nothing).
  return lines.every((l) => l.words.length === 0) ? [] : lines;
}
