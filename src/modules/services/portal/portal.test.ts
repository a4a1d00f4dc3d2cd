// The citizen portal through HTTP on both engines: the guided application (draft, save,
// uploads, a refused and then a successful submission), nobody else sees the case, the
// applicant answers a request for more information, downloads the output document (which
// delivers the case), rates once after the decision, and lists their cases in every community.
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import { addNote, performAction, startCase } from '../cases/cases.service.ts';
import { attachFile } from '../cases/case-attachments.ts';
import { envAs, installTestService, TEST_SPEC } from '../services.testkit.ts';
import { browserAs, TINY_PNG } from './portal.testkit.ts';
import { registerPaymentResolver } from '../cases/payments.ts';
import type { ServiceSpec } from '../catalogue/spec.ts';

const ANI = 'ani@citizen.example';
const HAYK = 'hayk@citizen.example';

// One spec for every test of the file: the engine caches specs by version id for the life of
// the process, and each test's fresh database numbers its versions from 1 again.
const SPEC: ServiceSpec = {
  ...TEST_SPEC,
  documents: [{ ...TEST_SPEC.documents[0]!, required: true }],
  output: { template: 'permit', title: { hy: 'Թույլտվություն', en: 'Permit', ru: 'Разрешение' }, body: { hy: 'Նպատակը՝ {purpose}', en: 'Purpose: {purpose}', ru: 'Цель: {purpose}' } },
};

const caseIdOf = (location: unknown) => Number(/\/cases\/(\d+)/.exec(String(location))![1]);

/** A case ani applied for online (with the passport attached), registered by the operator. */
async function registeredCase(env: TestEnv, serviceId: number, formData: Record<string, unknown>) {
  const ani = await envAs(env.services, 'sisian', ANI);
  const applicant = { kind: 'person' as const, psn: '1234567890', name: 'Անի Բաղդասարյան', email: ANI, locale: 'en', userId: ani.actor.userId };
  const { caseId } = await startCase(ani, { serviceId, channel: 'online', applicant, formData });
  await attachFile(ani, caseId, { documentKey: 'passport', filename: 'passport.png', bytes: TINY_PNG });
  const submitted = await performAction(ani, caseId, 'submit', { expectedVersion: 1 });
  const operator = await envAs(env.services, 'sisian', 'operator@sisian.example');
  const registered = await performAction(operator, caseId, 'register', { expectedVersion: submitted.version });
  return { caseId, version: registered.version, applicant };
}

