// The staff case pages on both engines: the forms each role sees, the whole workflow
// through the pages (register → assign → request information → a stale click → reject),
// settlement scope, the inbox views computed from due dates, uploads and downloads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { assertAccessible, startServer } from '../../../../e2e/browser.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { fileCase, performAction } from './cases.service.ts';
import { envAs, installTestService, nextRegistrationNumber } from '../services.testkit.ts';
import { inboxDates, listInbox } from './cases.queries.ts';
import { browserAs, TINY_PNG } from '../portal/portal.testkit.ts';

const applicant = { kind: 'person' as const, psn: '1234567890', name: 'Անի Պետրոսյան', email: 'ani@citizen.example', locale: 'en' };
const BASE = '/sisian/staff/cases';

async function world(t: Parameters<Parameters<typeof bothEngines>[1]>[0], engine: Parameters<Parameters<typeof bothEngines>[1]>[1]) {
  const env = await setup(t, engine);
  const { serviceId, tenant } = await installTestService(env.services, 'sisian');
  const operator = await envAs(env.services, 'sisian', 'operator@sisian.example');
  const file = async (more: { register?: boolean; name?: string; settlementId?: number | null } = {}) =>
    (await fileCase(operator, { serviceId, channel: 'office', applicant: { ...applicant, name: more.name ?? applicant.name }, formData: { purpose: 'bank' }, settlementId: more.settlementId ?? null }, { register: more.register ?? false })).caseId;
  const row = (id: number) => tenant.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { env, serviceId, tenant, operator, file, row };
}

const actionsIn = (html: string) => [...html.matchAll(/name="action" value="([a-z_0-9]+)"/g)].map((m) => m[1]);

