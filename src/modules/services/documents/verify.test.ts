import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { formatDay, todayInYerevan } from '../../../platform/i18n/index.ts';
import { issueOutputDocument } from './documents.service.ts';
import { communityOf, getAs, makeCase, postAs, registeredResident, specFor } from './documents.testkit.ts';

/** A residence certificate of a Sisian resident, issued as the community head would. */
async function issuedCertificate(env: TestEnv) {
  const { community, tenant } = await communityOf(env.services, 'sisian');
  const resident = await registeredResident(tenant);
  const spec = specFor('residence_certificate');
  const caseRow = await makeCase(tenant, spec, { psn: resident.public_service_number, name: `${resident.first_name} ${resident.last_name}` });
  const issued = await tenant.transaction((tx) => issueOutputDocument(tx, env.services, { community, caseRow, spec, decision: 'approved' }));
  return { ...issued!, resident, caseRow, tenant };
}

bothEngines('/verify: anyone checks a code and sees only the printed facts; unknown codes are a friendly 404', async (t, engine) => {
  const env = await setup(t, engine);
  const { code, resident } = await issuedCertificate(env);
  const name = `${resident.first_name} ${resident.last_name}`;
  const today = formatDay(todayInYerevan());

  const page = await getAs(env, null, `/verify/${code}`);
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['x-robots-tag'], 'noindex');
  for (const expected of [code, name, 'Սիսիան համայնք', 'Տեղեկանք բնակության վայրի մասին', 'Վավեր է', today]) assert.ok(page.body.includes(expected), `shows ${expected}`);
  // Nothing more than the facts: no PSN, no birth date, no address, no patronymic, no case number.
  for (const secret of [resident.public_service_number!, formatDay(resident.birth_date), resident.birth_date]) assert.ok(!page.body.includes(secret), `does not show ${secret}`);
  if (resident.patronymic) assert.ok(!page.body.includes(resident.patronymic), 'no patronymic');
  assert.ok(!page.body.includes('2026/9'), 'no case number');

  // Codes are case-insensitive and forgive missing dashes and spaces.
  for (const typed of [code.toLowerCase(), code.replace('-', ''), encodeURIComponent(` ${code.slice(0, 5)} ${code.slice(6)} `)]) {
    const r = await getAs(env, null, `/verify/${typed}`);
    assert.equal(r.statusCode, 200, typed);
    assert.ok(r.body.includes(name));
  }

  // The code form for people typing from paper.
  assert.equal((await getAs(env, null, '/verify')).statusCode, 200);
  const typed = await getAs(env, null, `/verify?code=${code.toLowerCase().replace('-', '+')}`);
  assert.deepEqual([typed.statusCode, typed.headers.location], [303, `/verify/${code}`]);
  const badForm = await getAs(env, null, '/verify?code=12');
  assert.equal(badForm.statusCode, 400);
  assert.ok(badForm.body.includes('Կոդը 10 նշան է'));

  // Unknown or impossible codes: a page that says so, with status 404.
  for (const unknown of ['ZZZZZ-ZZZZZ', 'not-a-code', '%2E%2E%2F%2E%2E%2Fetc']) {
    const r = await getAs(env, null, `/verify/${unknown}`);
    assert.equal(r.statusCode, 404, unknown);
    assert.ok(r.body.includes('Կոդը հայտնի չէ'));
  }
  assert.ok((await getAs(env, null, '/verify/ZZZZZ-ZZZZZ', 'en')).body.includes('Code not known'));

  // The API answers the same facts, in the reader's language for the issuer.
  const api = await getAs(env, null, `/api/v1/verify/${code.toLowerCase()}`, 'en');
  assert.equal(api.statusCode, 200);
  assert.deepEqual(api.json(), {
    valid: true, status: 'valid', code, issuer: 'Sisian community', issuedOn: todayInYerevan(), revokedOn: null,
    kind: 'residence_certificate', title: 'Ալկոհոլային խմիչքների վաճառքի թույլտվություն', subject: name,
  });
  const missing = await getAs(env, null, '/api/v1/verify/ZZZZZ-ZZZZZ');
  assert.equal(missing.statusCode, 404);
  assert.equal((missing.json() as { error: { code: string } }).error.code, 'not_found');
});

