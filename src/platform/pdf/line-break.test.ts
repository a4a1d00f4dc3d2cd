import assert from 'node:assert/strict';
import { test } from 'node:test';
import { breakLines, type Line, type Measure } from './line-break.ts';

// One unit per character, whatever the font: line widths become character counts.
const measure: Measure = (_font, text) => [...text].length;
const texts = (lines: Line[]) => lines.map((l) => l.words.map((w) => w.pieces.map((p) => p.text).join('')).join(' '));

test('lines break at spaces, first fit, across fonts', () => {
  const lines = breakLines('Сисиан, Սիսական փ. 12 и ещё', 'regular', 13, measure);
  assert.deepEqual(texts(lines), ['Сисиан,', 'Սիսական փ. 12', 'и ещё'], 'a line holds as many words as fit');
  assert.ok(lines.every((l) => l.width <= 13), 'no line is wider than the column');
  assert.deepEqual(lines.map((l) => l.end), [false, false, true], 'only the last line is never stretched');
  assert.deepEqual(lines[1]!.words[2]!.pieces.map((p) => p.font), ['latin-regular'], '"12" is set in the Latin font');
  assert.deepEqual(lines[0]!.words[0]!.pieces.map((p) => p.font), ['cyrillic-regular', 'latin-regular'], 'the comma after a Cyrillic word is Latin');
});

test('a word wider than its column is cut, after a hyphen when one fits, and nothing is lost', () => {
  const word = 'Достопримечательность';
  const lines = breakLines(`${word} рядом`, 'bold', 8, measure);
  assert.ok(lines.every((l) => l.width <= 8), texts(lines).join(' | '));
  assert.equal(texts(lines).join('').replace(/ /g, ''), `${word}рядом`, 'every letter is printed, in order');
  assert.deepEqual(texts(breakLines('Тер-Петросян', 'regular', 6, measure)), ['Тер-', 'Петрос', 'ян']);
  assert.deepEqual(texts(breakLines('ABCDE-23456', 'regular', 1, measure)), 'ABCDE-23456'.split(''), 'a column narrower than a letter still gets one per line');
});

test('line breaks in the text are kept; empty and blank strings print nothing', () => {
  assert.deepEqual(texts(breakLines('առաջին\nերկրորդ', 'regular', 40, measure)), ['առաջին', 'երկրորդ']);
  assert.deepEqual(breakLines('', 'regular', 40, measure), []);
  assert.deepEqual(breakLines(' \n ', 'regular', 40, measure), []);
  assert.deepEqual(texts(breakLines('5\u00a0000 դրամ', 'regular', 6, measure)), ['5\u00a0000', 'դրամ'], 'a no-break space binds');
});
