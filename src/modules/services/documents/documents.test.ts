import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formatDay } from '../../../platform/i18n/index.ts';
import { readStoredFile } from '../../../platform/files/store.ts';
import { pdfText } from '../../../platform/pdf/pdf-text.testkit.ts';
import { newDocumentCode, normalizeDocumentCode } from './documents.code.ts';
import { documentBytes, issueOutputDocument } from './documents.service.ts';
import { communityOf, makeCase, registeredResident, specFor, userId } from './documents.testkit.ts';

const CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

test('document codes: Crockford base32, XXXXX-XXXXX, typed back in any case and spacing', () => {
  const codes = new Set(Array.from({ length: 2000 }, () => newDocumentCode()));
  assert.equal(codes.size, 2000);
  for (const c of codes) assert.match(c, CODE);
  assert.equal(normalizeDocumentCode('7kq2m x9d4t'), '7KQ2M-X9D4T');
  assert.equal(normalizeDocumentCode(' 7KQ2MX9D4T '), '7KQ2M-X9D4T');
  assert.equal(normalizeDocumentCode('7kq2m–x9d4t'), '7KQ2M-X9D4T', 'an en dash from a word processor');
  assert.equal(normalizeDocumentCode('OIL00-12345'), '01100-12345', 'O reads as zero, I and L as one');
  for (const bad of ['', '7KQ2M-X9D4', '7KQ2M-X9D4TT', '7KQ2M-X9D4U', '../../etc', 'ԱԲԳԴԵ-ԶԷԸԹԺ']) assert.equal(normalizeDocumentCode(bad), null, bad);
});

bothEngines('documents: a residence certificate from the register, stored, attached to the case, on its timeline and audited', async (t, engine) => {
  const env = await setup(t, engine);
  const { services } = env;
  const { community, tenant } = await communityOf(services, 'sisian');
  const resident = await registeredResident(tenant);
  const chief: AuditActor = { userId: await userId(services, 'chief@sisian.example'), label: 'Սամվել Հակոբյան', ip: null, requestId: null };
  const spec = specFor('residence_certificate', { title: { hy: 'Տեղեկանք բնակության վայրի մասին', en: '', ru: '' } });
  const caseRow = await makeCase(tenant, spec, { psn: resident.public_service_number, name: 'Ով էլ որ լինի' });

  const issued = await tenant.transaction((tx) => issueOutputDocument(tx, services, { community, caseRow, spec, decision: 'approved', actor: chief }));
  assert.ok(issued);
  assert.match(issued.code, CODE);

  const doc = await tenant.selectFrom('issued_documents').selectAll().where('id', '=', issued.documentId).executeTakeFirstOrThrow();
  assert.equal(doc.status, 'valid');
  assert.equal(doc.kind, 'residence_certificate');
  assert.equal(doc.case_id, caseRow.id);
  assert.equal(doc.subject, `${resident.first_name} ${resident.last_name}`, 'the subject is the name only');
  assert.equal(doc.issuer_name, 'Սամվել Հակոբյան, Աշխատակազմի քարտուղար', 'the deciding officer signs, with their position');

  const attachment = await tenant.selectFrom('case_attachments').selectAll().where('case_id', '=', caseRow.id).executeTakeFirstOrThrow();
  assert.deepEqual(
    { filename: attachment.filename, mime: attachment.mime, public: attachment.public, sha256: attachment.sha256, key: attachment.document_key },
    { filename: `certificate-${caseRow.reg_number!.replace('/', '-')}.pdf`, mime: 'application/pdf', public: 1, sha256: doc.sha256, key: null },
  );
  const event = await tenant.selectFrom('case_events').selectAll().where('case_id', '=', caseRow.id).executeTakeFirstOrThrow();
  assert.deepEqual([event.kind, event.public, event.actor_user_id], ['document_issued', 1, chief.userId]);
  // The demo has issued documents of its own: only the audit events about this case's documents count.
  const audit = (await services.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'services.document.issue').execute())
    .filter((a) => (JSON.parse(a.after_json ?? '{}') as { caseId?: number }).caseId === caseRow.id);
  assert.deepEqual(audit.map((a) => [a.community_id, a.entity_id]), [[community.id, String(doc.id)]]);
  assert.ok(await services.db.kysely.selectFrom('stored_files').select('sha256').where('sha256', '=', doc.sha256).executeTakeFirst());

  // The PDF says what the register says, in Armenian, with the code and the issuer.
  const bytes = await readStoredFile(services.config.filesDir, doc.sha256);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(bytes).join('');
  const fullName = [resident.last_name, resident.first_name, resident.patronymic].filter(Boolean).join(' ');
  for (const expected of ['Սիսիան համայնք', 'Տեղեկանք բնակության վայրի մասին', fullName, resident.public_service_number!, formatDay(resident.birth_date), issued.code, 'Սամվել Հակոբյան', `${services.config.publicUrl}/verify`]) {
    assert.ok(text.includes(expected), `the certificate says "${expected}"`);
  }

  // documentBytes: the same bytes for this community, nothing for another.
  const file = await documentBytes(tenant, services.config.filesDir, doc.id);
  assert.deepEqual(file && { bytes: file.bytes.equals(bytes), filename: file.filename, caseId: file.caseId }, { bytes: true, filename: attachment.filename, caseId: caseRow.id });
  assert.equal(await documentBytes((await communityOf(services, 'jermuk')).tenant, services.config.filesDir, doc.id), null);
});