bothEngines('case page: each role sees its own action forms; register, assign, request info, a stale click, reject', async (t, engine) => {
  const w = await world(t, engine);
  const id = await w.file();
  const specialist = await browserAs(w.env, 'specialist@sisian.example');
  const operator = await browserAs(w.env, 'operator@sisian.example');
  const chief = await browserAs(w.env, 'chief@sisian.example');

  const seen = await specialist.get(`${BASE}/${id}`);
  assert.equal(seen.statusCode, 200);
  assert.deepEqual(actionsIn(seen.body), [], 'a specialist has nothing to do on a case awaiting registration');
  assert.match(seen.body, /You have no actions on this case/);
  assert.match(seen.body, /1234567890/, 'the applicant’s PSN is shown');
  const views = await w.tenant.selectFrom('case_events').select('id').where('case_id', '=', id).execute();
  assert.ok(views.length > 0);
  const audit = await w.env.services.db.kysely.selectFrom('audit_events').select('action').where('entity_type', '=', 'case').where('entity_id', '=', String(id)).execute();
  assert.ok(audit.some((a) => a.action === 'case.view'), 'viewing the case (with the PSN) is audited');

  const atDesk = await operator.get(`${BASE}/${id}`);
  assert.ok(actionsIn(atDesk.body).includes('register'));
  let c = await w.row(id);
  const expectedNumber = await nextRegistrationNumber(w.tenant);
  const registered = await operator.post(`${BASE}/${id}/act`, { action: 'register', version: String(c.version) });
  assert.equal(registered.statusCode, 303);
  assert.equal(registered.headers.location, `${BASE}/${id}?done=register`);
  c = await w.row(id);
  assert.equal(c.reg_number, expectedNumber);
  assert.match(expectedNumber, /^\d{4}\/\d{6}$/);
  assert.match((await operator.get(registered.headers.location as string)).body, /Done: Register/);

  const chiefPage = await chief.get(`${BASE}/${id}`);
  assert.ok(actionsIn(chiefPage.body).includes('assign'));
  const assigned = await chief.post(`${BASE}/${id}/act`, { action: 'assign', version: String(c.version), 'assign-assignee': String(specialist.userId), 'assign-department': 'Certificates' });
  assert.equal(assigned.statusCode, 303);
  c = await w.row(id);
  assert.equal(c.assignee_user_id, specialist.userId);
  assert.equal(c.state, 'in_review');

  const review = await specialist.get(`${BASE}/${id}`);
  const mine = actionsIn(review.body);
  assert.ok(mine.includes('request_info') && mine.includes('approve') && mine.includes('reject'), mine.join());
  assert.ok(!mine.includes('register'), 'no register form for a specialist');
  const asked = await specialist.post(`${BASE}/${id}/act`, { action: 'request_info', version: String(c.version), 'request_info-fields': ['purpose'], 'request_info-message': 'Name the bank' });
  assert.equal(asked.statusCode, 303);
  c = await w.row(id);
  assert.equal(c.state, 'info_requested');
  assert.deepEqual(JSON.parse(c.info_request!).fields, ['purpose']);
  const paused = await specialist.get(`${BASE}/${id}`);
  assert.match(paused.body, /The clock is paused since/);
  assert.match(paused.body, /Requested: Purpose/);

  // Someone acts on the version they saw before the request for information.
  const stale = await specialist.post(`${BASE}/${id}/act`, { action: 'resume', version: String(c.version - 1) });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else changed this case/);
  assert.match(stale.body, /Below is the case as it is now/);
  const after = await w.row(id);
  assert.equal(after.version, c.version, 'a stale click changes nothing');
  assert.equal(after.state, 'info_requested');

  assert.equal((await specialist.post(`${BASE}/${id}/act`, { action: 'resume', version: String(c.version) })).statusCode, 303);
  c = await w.row(id);
  const noReason = await specialist.post(`${BASE}/${id}/act`, { action: 'reject', version: String(c.version), 'reject-reason': '  ' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /id="field-reject-reason"/);
  assert.match(noReason.body, /Fill in this field/);
  assert.equal((await w.row(id)).state, 'in_review', 'a refused rejection writes nothing');
  assert.equal((await specialist.post(`${BASE}/${id}/act`, { action: 'approve', version: 'x' })).statusCode, 400, 'a malformed version');
  assert.equal((await specialist.post(`${BASE}/${id}/act`, { action: 'nope', version: String(c.version) })).statusCode, 400, 'an unknown action');
  const rejected = await specialist.post(`${BASE}/${id}/act`, { action: 'reject', version: String(c.version), 'reject-reason': 'Not a resident' });
  assert.equal(rejected.statusCode, 303);
  c = await w.row(id);
  assert.equal(c.state, 'rejected');
  assert.equal(c.decision_reason, 'Not a resident');
  const history = (await specialist.get(`${BASE}/${id}`)).body;
  for (const e of ['Registered', 'Assigned', 'To: Անահիտ Մկրտչյան', 'More information requested', 'Rejected', 'Not a resident']) assert.ok(history.includes(e), e);
});

