import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmd, formatDay, formatInstant, formatNumber, todayInYerevan, translator, LOCALES } from './index.ts';
import { catalogs } from './catalog.ts';
import { pluralBlocks, pluralCategories } from './plural.ts';
import '../../modules/index.ts';

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

test('numbers follow one rule: no-break spaces between thousands, a decimal comma in hy and ru', () => {
  const nb = (s: string) => s.replace(/ /g, '\u00a0');
  assert.equal(formatNumber(4.25, 'hy', { decimals: 1 }), '4,3');
  assert.equal(formatNumber(4.25, 'ru', { decimals: 1 }), '4,3');
  assert.equal(formatNumber(4.25, 'en', { decimals: 1 }), '4.3');
  for (const locale of LOCALES) {
    assert.equal(formatNumber(1234, locale), nb('1 234'), `${locale}: four digits are grouped too (Intl leaves them alone in hy)`);
    assert.equal(formatNumber(1234567, locale), nb('1 234 567'), `${locale}: never commas between thousands`);
    assert.equal(formatNumber(-5000, locale), nb('−5 000'));
    assert.equal(formatNumber(2.9, locale, { decimals: 0 }), '3', 'whole numbers unless decimals are asked for');
  }
  assert.equal(formatNumber(7, 'hy', { decimals: 1, minDecimals: 1 }), '7,0');
  assert.equal(formatNumber(1234.5, 'en', { decimals: 1 }), nb('1 234.5'));
  assert.equal(formatAmd(1234), nb('1 234 ֏'), 'money and numbers group alike');
});

test('plurals follow each language\'s CLDR rules', () => {
  const ru = translator('ru');
  const en = translator('en');
  const forms = (tr: typeof ru, ns: number[]) => ns.map((n) => tr('notify.nav.unread', { count: n }));
  assert.deepEqual(forms(ru, [1, 2, 5, 21, 1234]), [
    'Уведомления (1 непрочитанное)', 'Уведомления (2 непрочитанных)', 'Уведомления (5 непрочитанных)', 'Уведомления (21 непрочитанное)', 'Уведомления (1\u00a0234 непрочитанных)',
  ]);
  assert.deepEqual(forms(en, [1, 3]), ['Notices (1 unread)', 'Notices (3 unread)']);
  assert.equal(en('services.performance.rating', { average: '4.5', count: 1 }), '4.5 / 5 (1 rating)');
  assert.equal(en('services.performance.rating', { average: '4.5', count: 2 }), '4.5 / 5 (2 ratings)');
  assert.equal(ru('services.performance.rating', { average: '4,5', count: 3 }), '4,5 / 5 (3 оценки)');
});

test('every plural message gives exactly its language\'s categories', () => {
  let seen = 0;
  for (const locale of LOCALES) {
    const wanted = pluralCategories(locale);
    for (const [key, text] of Object.entries(catalogs[locale])) {
      for (const block of pluralBlocks(text)) {
        seen++;
        assert.deepEqual(Object.keys(block.forms).sort(), wanted, `${locale}:${key} gives the forms ${wanted.join(', ')}`);
      }
    }
  }
  assert.ok(seen >= 10, `plural messages are in use (${seen})`);
});

test('every language has every message, none empty, with the same placeholders', () => {
  const hy = catalogs.hy;
  for (const locale of ['en', 'ru'] as const) {
    const other = catalogs[locale];
    assert.deepEqual(Object.keys(other).sort(), Object.keys(hy).sort(), `${locale} has the same keys as hy`);
    for (const [key, text] of Object.entries(other)) {
      assert.ok(text.trim(), `${locale}:${key} is not empty`);
      const placeholders = (s: string) => {
        // A plural block counts as its number's placeholder plus the placeholders in its forms.
        let flat = s;
        for (const b of pluralBlocks(s).reverse()) flat = `${flat.slice(0, b.start)}{${b.param}}${[...new Set(Object.values(b.forms).join(' ').match(/\{\w+\}/g) ?? [])].join('')}${flat.slice(b.end)}`;
        return [...new Set(flat.match(/\{\w+\}/g) ?? [])].sort().join();
      };
      assert.equal(placeholders(text), placeholders(hy[key as keyof typeof hy]), `${locale}:${key} has the placeholders of hy`);
    }
  }
});

test('the translator fills placeholders and defaults to Armenian', () => {
  assert.equal(translator('en')('table.pageOf', { page: 2, pages: 5 }), 'Page 2 of 5');
  assert.equal(translator()('nav.signIn'), 'Մուտք');
});
