import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n/index.ts';
import { ErrorSummary, Pager, Table, Tag, TextInput, Checkboxes, withQuery } from './components.tsx';
import { contrastRatio } from './contrast.ts';

const t = translator('en');

test('the error summary links each error to its field, and the field says why', () => {
  const form = { t, errors: { email: 'field.invalid' as const }, values: { email: 'nope' } };
  const summary = renderToString(h(ErrorSummary, { form, labels: { email: 'Email' } }));
  assert.match(summary, /role="alert"/);
  assert.match(summary, /tabindex="-1"/);
  assert.match(summary, /<a href="#field-email">Email: Not a valid value<\/a>/);
  const input = renderToString(h(TextInput, { form, name: 'email', label: 'Email', hint: 'We write to it' }));
  assert.match(input, /<label class="label" for="field-email">Email/);
  assert.match(input, /aria-describedby="field-email-hint field-email-error"/);
  assert.match(input, /aria-invalid="true"/);
  assert.match(input, /value="nope"/);
  assert.equal(renderToString(h(ErrorSummary, { form: { t }, labels: {} })), '');
  const whole = renderToString(h(ErrorSummary, { form: { t, errors: { _form: 'error.conflict' as const, version: 'field.invalid' as const } }, labels: {} }));
  assert.doesNotMatch(whole, /href=/, 'errors about the whole form (or a hidden field) link to no field');
});

test('sortable columns and the pager keep the other query parameters', () => {
  assert.equal(withQuery('/x', { q: 'ani', page: '3', sort: 'name' }, { sort: 'email', page: undefined }), '/x?q=ani&sort=email');
  const html = renderToString(
    h(Table<{ n: string }>, {
      t, caption: 'People', rows: [{ n: 'a' }], path: '/p', query: { q: 'ani', page: '2' }, sort: { col: 'name', dir: 'asc' },
      columns: [{ key: 'name', label: 'Name', sortable: true, render: (r) => r.n }, { key: 'x', label: 'X', render: () => '' }],
    }),
  );
  assert.match(html, /<caption[^>]*>People<\/caption>/);
  assert.match(html, /<th scope="col" aria-sort="ascending"><a class="sort-link" href="\/p\?q=ani&amp;sort=name&amp;dir=desc"/);
  assert.match(html, /<th scope="col">X<\/th>/);
  const empty = renderToString(h(Table<{ n: string }>, { t, caption: 'People', rows: [], columns: [] }));
  assert.match(empty, /Nothing here yet/);
  const pager = renderToString(h(Pager, { t, page: 2, pages: 3, path: '/p', query: { q: 'ani', page: '2' } }));
  assert.match(pager, /href="\/p\?q=ani&amp;page=1"/);
  assert.match(pager, /href="\/p\?q=ani&amp;page=3"/);
  assert.match(pager, /Page 2 of 3/);
});

test('tags carry words, checkboxes sit in a fieldset with a legend', () => {
  assert.match(renderToString(h(Tag, { tone: 'green', children: 'Active' })), /<strong class="tag tag-green">Active<\/strong>/);
  const boxes = renderToString(h(Checkboxes, { form: { t }, name: 'days', label: 'Days', items: [{ value: 'mon', label: 'Monday' }, { value: 'tue', label: 'Tuesday' }], checked: ['tue'] }));
  assert.match(boxes, /<fieldset[^>]*><legend class="label">Days<\/legend>/);
  assert.match(boxes, /id="field-days"/);
  assert.match(boxes, /value="tue" checked/);
});

test('the stylesheet is small, self-hosts the Armenian font and its tag colours are readable', () => {
  const css = fs.readFileSync(path.join(import.meta.dirname, '../../../static/app.css'), 'utf8');
  assert.ok(css.length < 20_000, `app.css is ${css.length} bytes`);
  for (const file of ['armenian-400', 'armenian-700', 'latin-400', 'latin-700']) {
    assert.ok(css.includes(`/static/fonts/noto-sans-armenian-${file}-normal.woff2`), file);
  }
  assert.equal((css.match(/font-display:swap/g) ?? []).length, 4);
  for (const m of css.matchAll(/\.tag-\w+\{background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})\}/g)) {
    assert.ok(contrastRatio(m[1]!, m[2]!) >= 4.5, `${m[0]} has ${contrastRatio(m[1]!, m[2]!).toFixed(2)}:1`);
  }
});