bothEngines('case page: settlement heads see their settlement’s cases only; comments, messages and the fee', async (t, engine) => {
  const w = await world(t, engine);
  const angeghakot = (await w.tenant.selectFrom('settlements').select('id').where('name_en', '=', 'Angeghakot').executeTakeFirstOrThrow()).id;
  const central = await w.file({ register: true });
  const local = await w.file({ register: true, settlementId: angeghakot, name: 'Գյուղացի Գևորգյան' });
  const head = await browserAs(w.env, 'angeghakot@sisian.example');
  assert.equal((await head.get(`${BASE}/${central}`)).statusCode, 404, 'a central-office case is not theirs');
  assert.equal((await head.post(`${BASE}/${central}/notes`, { body: 'x' })).statusCode, 404);
  assert.equal((await head.get(`${BASE}/${local}`)).statusCode, 200);
  const list = (await head.get(`${BASE}?view=open&service=${w.serviceId}`)).body;
  assert.ok(list.includes('Գյուղացի Գևորգյան') && !list.includes(applicant.name), 'the inbox is limited to the settlement');
  assert.equal((await (await browserAs(w.env, 'specialist@jermuk.example')).get(`/jermuk/staff/cases/${central}`)).statusCode, 404, 'another community');

  const operator = await browserAs(w.env, 'operator@sisian.example');
  assert.equal((await operator.post(`${BASE}/${central}/notes`, { body: '' })).statusCode, 400);
  assert.equal((await operator.post(`${BASE}/${central}/notes`, { body: 'Checked the passport' })).headers.location, `${BASE}/${central}?done=note`);
  assert.equal((await operator.post(`${BASE}/${central}/notes`, { body: 'Come on Monday', to_applicant: '1' })).headers.location, `${BASE}/${central}?done=message`);
  const events = await w.tenant.selectFrom('case_events').select(['kind', 'public']).where('case_id', '=', central).execute();
  assert.ok(events.some((e) => e.kind === 'comment' && e.public === 0) && events.some((e) => e.kind === 'message' && e.public === 1));
  assert.match((await operator.get(`${BASE}/${central}`)).body, /Internal/);

  const c = await w.row(central);
  assert.equal(c.fee_status, 'due');
  assert.equal((await operator.post(`${BASE}/${central}/fee`, { status: 'stolen', version: String(c.version) })).statusCode, 400);
  assert.equal((await operator.post(`${BASE}/${central}/fee`, { status: 'paid', version: String(c.version) })).statusCode, 303);
  assert.equal((await w.row(central)).fee_status, 'paid');
});