bothEngines('documents: household composition, permit from the form, rejection letter, none, and an applicant not in the register', async (t, engine) => {
  const { services } = await setup(t, engine);
  const { community, tenant } = await communityOf(services, 'sisian');
  const resident = await registeredResident(tenant);
  const issue = async (spec: ReturnType<typeof specFor>, caseRow: Awaited<ReturnType<typeof makeCase>>, decision: 'approved' | 'rejected' = 'approved') =>
    tenant.transaction((tx) => issueOutputDocument(tx, services, { community, caseRow, spec, decision }));
  const textOf = async (documentId: number) => pdfText((await documentBytes(tenant, services.config.filesDir, documentId))!.bytes).join('\n');

  // Household: every registered member, relationships in Armenian.
  const household = specFor('household_certificate');
  const hh = await issue(household, await makeCase(tenant, household, { psn: resident.public_service_number, name: 'x' }));
  const members = await tenant.selectFrom('residents').select(['id', 'first_name', 'last_name', 'relationship']).where('household_id', '=', resident.household_id).where('status', '=', 'registered').execute();
  const hhText = await textOf(hh!.documentId);
  for (const m of members) assert.ok(hhText.includes(m.last_name) && hhText.includes(m.first_name), `member ${m.first_name} is listed`);
  // Each member printed is a read of their record: one view each, naming the document (they see it on "who viewed my record").
  const views = (await services.db.kysely.selectFrom('audit_events').select(['entity_id', 'after_json']).where('action', '=', 'resident.view').execute())
    .filter((e) => JSON.stringify(JSON.parse(e.after_json ?? '{}')) === JSON.stringify({ via: 'certificate', objectId: hh!.documentId }));
  assert.deepEqual(views.map((v) => Number(v.entity_id)).sort((a, b) => a - b), members.map((m) => m.id).sort((a, b) => a - b));
  assert.ok(hhText.includes('Ղեկավար'), 'the head of household, in Armenian');
  const signedBy = await tenant.selectFrom('issued_documents').select('issuer_name').where('id', '=', hh!.documentId).executeTakeFirstOrThrow();
  assert.equal(signedBy.issuer_name, 'Արամ Պետրոսյան, Համայնքի ղեկավար', 'without a deciding officer, the community head signs');

  // Permit: the body's placeholders filled from the form (option labels, dates), unknown ones left as written.
  const permit = specFor('permit', {
    title: { hy: 'Թույլտվություն ալկոհոլի վաճառքի', en: '', ru: '' },
    body: { hy: 'Թույլատրվում է {shop_kind}ում ({area} մ²) վաճառել ալկոհոլային խմիչքներ {opens_on}-ից։ Դիմող՝ {applicant_name}։ {not_a_field}', en: '', ru: '' },
  });
  const permitCase = await makeCase(tenant, permit, { psn: null, name: 'Սիսիան Գինի ՍՊԸ', kind: 'organization', taxId: '09876543' }, { form: { shop_kind: 'shop', area: 120, opens_on: '2026-04-01' } });
  const p = await issue(permit, permitCase);
  const permitText = await textOf(p!.documentId);
  for (const expected of ['Թույլտվություն ալկոհոլի վաճառքի', 'Խանութ', '120', '01.04.2026', 'Սիսիան Գինի ՍՊԸ', '09876543', '{not_a_field}', permitCase.reg_number!]) {
    assert.ok(permitText.includes(expected), `the permit says "${expected}"`);
  }
  assert.equal((await tenant.selectFrom('issued_documents').select('subject').where('id', '=', p!.documentId).executeTakeFirstOrThrow()).subject, 'Սիսիան Գինի ՍՊԸ');

  // A rejection always yields a decision letter with the reason, whatever the template.
  const none = specFor('none');
  const rejected = await issue(none, await makeCase(tenant, none, { psn: null, name: 'Հայկ Դավթյան' }, { decision: 'rejected', reason: 'Ներկայացված փաստաթղթերը թերի են' }), 'rejected');
  const letter = await tenant.selectFrom('issued_documents').select(['kind', 'title']).where('id', '=', rejected!.documentId).executeTakeFirstOrThrow();
  assert.deepEqual(letter, { kind: 'decision_letter', title: 'Գրություն որոշման մասին' });
  const letterText = await textOf(rejected!.documentId);
  assert.ok(letterText.includes('Ներկայացված փաստաթղթերը թերի են') && letterText.includes('Հայկ Դավթյան'));

  // Approved with template none: no document, nothing written.
  const count = async () => Number((await tenant.selectFrom('issued_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const before = await count();
  assert.equal(await issue(none, await makeCase(tenant, none, { psn: null, name: 'x' })), null);
  assert.equal(await count(), before);

  // A certificate for someone the register does not have: a clear refusal, and nothing half-written.
  const residence = specFor('residence_certificate');
  const stranger = await makeCase(tenant, residence, { psn: '0000000001', name: 'Անհայտ Մարդ' });
  const files = await services.db.kysely.selectFrom('stored_files').select('sha256').execute();
  for (const caseRow of [stranger, await makeCase(tenant, residence, { psn: null, name: 'Առանց ՀԾՀ' })]) {
    const err = await issue(residence, caseRow).then(() => null, (e: unknown) => e);
    assert.ok(err instanceof AppError);
    assert.deepEqual([err.status, err.code, err.messageKey], [409, 'not_in_register', 'services.documents.error.notInRegister']);
    assert.equal(await tenant.selectFrom('case_attachments').select('id').where('case_id', '=', caseRow.id).executeTakeFirst(), undefined);
  }
  assert.equal(await count(), before);
  assert.equal((await services.db.kysely.selectFrom('stored_files').select('sha256').execute()).length, files.length);
});