bothEngines('portal: a citizen applies online step by step; nobody else sees the case', async (t, engine) => {
  const env = await setup(t, engine);
  const { serviceId, tenant } = await installTestService(env.services, 'sisian', SPEC);
  const ani = await browserAs(env, ANI);
  const caseCount = async () => (await tenant.selectFrom('cases').select('id').execute()).length;
  const casesBefore = await caseCount(); // the demo has cases of its own

  const start = await ani.get(`/sisian/services/${serviceId}/apply`);
  assert.equal(start.statusCode, 200);
  assert.match(start.body, /value="Անի Բաղդասարյան"/, 'the name comes from the account');
  assert.match(start.body, /aria-current="step"/);

  const bad = await ani.post(`/sisian/services/${serviceId}/apply`, { applicant_kind: 'person', name: 'Անի Բաղդասարյան', psn: '123', email: ANI });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /A public service number is 10 digits/);
  assert.equal(await caseCount(), casesBefore, 'bad input writes nothing');

  const applied = await ani.post(`/sisian/services/${serviceId}/apply`, { applicant_kind: 'person', name: 'Անի Բաղդասարյան', psn: '1234567890', email: ANI });
  assert.equal(applied.statusCode, 303);
  const id = caseIdOf(applied.headers.location);
  assert.equal(applied.headers.location, `/sisian/cases/${id}/edit?step=details`);
  const draft = await tenant.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([draft.state, draft.channel, draft.applicant_user_id, draft.applicant_psn], ['draft', 'online', ani.userId, '1234567890']);

  const editor = await ani.get(`/sisian/cases/${id}/edit?step=details`);
  assert.equal(editor.statusCode, 200);
  assert.match(editor.body, /name="f_purpose"/);
  assert.match(editor.body, /Save draft/);

  // A value of the wrong type is refused and nothing is saved.
  const wrong = await ani.post(`/sisian/cases/${id}/draft`, { version: '1', step: 'details', go: 'save', f_purpose: '', f_area: 'abc' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Enter a number/);
  assert.equal((await tenant.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version, 1);

  const saved = await ani.post(`/sisian/cases/${id}/draft`, { version: '1', step: 'details', go: 'save', f_purpose: '', f_area: '12,5' });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `/sisian/cases/${id}/edit?step=details&done=saved`);
  const afterSave = await tenant.selectFrom('cases').select(['version', 'form_data']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([afterSave.version, JSON.parse(afterSave.form_data)], [2, { area: 12.5 }]);

  const stale = await ani.post(`/sisian/cases/${id}/draft`, { version: '1', step: 'details', go: 'save', f_purpose: 'x' });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /This case changed since you opened the page; here is the current state/);
  assert.match(stale.body, /value="12.5"/, 'the current values are shown');

  // Submitting without the required field and document names both.
  const early = await ani.post(`/sisian/cases/${id}/submit`, { version: '2' });
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /Purpose: Fill in this field/);
  assert.match(early.body, /Passport: Attach this document/);
  assert.equal((await tenant.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state, 'draft');

  const text = await ani.upload(`/sisian/cases/${id}/attachments`, { document_key: 'passport' }, { filename: 'passport.png', type: 'image/png', data: Buffer.from('just some text, not an image') });
  assert.equal(text.statusCode, 400);
  assert.match(text.body, /This type of file is not accepted/);
  assert.equal((await tenant.selectFrom('case_attachments').select('id').where('case_id', '=', id).execute()).length, 0);

  const png = await ani.upload(`/sisian/cases/${id}/attachments`, { document_key: 'passport' }, { filename: 'passport.png', type: 'image/png', data: TINY_PNG });
  assert.equal(png.statusCode, 303);
  assert.equal(png.headers.location, `/sisian/cases/${id}/edit?step=documents&done=uploaded`);
  const att = await tenant.selectFrom('case_attachments').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([att.document_key, att.public, att.mime], ['passport', 1, 'image/png']);
  const download = await ani.get(`/sisian/cases/${id}/attachments/${att.id}`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'image/png');
  assert.equal(download.headers['x-content-type-options'], 'nosniff');
  assert.ok(download.rawPayload.equals(TINY_PNG));

  const fixed = await ani.post(`/sisian/cases/${id}/draft`, { version: '2', step: 'details', go: 'continue', f_purpose: 'For the bank', f_area: '12.5' });
  assert.equal(fixed.headers.location, `/sisian/cases/${id}/edit?step=documents`);
  const review = await ani.get(`/sisian/cases/${id}/edit?step=review`);
  assert.match(review.body, /1\s?000/, 'the review shows the fee');
  assert.match(review.body, /Within 5 working days of registration/);
  const sent = await ani.post(`/sisian/cases/${id}/submit`, { version: '3' });
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, `/sisian/cases/${id}?done=submitted`);
  const submitted = await tenant.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([submitted.state, submitted.fee_amount, submitted.fee_status], ['submitted', 1000, 'due']);

  const page = await ani.get(`/sisian/cases/${id}`);
  assert.equal(page.statusCode, 200);
  // Not registered yet: no number to quote, so the page says when paying becomes possible.
  assert.equal(submitted.reg_number, null);
  assert.match(page.body, /You can pay once the application is registered: its registration number is the payment reference/);
  assert.doesNotMatch(page.body, /\(—\)/, 'never "the registration number (—)"');
  assert.doesNotMatch(page.body, /Pay online/, 'no payment connection: no Pay button');
  assert.match(page.body, /Application submitted/);
  assert.equal((await ani.get(`/sisian/cases/${id}/edit`)).statusCode, 303, 'a submitted case is no longer edited');

  // Nobody else sees it: another citizen, a staff member on the portal, another community's address.
  const hayk = await browserAs(env, HAYK);
  assert.equal((await hayk.get(`/sisian/cases/${id}`)).statusCode, 404);
  assert.equal((await hayk.get(`/sisian/cases/${id}/attachments/${att.id}`)).statusCode, 404);
  assert.equal((await hayk.post(`/sisian/cases/${id}/messages`, { body: 'hello' })).statusCode, 404);
  assert.equal((await hayk.post(`/sisian/cases/${id}/withdraw`, { version: String(submitted.version) })).statusCode, 404);
  assert.equal((await (await browserAs(env, 'specialist@sisian.example')).get(`/sisian/cases/${id}`)).statusCode, 404);
  assert.equal((await ani.get(`/jermuk/cases/${id}`)).statusCode, 404);
});