bothEngines('documents: staff see and download a document, heads and chiefs revoke it, /verify then says revoked', async (t, engine) => {
  const env = await setup(t, engine);
  const { documentId, code, caseRow } = await issuedCertificate(env);
  const base = `/sisian/staff/documents/${documentId}`;

  const page = await getAs(env, 'specialist@sisian.example', base);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(code) && page.body.includes(`${base}/pdf`));
  assert.ok(!page.body.includes(`${base}/revoke`), 'a specialist may not revoke, so no form');
  const pdf = await getAs(env, 'specialist@sisian.example', `${base}/pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.headers['content-disposition'], `attachment; filename="certificate-${caseRow.reg_number!.replace('/', '-')}.pdf"`);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const downloads = await env.services.db.kysely.selectFrom('audit_events').select('entity_id').where('action', '=', 'services.document.download').execute();
  assert.deepEqual(downloads, [{ entity_id: String(documentId) }], 'a staff download of personal data is audited');

  // Another community's staff: the id does not exist for them.
  for (const url of [`/jermuk/staff/documents/${documentId}`, `/jermuk/staff/documents/${documentId}/pdf`]) {
    assert.equal((await getAs(env, 'head@jermuk.example', url)).statusCode, 404, url);
  }
  assert.equal((await postAs(env, 'head@jermuk.example', `/jermuk/staff/documents/${documentId}/revoke`, { reason: 'x' })).statusCode, 404);
  // Sisian staff who may not see cases or revoke.
  assert.equal((await getAs(env, 'council@sisian.example', base)).statusCode, 403);
  assert.equal((await postAs(env, 'operator@sisian.example', `${base}/revoke`, { reason: 'Սխալ' })).statusCode, 403);

  // Revoking needs a reason; without one nothing changes.
  const empty = await postAs(env, 'chief@sisian.example', `${base}/revoke`, { reason: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.ok(empty.body.includes('error-summary'));
  assert.equal((await getAs(env, null, `/api/v1/verify/${code}`)).json().valid, true);

  const done = await postAs(env, 'chief@sisian.example', `${base}/revoke`, { reason: 'Տրվել է սխալ հասցեով' });
  assert.deepEqual([done.statusCode, done.headers.location], [303, `/sisian/staff/cases/${caseRow.id}`]);
  const api = (await getAs(env, null, `/api/v1/verify/${code}`)).json() as { valid: boolean; status: string; revokedOn: string };
  assert.deepEqual([api.valid, api.status, api.revokedOn], [false, 'revoked', todayInYerevan()]);
  const verify = await getAs(env, null, `/verify/${code}`);
  assert.equal(verify.statusCode, 200);
  assert.ok(verify.body.includes('Չեղարկված է') && verify.body.includes('Չեղարկման ամսաթիվ'));
  assert.ok(!verify.body.includes('Տրվել է սխալ հասցեով'), 'the reason stays internal');
  const audit = await env.services.db.kysely.selectFrom('audit_events').select(['entity_id', 'after_json']).where('action', '=', 'services.document.revoke').execute();
  assert.equal(audit.length, 1);
  assert.ok(audit[0]!.after_json?.includes('Տրվել է սխալ հասցեով'));

  // Revoked is final: a second attempt is refused on the page, and the page shows no form.
  const again = await postAs(env, 'head@sisian.example', `${base}/revoke`, { reason: 'Կրկին' });
  assert.equal(again.statusCode, 400);
  assert.ok(again.body.includes('արդեն չեղարկված'));
  assert.ok(!(await getAs(env, 'chief@sisian.example', base)).body.includes(`${base}/revoke`));
});
