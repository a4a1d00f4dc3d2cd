// One name per language for what people meet on every page: the public service number is
// "ՀԾՀ" (Armenian), "public service number" (English, never the made-up "PSN") and "номер
// социальной карты" (Russian, as Armenian offices write it; never "соцкарта" or "соц. услуг").
import test from 'node:test';
import assert from 'node:assert/strict';
import { MODULES } from '../src/modules/index.ts';
import { platformMessages } from '../src/platform/i18n/catalog.ts';

const OTHER_NAMES = {
  en: [/\bPSN\b/, /social card/i],
  ru: [/соцкарт/i, /соц\.\s*услуг/i, /общественных услуг/i],
  hy: [/սոցիալական քարտ/i],
} as const;

test('the public service number has one name per language in every message', () => {
  const catalogues = [...platformMessages, ...MODULES.flatMap((m) => m.messages ?? [])];
  const found: string[] = [];
  for (const c of catalogues) {
    for (const [locale, patterns] of Object.entries(OTHER_NAMES) as [keyof typeof OTHER_NAMES, readonly RegExp[]][]) {
      for (const [key, text] of Object.entries(c[locale] as Record<string, string>)) {
        if (patterns.some((p) => p.test(text))) found.push(`${locale} ${key}: ${text}`);
      }
    }
  }
  assert.deepEqual(found, []);
  const ru = catalogues.flatMap((c) => Object.values(c.ru as Record<string, string>)).filter((s) => /социальной карты/.test(s));
  assert.ok(ru.length >= 5, 'the Russian messages do name it');
});