bothEngines('portal: the applicant answers a request for information, gets the document, rates once', async (t, engine) => {
  const env = await setup(t, engine);
  const { serviceId, tenant } = await installTestService(env.services, 'sisian', SPEC);
  const ani = await browserAs(env, ANI);
  const chief = await envAs(env.services, 'sisian', 'chief@sisian.example');
  const specialist = await envAs(env.services, 'sisian', 'specialist@sisian.example');
  const filed = await registeredCase(env, serviceId, { purpose: 'bank', area: 40 });
  let v = (await performAction(chief, filed.caseId, 'assign', { expectedVersion: filed.version, assigneeUserId: specialist.actor.userId! })).version;
  v = (await performAction(specialist, filed.caseId, 'request_info', { expectedVersion: v, fields: ['purpose'], documents: ['passport'], message: 'Name the bank, please' })).version;
  await addNote(specialist, filed.caseId, 'SECRET internal remark', { toApplicant: false });
  const base = `/sisian/cases/${filed.caseId}`;

  const page = await ani.get(base);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Name the bank, please/);
  assert.match(page.body, /Paused: waiting for you/);
  assert.match(page.body, /name="f_purpose"[^>]*value="bank"|value="bank"[^>]*name="f_purpose"/, 'the requested field, prefilled');
  assert.doesNotMatch(page.body, /name="f_area"/, 'only the requested fields');
  assert.match(page.body, /name="document_key" value="passport"/, 'an upload for the requested document');
  assert.doesNotMatch(page.body, /SECRET internal remark/, 'internal comments stay internal');
  assert.doesNotMatch(page.body, /Specialist|specialist@sisian/i, 'no staff names');

  assert.equal((await ani.post(`${base}/rating`, { rating: '5' })).statusCode, 409, 'no rating before the decision');
  const empty = await ani.post(`${base}/respond`, { version: String(v), f_purpose: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Fill in this field/);
  const stale = await ani.post(`${base}/respond`, { version: String(v - 1), f_purpose: 'Ameriabank' });
  assert.equal(stale.statusCode, 409);
  assert.equal((await tenant.selectFrom('cases').select('state').where('id', '=', filed.caseId).executeTakeFirstOrThrow()).state, 'info_requested');
  const uploaded = await ani.upload(`${base}/attachments`, { document_key: 'passport' }, { filename: 'p.png', type: 'image/png', data: TINY_PNG });
  assert.equal(uploaded.headers.location, `${base}?done=uploaded`);
  const answered = await ani.post(`${base}/respond`, { version: String(v), f_purpose: 'Ameriabank', f_area: '999', message: 'Here it is' });
  assert.equal(answered.statusCode, 303);
  const resumed = await tenant.selectFrom('cases').selectAll().where('id', '=', filed.caseId).executeTakeFirstOrThrow();
  assert.equal(resumed.state, 'in_review');
  assert.deepEqual(JSON.parse(resumed.form_data), { purpose: 'Ameriabank', area: 40 }, 'only the requested field changes');

  assert.equal((await ani.post(`${base}/messages`, { body: 'Thank you' })).statusCode, 303);
  const message = await tenant.selectFrom('case_events').selectAll().where('case_id', '=', filed.caseId).where('kind', '=', 'message').executeTakeFirstOrThrow();
  assert.deepEqual([message.public, message.body], [1, 'Thank you']);

  await performAction(specialist, filed.caseId, 'approve', { expectedVersion: resumed.version });
  const decided = await ani.get(base);
  const doc = await tenant.selectFrom('issued_documents').selectAll().where('case_id', '=', filed.caseId).executeTakeFirstOrThrow();
  assert.match(decided.body, new RegExp(doc.code));
  assert.match(decided.body, new RegExp(`${base}/documents/${doc.id}`));
  assert.equal((await browserAs(env, HAYK).then((h) => h.get(`${base}/documents/${doc.id}`))).statusCode, 404);
  const pdf = await ani.get(`${base}/documents/${doc.id}`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
  assert.equal((await tenant.selectFrom('cases').select('state').where('id', '=', filed.caseId).executeTakeFirstOrThrow()).state, 'delivered', 'downloading delivers online');

  assert.equal((await ani.post(`${base}/rating`, { rating: '6' })).statusCode, 400);
  const rated = await ani.post(`${base}/rating`, { rating: '4', comment: 'Quick' });
  assert.equal(rated.statusCode, 303);
  assert.equal((await ani.post(`${base}/rating`, { rating: '5' })).statusCode, 409, 'once');
  const final = await tenant.selectFrom('cases').select(['rating', 'rating_comment']).where('id', '=', filed.caseId).executeTakeFirstOrThrow();
  assert.deepEqual(final, { rating: 4, rating_comment: 'Quick' });
  assert.match((await ani.get(base)).body, /Your rating: 4 of 5/);
});

bothEngines('portal: my applications in every community; drafts apart; withdraw; the payment seam', async (t, engine) => {
  const env = await setup(t, engine);
  const sisian = await installTestService(env.services, 'sisian', SPEC);
  const jermuk = await installTestService(env.services, 'jermuk', SPEC);
  const ani = await browserAs(env, ANI);
  const aniIn = (slug: string) => envAs(env.services, slug, ANI);
  const { applicant, ...inSisian } = await registeredCase(env, sisian.serviceId, { purpose: 'bank' });
  const draft = await startCase(await aniIn('jermuk'), { serviceId: jermuk.serviceId, channel: 'online', applicant, formData: {} });
  const thrownAway = await startCase(await aniIn('jermuk'), { serviceId: jermuk.serviceId, channel: 'online', applicant, formData: {} });
  assert.equal((await ani.post(`/jermuk/cases/${thrownAway.caseId}/withdraw`, { version: '1' })).statusCode, 303);
  await startCase(await envAs(env.services, 'sisian', HAYK), { serviceId: sisian.serviceId, channel: 'online', applicant: { ...applicant, userId: (await browserAs(env, HAYK)).userId }, formData: {} });

  const list = await ani.get('/account/cases');
  assert.equal(list.statusCode, 200);
  const regNumber = (await sisian.tenant.selectFrom('cases').select('reg_number').where('id', '=', inSisian.caseId).executeTakeFirstOrThrow()).reg_number!;
  assert.match(list.body, new RegExp(`/sisian/cases/${inSisian.caseId}"`));
  assert.match(list.body, new RegExp(regNumber));
  assert.match(list.body, /Sisian/);
  assert.match(list.body, /Jermuk/);
  assert.match(list.body, new RegExp(`/jermuk/cases/${draft.caseId}/edit\\?step=details`), 'the draft is offered to continue');
  assert.doesNotMatch(list.body, new RegExp(`/jermuk/cases/${thrownAway.caseId}`), 'a discarded draft is not listed');
  assert.equal((list.body.match(/\/cases\/\d+/g) ?? []).length, 2, "only ani's cases");
  // On a phone each application is a block of labelled lines: status, deadline and "Continue" stay on screen.
  assert.equal((list.body.match(/<table class="table table-stack"/g) ?? []).length, 2, 'both lists stack on narrow screens');
  for (const label of ['Status', 'Deadline', 'Action']) assert.match(list.body, new RegExp(`<span class="cell-label" aria-hidden="true">${label}</span>`));
  assert.equal((await env.app.inject({ method: 'GET', url: '/account/cases' })).statusCode, 303, 'sign in first');

  // An empty message comes back with the error summary naming and linking the field.
  const empty = await ani.post(`/sisian/cases/${inSisian.caseId}/messages`, { body: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#field-body">Message: [^<]+<\/a>/);

  // With a payment connection the case page offers to pay; paying starts at the provider.
  const started: unknown[] = [];
  registerPaymentResolver(() => ({ startPayment: async (ref, amount, back) => (started.push([ref, amount, back]), { redirectUrl: 'https://bank.example/pay/1' }) }));
  t.after(() => registerPaymentResolver(null));
  const base = `/sisian/cases/${inSisian.caseId}`;
  assert.match((await ani.get(base)).body, /Pay online/);
  const pay = await ani.post(`${base}/pay`);
  assert.equal(pay.headers.location, 'https://bank.example/pay/1');
  assert.deepEqual((started[0] as unknown[]).slice(0, 2), [regNumber, 1000]);
  registerPaymentResolver(null);
  assert.equal((await ani.post(`${base}/pay`)).statusCode, 404, 'no connection, no payment route');

  const version = (await sisian.tenant.selectFrom('cases').select('version').where('id', '=', inSisian.caseId).executeTakeFirstOrThrow()).version;
  const withdrawn = await ani.post(`${base}/withdraw`, { version: String(version), reason: 'No longer needed' });
  assert.equal(withdrawn.statusCode, 303);
  assert.equal((await sisian.tenant.selectFrom('cases').select('state').where('id', '=', inSisian.caseId).executeTakeFirstOrThrow()).state, 'withdrawn');
  assert.equal((await ani.post(`${base}/withdraw`, { version: String(version + 1) })).statusCode, 409, 'not twice');
});

bothEngines('portal: a registered case with a fee due quotes its number as the payment reference', async (t, engine) => {
  const env = await setup(t, engine);
  // The demo's fees are random and relative to seeding time, so the test makes its own case owe one.
  const c = await env.services.db.kysely.selectFrom('cases').innerJoin('users', 'users.id', 'cases.applicant_user_id')
    .select(['cases.id', 'cases.reg_number']).where('users.email', '=', HAYK).where('cases.state', '=', 'registered')
    .where('cases.reg_number', 'is not', null).orderBy('cases.id').executeTakeFirstOrThrow();
  await env.services.db.kysely.updateTable('cases').set({ fee_amount: 1000, fee_status: 'due' }).where('id', '=', c.id).execute();
  const page = await (await browserAs(env, HAYK)).get(`/sisian/cases/${c.id}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(`quoting the registration number (${c.reg_number})`), 'the number to quote is on the page');
});