bothEngines('inbox: overdue, at-risk, open, closed and mine views from due dates; search; the JSON API', async (t, engine) => {
  const w = await world(t, engine);
  const today = todayInYerevan();
  const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const late = await w.file({ register: true, name: 'Ուշացած Ուշացյան' });
  const soon = await w.file({ register: true, name: 'Շտապ Շտապյան' });
  const calm = await w.file({ register: true, name: 'Հանգիստ Հանգստյան' });
  const paused = await w.file({ register: true, name: 'Սպասող Սպասյան' });
  const closed = await w.file({ register: true, name: 'Փակված Փակյան' });
  await w.tenant.updateTable('cases').set({ due_date: shift(-3) }).where('id', '=', late).execute();
  await w.tenant.updateTable('cases').set({ due_date: today }).where('id', '=', soon).execute();
  await w.tenant.updateTable('cases').set({ due_date: shift(30) }).where('id', '=', calm).execute();
  await w.tenant.updateTable('cases').set({ due_date: shift(-3), state: 'info_requested', paused_at: new Date().toISOString() }).where('id', '=', paused).execute();
  await w.tenant.updateTable('cases').set({ state: 'rejected', due_date: shift(-3) }).where('id', '=', closed).execute();
  const specialist = await browserAs(w.env, 'specialist@sisian.example');
  const chief = await envAs(w.env.services, 'sisian', 'chief@sisian.example');
  await performAction(chief, calm, 'assign', { expectedVersion: (await w.row(calm)).version, assigneeUserId: specialist.userId });

  const names = async (view: string) => {
    const body = (await specialist.get(`${BASE}?view=${view}&service=${w.serviceId}`)).body;
    return ['Ուշացած', 'Շտապ', 'Հանգիստ', 'Սպասող', 'Փակված'].filter((n) => body.includes(n));
  };
  assert.deepEqual(await names('overdue'), ['Ուշացած']);
  assert.deepEqual(await names('at_risk'), ['Շտապ']);
  assert.deepEqual(await names('open'), ['Ուշացած', 'Շտապ', 'Հանգիստ', 'Սպասող']);
  assert.deepEqual(await names('closed'), ['Փակված']);
  assert.deepEqual(await names('mine'), ['Հանգիստ']);
  assert.deepEqual(await names('unassigned'), ['Ուշացած', 'Շտապ']);
  const overdue = (await specialist.get(`${BASE}?view=overdue&service=${w.serviceId}`)).body;
  const counts = ((await specialist.get('/api/v1/communities/sisian/cases')).json() as { counts: Record<string, number> }).counts;
  assert.ok(counts.overdue! >= 1 && counts.at_risk! >= 1);
  assert.ok(overdue.includes(`Overdue (${counts.overdue})`) && overdue.includes(`Due soon (${counts.at_risk})`), 'each tab shows its count');
  assert.match(overdue, /Overdue: cases in the list — 1/, 'the list’s own total follows the filters');
  assert.match(overdue, /<strong class="tag tag-red">Overdue<\/strong>/, 'the marker is words, not colour alone');
  assert.match((await specialist.get(`${BASE}?view=open&service=${w.serviceId}`)).body, /Clock paused/);

  const submitted = await w.file({ name: 'Նոր Նորյան' });
  const order = (await specialist.get(`${BASE}?view=open&service=${w.serviceId}`)).body;
  const at = (n: string) => order.indexOf(n);
  assert.ok(at('Ուշացած') < at('Սպասող') && at('Սպասող') < at('Շտապ') && at('Շտապ') < at('Հանգիստ') && at('Հանգիստ') < at('Նոր Նորյան'), 'soonest deadline first, none last');
  assert.ok(submitted > 0);

  const number = (await w.row(calm)).reg_number!;
  const found = (await specialist.get(`${BASE}?view=all&q=${encodeURIComponent(number)}`)).body;
  assert.ok(found.includes('Հանգիստ') && !found.includes('Շտապ'), 'by registration number');
  const byName = (await specialist.get(`${BASE}?view=all&q=${encodeURIComponent('շտապ')}`)).body;
  assert.ok(byName.includes('Շտապ') && !byName.includes('Հանգիստ'), 'by name, whatever the case of the letters');
  const bad = await specialist.get(`${BASE}?view=nonsense&page=-4&service=x`);
  assert.equal(bad.statusCode, 400, 'bad filters are refused, each named');
  for (const name of ['view', 'page', 'service']) assert.match(bad.body, new RegExp(`<code>${name}</code>`));
  assert.equal((await specialist.get(`/api/v1/communities/sisian/cases?q=${encodeURIComponent('%%\u0000<script>')}`)).statusCode, 200, 'control characters are dropped (PostgreSQL refuses NUL)');

  const api = await specialist.get(`/api/v1/communities/sisian/cases?view=overdue&service=${w.serviceId}`);
  assert.equal(api.statusCode, 200);
  const json = api.json() as { total: number; counts: Record<string, number>; items: { id: number; overdue: boolean; service: string }[] };
  assert.equal(json.total, 1);
  assert.equal(json.items[0]!.id, late);
  assert.equal(json.items[0]!.overdue, true);
  assert.equal(json.items[0]!.service, 'Test certificate');
  assert.equal((await (await browserAs(w.env, 'council@sisian.example')).get(BASE)).statusCode, 403, 'a council member does not see cases');

  // Pages of the deadline order merge the states' lists: 60 more open cases, two pages, no gaps.
  const template = await w.row(calm);
  const { id: _id, community_id: _community, ...copy } = template;
  void _id;
  void _community;
  // Registration numbers past the last one given (the demo has registered cases this year too).
  const firstFree = Number((await nextRegistrationNumber(w.tenant)).split('/')[1]);
  for (let i = 0; i < 60; i++) {
    await w.tenant.insertInto('cases', { ...copy, reg_seq: firstFree + i, reg_number: `x/${i}`, state: i % 2 ? 'registered' : 'in_review', due_date: shift(i % 17), assignee_user_id: null } as never).execute();
  }
  const dates = await inboxDates(w.env.services.db.kysely);
  const listed = [];
  for (const page of [1, 2, 3]) listed.push(...(await listInbox(w.tenant, null, { view: 'open', page, userId: null, serviceId: w.serviceId }, dates)).items);
  const expected = await w.tenant.selectFrom('cases').select(['id', 'due_date']).where('service_id', '=', w.serviceId)
    .where('state', 'in', ['submitted', 'registered', 'in_review', 'info_requested', 'approved']).execute();
  const key = (r: { due_date: string | null; id: number }) => `${r.due_date ?? '9999-12-31'}:${String(r.id).padStart(9, '0')}`;
  assert.deepEqual(listed.map((r) => r.id), expected.sort((a, b) => key(a).localeCompare(key(b))).map((r) => r.id));
});

