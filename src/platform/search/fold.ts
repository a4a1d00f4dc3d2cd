// Folding names for search (ARCHITECTURE rule 8): the Armenian spelling, its BGN/PCGN
// romanization, other Latin transliterations (Hovannisian, Howhannisjan) and Russian
// Cyrillic (Ованнисян) of the same name all fold to one key, as do the ի/ե variants of
// one surname (Հովհաննիսյան / Հովհաննեսյան). Keys are coarse on purpose; ranking
// (exact spelling first) happens after the match.
//
// The velars share one key letter because the tables do not agree on them: Ղ is gh in
// BGN/PCGN, ġ in ISO 9985 and Г, К or Х in Russian (Газарян, Казарян; Гукасян), so g, k
// and kh must meet; Ք is k in BGN/PCGN, q in Armenian Latin typing, К in Russian; Կ is k
// and К; Գ is g and Г (and k in Western spellings: Krikorian, Kevorkian, and Геворкян for
// Գևորգյան); Խ is kh, x and Х. Ջ is j in BGN/PCGN and Дж (dzh), dj elsewhere.
import { latinizeCyrillic, romanizeArmenian } from './romanize.ts';

const RULES: [RegExp, string][] = [
  [/(dzh|dj)/g, 'j'],
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
  [/[gkqx]/g, 'k'],
  [/(.)\1+/g, '$1'],
];

/** One word to its key: "Hovhannisyan", "Ованнисян", "Հովհաննեսյան" → "ovanisyan"; "Ղազարյան", "Казарян" → "kazaryan". */
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
