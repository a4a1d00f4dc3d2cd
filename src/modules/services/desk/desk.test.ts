// The front desk on both engines: an applicant found in the population register by PSN
// (and linked to their verified citizen account), a walk-in who is not in the register,
// bad input that writes nothing, the queue ticket link, and a service whose required
// scans are attached before the application is filed.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { installTestService, nextRegistrationNumber, TEST_SPEC } from '../services.testkit.ts';
import { browserAs, TINY_PNG } from '../portal/portal.testkit.ts';

const DESK = '/sisian/staff/desk';

async function world(t: Parameters<Parameters<typeof bothEngines>[1]>[0], engine: Parameters<Parameters<typeof bothEngines>[1]>[1]) {
  const env = await setup(t, engine);
  const { serviceId, tenant } = await installTestService(env.services, 'sisian');
  const operator = await browserAs(env, 'operator@sisian.example');
  // Only the cases this test makes (the demo may have its own).
  const before = (await tenant.selectFrom('cases').select('id').orderBy('id', 'desc').executeTakeFirst())?.id ?? 0;
  const cases = async () => tenant.selectFrom('cases').selectAll().where('id', '>', before).orderBy('id').execute();
  return { env, serviceId, tenant, operator, cases };
}

const caseIdOf = (location: unknown) => Number(/\/staff\/cases\/(\d+)\?/.exec(String(location))![1]);

bothEngines('desk: an applicant from the register is filed, registered and linked to their verified account', async (t, engine) => {
  const w = await world(t, engine);
  const resident = await w.tenant.selectFrom('residents').select(['public_service_number', 'last_name', 'first_name'])
    .where('public_service_number', 'is not', null).where('status', '=', 'registered').orderBy('id').executeTakeFirstOrThrow();
  const psn = resident.public_service_number!;
  const db = w.env.services.db.kysely;
  const ani = await db.selectFrom('users').select('id').where('email', '=', 'ani@citizen.example').executeTakeFirstOrThrow();
  await db.updateTable('users').set({ verified_psn: psn }).where('id', '=', ani.id).execute();

  const start = await w.operator.get(DESK);
  assert.equal(start.statusCode, 200);
  assert.match(start.body, /Test certificate/);
  const form = await w.operator.get(`${DESK}/new?service=${w.serviceId}&psn=${psn}`);
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes(resident.last_name) && form.body.includes(resident.first_name), 'the name comes from the register');
  assert.match(form.body, /verified citizen account/);
  assert.match(form.body, /name="f_purpose"/);
  // (The demo's certificates are register reads too: only the desk's count here.)
  const lookups = await db.selectFrom('audit_events').select('after_json').where('action', '=', 'resident.view').execute();
  assert.equal(lookups.filter((e) => JSON.parse(e.after_json ?? '{}').via === 'desk').length, 1, 'the register read is audited');

  const expectedNumber = await nextRegistrationNumber(w.tenant);
  const filed = await w.operator.post(`${DESK}/cases`, {
    service: String(w.serviceId), applicant_kind: 'person', applicant_name: `${resident.last_name} ${resident.first_name}`, applicant_psn: psn,
    applicant_email: '', applicant_phone: '+374 91 000001', applicant_locale: 'hy', f_purpose: 'For the bank',
  });
  assert.equal(filed.statusCode, 303);
  assert.match(String(filed.headers.location), /\?done=filed$/);
  const [c] = await w.cases();
  assert.equal(c!.state, 'registered');
  assert.equal(c!.reg_number, expectedNumber);
  assert.equal(c!.channel, 'office');
  assert.equal(c!.applicant_user_id, ani.id, 'the citizen sees the case online');
  assert.equal(c!.applicant_psn, psn);
  assert.equal(c!.applicant_phone, '+37491000001');
  const page = await w.operator.get(String(filed.headers.location));
  assert.match(page.body, /The application is filed and registered/);
  assert.match(page.body, /Linked: the applicant follows the case online/);

  assert.equal((await (await browserAs(w.env, 'specialist@sisian.example')).get(DESK)).statusCode, 403, 'specialists do not work the desk');
});