bothEngines('attachments: a PNG scan is attached as a document and downloaded; a text file is refused in words', async (t, engine) => {
  const w = await world(t, engine);
  const id = await w.file({ register: true });
  const operator = await browserAs(w.env, 'operator@sisian.example');
  const ok = await operator.upload(`${BASE}/${id}/attachments`, { document_key: 'passport' }, { filename: 'passport.png', type: 'image/png', data: TINY_PNG });
  assert.equal(ok.statusCode, 303);
  const a = await w.tenant.selectFrom('case_attachments').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(a.document_key, 'passport');
  assert.equal(a.mime, 'image/png');
  const page = (await operator.get(`${BASE}/${id}`)).body;
  assert.ok(page.includes(`${BASE}/${id}/attachments/${a.id}`));
  const file = await operator.get(`${BASE}/${id}/attachments/${a.id}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.equal(file.headers['x-content-type-options'], 'nosniff');
  assert.match(String(file.headers['content-disposition']), /attachment; filename="passport.png"/);
  assert.deepEqual(file.rawPayload, TINY_PNG);

  const before = await w.tenant.selectFrom('case_attachments').select('id').execute();
  const text = await operator.upload(`${BASE}/${id}/attachments`, { document_key: 'passport' }, { filename: 'passport.png', type: 'image/png', data: Buffer.from('just some text, not an image') });
  assert.equal(text.statusCode, 400);
  assert.match(text.body, /This type of file is not accepted/);
  const none = await operator.upload(`${BASE}/${id}/attachments`, { document_key: 'passport' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Choose a file/);
  assert.equal((await w.tenant.selectFrom('case_attachments').select('id').execute()).length, before.length, 'nothing stored');
});

test('the inbox, the case page with its forms and errors, and the desk pass axe in every language; actions work without JavaScript', async (t) => {
  const server = await startServer(t);
  const { serviceId } = await installTestService(server.services, 'sisian');
  const operator = await envAs(server.services, 'sisian', 'operator@sisian.example');
  const chiefEnv = await envAs(server.services, 'sisian', 'chief@sisian.example');
  const filed = await fileCase(operator, { serviceId, channel: 'office', applicant, formData: { purpose: 'bank' } }, { register: true });
  await performAction(chiefEnv, filed.caseId, 'assign', { expectedVersion: filed.version, assigneeUserId: chiefEnv.actor.userId! });
  const session = await signInAs(server.services, 'chief@sisian.example');
  const [name, value] = session.cookie.split('=') as [string, string];
  const contextFor = async (lang: string, javaScriptEnabled: boolean) => {
    const context = await server.browser.newContext({ baseURL: server.base, javaScriptEnabled });
    await context.addCookies([{ name, value, url: server.base }, { name: 'mmis_lang', value: lang, url: server.base }]);
    context.setDefaultTimeout(10_000);
    return context;
  };
  const casePath = `${BASE}/${filed.caseId}`;
  for (const lang of ['en', 'hy', 'ru']) {
    const context = await contextFor(lang, true);
    const page = await context.newPage();
    for (const [url, what] of [[`${BASE}?view=open`, 'inbox'], [casePath, 'case page'], ['/sisian/staff/desk', 'desk'], [`/sisian/staff/desk/new?service=${serviceId}&psn=0000000001`, 'desk form']]) {
      const res = await page.goto(url!);
      assert.equal(res?.status(), 200, `${what} (${lang})`);
      await assertAccessible(page, `${what} (${lang})`);
    }
    await page.goto(casePath);
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/act"]:has(input[value="reject"]) button').click()]);
    assert.match(await page.locator('.error-summary').innerText(), /\S/);
    await assertAccessible(page, `case page with a refused rejection (${lang})`);
    await context.close();
  }
  // Without JavaScript: filter the inbox and ask for more information through the forms.
  const context = await contextFor('en', false);
  const page = await context.newPage();
  await page.goto(BASE);
  await page.getByLabel('Service').selectOption({ label: 'Test certificate' });
  await page.getByLabel('State').selectOption('in_review');
  await Promise.all([page.waitForURL(/state=in_review/), page.getByRole('button', { name: 'Show' }).click()]);
  await Promise.all([page.waitForURL(/\/staff\/cases\/\d+$/), page.locator('table a').first().click()]);
  await page.getByLabel('Purpose').check();
  await page.getByLabel('What needs to be done').fill('Name the bank');
  await Promise.all([page.waitForURL(/done=request_info/), page.getByRole('button', { name: 'Request more information' }).click()]);
  assert.match(await page.locator('.notice').first().innerText(), /Done: Request more information/);
  await context.close();
});

bothEngines('isolation: another community’s case and attachment ids answer 404 on every case route and change nothing', async (t, engine) => {
  const w = await world(t, engine);
  const mine = await w.file({ register: true });
  const jermuk = await installTestService(w.env.services, 'jermuk');
  const { id: _id, community_id: _c, ...copy } = await w.row(mine);
  void _id;
  void _c;
  const otherNumber = await nextRegistrationNumber(jermuk.tenant); // Jermuk's demo cases hold the first numbers
  const other = await jermuk.tenant.insertInto('cases', {
    ...copy, service_id: jermuk.serviceId, service_version_id: jermuk.versionId, reg_number: otherNumber, reg_seq: Number(otherNumber.split('/')[1]),
  } as never).returning('id').executeTakeFirstOrThrow();
  const file = await jermuk.tenant.insertInto('case_attachments', {
    case_id: other.id, document_key: null, sha256: 'a'.repeat(64), filename: 'x.png', mime: 'image/png', size: 1, public: 0, uploaded_by_user_id: null, uploaded_at: new Date().toISOString(),
  }).returning('id').executeTakeFirstOrThrow();
  const snapshot = async () => JSON.stringify([
    await jermuk.tenant.selectFrom('cases').selectAll().execute(), await jermuk.tenant.selectFrom('case_events').selectAll().execute(),
    await jermuk.tenant.selectFrom('case_attachments').selectAll().execute(),
  ]);
  const before = await snapshot();
  const chief = await browserAs(w.env, 'chief@sisian.example');
  const c = String(other.id);
  const answers = [
    await chief.get(`${BASE}/${c}`),
    await chief.get(`${BASE}/${c}/attachments/${file.id}`),
    await chief.get(`${BASE}/${mine}/attachments/${file.id}`),
    await chief.post(`${BASE}/${c}/act`, { action: 'assign', version: '1', 'assign-assignee': String(chief.userId) }),
    await chief.post(`${BASE}/${c}/notes`, { body: 'x' }),
    await chief.post(`${BASE}/${c}/fee`, { status: 'paid', version: '1' }),
    await chief.upload(`${BASE}/${c}/attachments`, {}, { filename: 'a.png', type: 'image/png', data: TINY_PNG }),
    await chief.post(`/sisian/staff/desk/cases/${c}/file`, { action: 'submit', version: '1' }),
  ];
  assert.deepEqual(answers.map((r) => r.statusCode), answers.map(() => 404));
  assert.equal(await snapshot(), before);
  const list = (await chief.get(`${BASE}?view=all&service=${jermuk.serviceId}`)).body;
  assert.ok(!list.includes(`${BASE}/${c}"`), 'the inbox does not list it');
});
