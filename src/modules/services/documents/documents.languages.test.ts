import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { printable } from '../../../platform/pdf/fonts.ts';
import { missingGlyphs, pdfText } from '../../../platform/pdf/pdf-text.testkit.ts';
import { servicesDocumentsMessages } from './documents.messages.ts';
import { documentBytes, issueOutputDocument } from './documents.service.ts';
import { communityOf, makeCase, registeredResident, specFor } from './documents.testkit.ts';

test('every text a document prints, in all three languages, has a glyph in the PDF fonts', () => {
  for (const [locale, messages] of Object.entries(servicesDocumentsMessages)) {
    for (const [key, text] of Object.entries(messages)) assert.ok(printable(text), `${locale} ${key}: "${text}"`);
  }
});

/** What each language's household certificate must say, beside the register's own (Armenian) names. */
const EXPECTED = {
  hy: ['Սիսիան համայնք', 'Տեղեկանք ընտանիքի կազմի մասին', 'Դիմում № ', 'Ղեկավար', 'Ստուգման կոդ', 'Համայնքի ղեկավար'],
  en: ['Sisian community', 'Certificate of household composition', 'Application No. ', 'Head', 'Verification code', 'Community head'],
  ru: ['Община Сисиан', 'Справка о составе семьи', 'Заявление № ', 'Глава', 'Код проверки', 'Глава общины'],
} as const;

bothEngines('documents: a certificate is printed in the applicant\'s language, every glyph real, "№" as written', async (t, engine) => {
  const { services } = await setup(t, engine);
  const { community, tenant } = await communityOf(services, 'sisian');
  const resident = await registeredResident(tenant);
  const spec = specFor('household_certificate', {
    title: { hy: 'Տեղեկանք ընտանիքի կազմի մասին', en: 'Certificate of household composition', ru: 'Справка о составе семьи' },
  });
  for (const [locale, expected] of Object.entries(EXPECTED)) {
    const caseRow = await makeCase(tenant, spec, { psn: resident.public_service_number, name: 'x' }, { locale });
    const issued = await tenant.transaction((tx) => issueOutputDocument(tx, services, { community, caseRow, spec, decision: 'approved' }));
    const bytes = (await documentBytes(tenant, services.config.filesDir, issued!.documentId))!.bytes;
    const text = pdfText(bytes).join('');
    for (const words of [...expected, resident.last_name, caseRow.reg_number!]) assert.ok(text.includes(words), `the ${locale} certificate says "${words}" (got: ${text.slice(0, 300)})`);
    assert.equal(missingGlyphs(bytes), 0, `no missing-glyph boxes in the ${locale} certificate`);
    assert.ok(!text.includes('\ufffd'), 'every glyph maps back to text');
    const lang = /\/Lang \(([a-z]+)\)/.exec(bytes.toString('latin1'))?.[1];
    assert.equal(lang, locale, 'the PDF declares its language for screen readers');
    const row = await tenant.selectFrom('issued_documents').select(['title', 'issuer_name']).where('id', '=', issued!.documentId).executeTakeFirstOrThrow();
    assert.equal(row.title, expected[1], '/verify shows the title as printed');
  }
});
