import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainText, sanitizeRichText } from './sanitize.ts';

// What an editor might paste, and what must never reach a visitor's browser.
const cases: { name: string; input: string; gone: RegExp[]; kept?: RegExp[] }[] = [
  { name: 'a script element and its text', input: '<p>Բարև</p><script>alert(document.cookie)</script>', gone: [/<script/i, /alert/], kept: [/<p>Բարև<\/p>/] },
  { name: 'event handlers', input: '<p onclick="steal()">x</p><img src="https://a.example/x.png" onerror="steal()" alt="a">', gone: [/onclick/i, /onerror/i, /steal/], kept: [/<img src="https:\/\/a.example\/x.png" alt="a"/] },
  { name: 'javascript: and data: links', input: '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="data:text/html,<script>">c</a>', gone: [/javascript/i, /data:/i] },
  { name: 'inline styles and style elements', input: '<p style="position:fixed;background:url(javascript:x)">t</p><style>body{display:none}</style>', gone: [/style/i, /display:none/, /position/] },
  { name: 'frames, objects, forms', input: '<iframe src="https://evil.example"></iframe><object data="x"></object><form action="/x"><input name="a"></form>', gone: [/iframe/i, /object/i, /<form/i, /<input/i] },
  { name: 'an h1 becomes h2 (the page title is the only h1)', input: '<h1>Վերնագիր</h1>', gone: [/<h1/], kept: [/<h2>Վերնագիր<\/h2>/] },
  { name: 'links out get rel=noopener', input: '<a href="https://gov.am">gov</a>', gone: [], kept: [/rel="noopener noreferrer"/] },
  { name: 'tables and lists stay', input: '<table><tr><th scope="col">Ա</th></tr><tr><td>1</td></tr></table><ul><li>կետ</li></ul>', gone: [], kept: [/<th scope="col">Ա<\/th>/, /<li>կետ<\/li>/] },
];

for (const c of cases) {
  test(`rich text is sanitized: ${c.name}`, () => {
    const out = sanitizeRichText(c.input) ?? '';
    for (const g of c.gone) assert.doesNotMatch(out, g, out);
    for (const k of c.kept ?? []) assert.match(out, k, out);
  });
}

test('a body of nothing but removed markup is stored as no body', () => {
  assert.equal(sanitizeRichText('<script>x</script><p> </p>'), null);
  assert.equal(plainText('<p>Ա&amp;Բ</p><script>x</script>'), 'Ա&Բ');
});