bothEngines('desk: a walk-in not in the register; bad input re-renders and writes nothing; the queue ticket is linked', async (t, engine) => {
  const w = await world(t, engine);
  const missing = await w.operator.get(`${DESK}/new?service=${w.serviceId}&psn=0000000001`);
  assert.equal(missing.statusCode, 200);
  assert.match(missing.body, /No one with this number is in the register/);
  const badStart = await w.operator.get(`${DESK}/new?service=${w.serviceId}&psn=12`);
  assert.equal(badStart.statusCode, 400);
  assert.match(badStart.body, /name="service"/);
  assert.equal((await w.operator.get(`${DESK}/new?service=999999`)).statusCode, 400, 'not a service of the office');

  const walkIn = { service: String(w.serviceId), applicant_kind: 'person', applicant_name: 'Գևորգ Գևորգյան', applicant_psn: '', applicant_email: '', applicant_phone: '', applicant_locale: 'en', f_purpose: 'Visa' };
  for (const bad of [{ applicant_psn: '123' }, { applicant_name: ' ' }, { f_purpose: '' }, { applicant_email: 'not-an-email' }, { applicant_locale: 'fr' }]) {
    const r = await w.operator.post(`${DESK}/cases`, { ...walkIn, ...bad });
    assert.equal(r.statusCode, 400, JSON.stringify(bad));
    assert.match(r.body, /error-summary/);
  }
  assert.equal((await w.cases()).length, 0, 'nothing was written');
  const refused = await w.operator.post(`${DESK}/cases`, { ...walkIn, applicant_psn: '123' });
  assert.match(refused.body, /value="Գևորգ Գևորգյան"/, 'the typed values come back');

  const now = new Date().toISOString();
  const ticket = await w.tenant.insertInto('queue_tickets', {
    settlement_id: null, group_code: 'certificates', day: todayInYerevan(), number: 7, label: 'Ա-007', status: 'serving', window_id: null,
    operator_user_id: w.operator.userId, issued_at: now, called_at: now, served_at: now, done_at: null, case_id: null,
  }).returning('id').executeTakeFirstOrThrow();
  const fromQueue = await w.operator.get(`${DESK}/new?ticket=${ticket.id}`);
  assert.equal(fromQueue.statusCode, 200);
  assert.match(fromQueue.body, /Serving ticket Ա-007/);
  assert.match(fromQueue.body, new RegExp(`name="ticket" value="${ticket.id}"`));
  const filed = await w.operator.post(`${DESK}/cases`, { ...walkIn, ticket: String(ticket.id) });
  assert.equal(filed.statusCode, 303);
  const id = caseIdOf(filed.headers.location);
  const c = (await w.cases())[0]!;
  assert.equal(c.id, id);
  assert.equal(c.applicant_user_id, null);
  assert.equal(c.applicant_psn, null);
  assert.equal(c.state, 'registered');
  const linked = await w.tenant.selectFrom('queue_tickets').select('case_id').where('id', '=', ticket.id).executeTakeFirstOrThrow();
  assert.equal(linked.case_id, id);
});

bothEngines('desk: a service with required scans starts as a draft, the scan is attached, then it is filed and registered', async (t, engine) => {
  const w = await world(t, engine);
  const spec = { ...TEST_SPEC, documents: [{ ...TEST_SPEC.documents[0]!, required: true }] };
  const { serviceId } = await installTestService(w.env.services, 'sisian', spec, 'scan-needed');
  const saved = await w.operator.post(`${DESK}/cases`, {
    service: String(serviceId), applicant_kind: 'person', applicant_name: 'Սոնա Սարգսյան', applicant_locale: 'hy', f_purpose: 'Notary',
  });
  assert.equal(saved.statusCode, 303);
  assert.match(String(saved.headers.location), /\?done=drafted$/);
  const id = caseIdOf(saved.headers.location);
  let c = (await w.cases())[0]!;
  assert.equal(c.state, 'draft');
  const page = await w.operator.get(`/sisian/staff/cases/${id}`);
  assert.match(page.body, new RegExp(`action="/sisian/staff/desk/cases/${id}/file"`));
  assert.match(page.body, /Missing: required/);

  const early = await w.operator.post(`${DESK}/cases/${id}/file`, { action: 'submit', version: String(c.version) });
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /Passport: Attach this document/);
  assert.equal((await w.cases())[0]!.state, 'draft');

  assert.equal((await w.operator.upload(`/sisian/staff/cases/${id}/attachments`, { document_key: 'passport' }, { filename: 'scan.png', type: 'image/png', data: TINY_PNG })).statusCode, 303);
  c = (await w.cases())[0]!;
  const filed = await w.operator.post(`${DESK}/cases/${id}/file`, { action: 'submit', version: String(c.version) });
  assert.equal(filed.statusCode, 303);
  c = (await w.cases())[0]!;
  assert.equal(c.state, 'registered');
  assert.ok(c.reg_number);
  assert.equal((await w.operator.post(`${DESK}/cases/${id}/file`, { action: 'submit', version: String(c.version) })).statusCode, 409, 'filed already');
});
