import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmd, formatDay, formatInstant, todayInYerevan, translator } from './index.ts';
import { catalogs } from './catalog.ts';

test('money is shown in whole dram with spaces between thousands', () => {
  assert.equal(formatAmd(1234567), '1\u00a0234\u00a0567\u00a0֏');
  assert.equal(formatAmd(0), '0\u00a0֏');
  assert.equal(formatAmd(-5000), '−5\u00a0000\u00a0֏');
  assert.throws(() => formatAmd(10.5));
});

test('days are dd.mm.yyyy and instants are Yerevan time (UTC+4)', () => {
  assert.equal(formatDay('2026-01-07'), '07.01.2026');
  assert.equal(formatInstant('2026-12-31T21:30:00Z'), '01.01.2027 01:30');
  assert.equal(todayInYerevan(new Date('2026-06-30T20:30:00Z')), '2026-07-01');
});

test('every language has every message, none empty, with the same placeholders', () => {
  const hy = catalogs.hy;
  for (const locale of ['en', 'ru'] as const) {
    const other = catalogs[locale];
    assert.deepEqual(Object.keys(other).sort(), Object.keys(hy).sort(), `${locale} has the same keys as hy`);
    for (const [key, text] of Object.entries(other)) {
      assert.ok(text.trim(), `${locale}:${key} is not empty`);
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
      assert.equal(placeholders(text), placeholders(hy[key as keyof typeof hy]), `${locale}:${key} has the placeholders of hy`);
    }
  }
});

test('the translator fills placeholders and defaults to Armenian', () => {
  assert.equal(translator('en')('table.pageOf', { page: 2, pages: 5 }), 'Page 2 of 5');
  assert.equal(translator()('nav.signIn'), 'Մուտք');
});
