// What the request hook strips: NUL, the other C0 controls, DEL and C1, in values and keys at
// any depth; tabs and line breaks stay; uploaded files are not touched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripControls, stripControlsDeep } from './controls.ts';

test('controls: NUL, C0, DEL and C1 go, tabs, line breaks and every letter stay', () => {
  assert.equal(stripControls('Սի\u0000սի\u0007ան\u001b\u007f\u0085\u009b'), 'Սիսիան');
  assert.equal(stripControls('a\tb\nc\r\nd'), 'a\tb\nc\r\nd');
  assert.equal(stripControls('Ղազարյան Казарян «№» \u00a0—\u200d'), 'Ղազարյան Казарян «№» \u00a0—\u200d');
});

test('controls: a parsed body is cleaned in place, keys too; files are left alone', () => {
  const file = { filename: 'a\u0000.pdf', data: Buffer.from([0, 1, 2]) };
  const body: Record<string, unknown> = { 'na\u0000me': 'x\u0000y', list: ['1\u0000', { deep: '\u0085z' }], n: 5, none: null, file };
  const out = stripControlsDeep(body) as Record<string, unknown>;
  assert.equal(out, body);
  assert.deepEqual(Object.keys(out).sort(), ['file', 'list', 'n', 'name', 'none']);
  assert.equal(out.name, 'xy');
  assert.deepEqual(out.list, ['1', { deep: 'z' }]);
  assert.deepEqual([...(out.file as typeof file).data], [0, 1, 2]);
  assert.equal(stripControlsDeep(undefined), undefined);
});
