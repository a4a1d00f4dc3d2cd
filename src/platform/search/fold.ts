// Folding names for search (ARCHITECTURE rule 8): the Armenian spelling, its BGN/PCGN
// romanization, other Latin transliterations (Hovannisian, Howhannisjan) and Russian
// Cyrillic (Ованнисян) of the same name all fold to one key, as do the ի/ե variants of
// one surname (Հովհաննիսյան / Հովհաննեսյան). Keys are coarse on purpose; ranking
// (exact spelling first) happens after the match.
import { latinizeCyrillic, romanizeArmenian } from './romanize.ts';

const RULES: [RegExp, string][] = [
  [/ye/g, 'e'],
  [/ia/g, 'ya'],
  [/io/g, 'yo'],
  [/iu/g, 'yu'],
  [/ou/g, 'u'],
  [/w/g, 'v'],
  [/kh/g, 'x'],
  [/gh/g, 'g'],
  [/(ts|tz|dz)/g, 'c'],
  [/(ch|tch|tsch)/g, 'c'],
  [/(sh|sch|zh)/g, 's'],
  [/ph/g, 'p'],
  [/th/g, 't'],
  [/j/g, 'y'],
  [/h/g, ''],
  [/e/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** One word to its key: "Hovhannisyan", "Ованнисян", "Հովհաննեսյան" → "ovanisyan". */
export function foldWord(word: string): string {
  let s = latinizeCyrillic(romanizeArmenian(word).toLowerCase());
  s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
  for (const [re, to] of RULES) s = s.replace(re, to);
  return s;
}

/** The folded words of a text, without empties or repeats. */
export function foldWords(text: string): string[] {
  return [...new Set(text.split(/[\s,.;:()"'«»\-–—/]+/).map(foldWord).filter((w) => w.length > 0))];
}
