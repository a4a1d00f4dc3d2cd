// The services journey in a real browser: a citizen applies online for a certificate of
// residence in Sisian → the operator registers it → the specialist takes it and asks for a
// fix naming one field → the citizen sees exactly that field, fixes it and answers → the
// specialist approves → the citizen downloads the certificate and opens its /verify page,
// then rates the service. Every page visited must pass axe with zero violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { unscoped } from '../src/platform/db/tenant.ts';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import type { Services } from '../src/platform/module/contract.ts';
import { installTemplates } from '../src/modules/services/catalogue/catalogue.service.ts';
import { TINY_PNG } from '../src/modules/services/portal/portal.testkit.ts';
import { DEMO_PASSWORD, assertAccessible, englishContext, signIn, startServer, visit, type Server } from './browser.ts';

const CITIZEN = 'ani@citizen.example';

/** The residence certificate service of Sisian (installed from its template when the demo has not). */
async function residenceService(services: Services): Promise<{ communityId: number; serviceId: number }> {
  const db = services.db.kysely;
  const community = await db.selectFrom('communities').select('id').where('slug', '=', 'sisian').executeTakeFirstOrThrow();
  const find = () => db.selectFrom('service_definitions').select('id').where('community_id', '=', community.id).where('template_code', '=', 'residence-certificate').executeTakeFirst();
  if (!(await find())) await db.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, community.id, ['residence-certificate']));
  return { communityId: community.id, serviceId: (await find())!.id };
}

/** The certificate is filled from the population register: the citizen's account must be linked to a resident. */
async function linkToRegister(services: Services, communityId: number): Promise<void> {
  const users = unscoped(services.db.kysely, 'the journey links the demo citizen to a Sisian resident, as the desk would');
  const user = await users.selectFrom('users').select(['id', 'verified_psn']).where('email', '=', CITIZEN).executeTakeFirstOrThrow();
  const registered = user.verified_psn
    ? await services.db.kysely.selectFrom('residents').select('id').where('community_id', '=', communityId).where('public_service_number', '=', user.verified_psn).executeTakeFirst()
    : undefined;
  if (registered) return;
  const resident = await services.db.kysely.selectFrom('residents').select('public_service_number')
    .where('community_id', '=', communityId).where('status', '=', 'registered').where('public_service_number', 'is not', null).where('address_id', 'is not', null)
    .orderBy('id').executeTakeFirstOrThrow();
  await users.updateTable('users').set({ verified_psn: resident.public_service_number }).where('id', '=', user.id).execute();
}

async function click(page: Page, name: RegExp, role: 'button' | 'link' = 'button'): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole(role, { name }).first().click()]);
  await page.waitForLoadState('load');
}

async function caseState(server: Server, caseId: number): Promise<string> {
  return (await server.services.db.kysely.selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirstOrThrow()).state;
}

/** A staff member's browser, signed in. */
async function staff(server: Server, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await englishContext(server);
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return { context, page };
}

test('services journey: apply online → register → fix requested → approve → download and verify', async (t) => {
  const server = await startServer(t);
  const { communityId, serviceId } = await residenceService(server.services);
  await linkToRegister(server.services, communityId);

  // The citizen applies online.
  const citizenContext = await englishContext(server);
  const citizen = await citizenContext.newPage();
  await signIn(citizen, CITIZEN, DEMO_PASSWORD);
  await visit(citizen, `/sisian/services/${serviceId}`, 'the public page of the residence certificate');
  await click(citizen, /apply online/i);
  assert.match(new URL(citizen.url()).pathname, new RegExp(`/sisian/services/${serviceId}/apply$`));
  await assertAccessible(citizen, 'apply: step 1, applicant');
  await click(citizen, /^continue$/i);
  const caseId = Number(/\/sisian\/cases\/(\d+)\/edit/.exec(citizen.url())?.[1]);
  assert.ok(caseId > 0, `the draft editor opens (${citizen.url()})`);
  await assertAccessible(citizen, 'apply: step 2, details');
  await citizen.getByLabel(/where it will be presented/i).fill('School');
  await click(citizen, /^continue$/i);
  await assertAccessible(citizen, 'apply: step 3, documents');
  await citizen.getByLabel(/choose a file: copy of passport/i).setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: TINY_PNG });
  await click(citizen, /^upload\W+copy of passport/i);
  assert.match(await citizen.locator('main').innerText(), /File attached/);
  await assertAccessible(citizen, 'apply: documents after an upload');
  await click(citizen, /^continue$/i);
  await assertAccessible(citizen, 'apply: step 4, review');
  await click(citizen, /submit application/i);
  assert.equal(new URL(citizen.url()).pathname, `/sisian/cases/${caseId}`);
  await assertAccessible(citizen, 'the case page after submission');
  assert.equal(await caseState(server, caseId), 'submitted');
  await visit(citizen, '/account/cases', 'my applications');

  // The operator registers it on the staff case page.
  const operator = await staff(server, 'operator@sisian.example');
  await visit(operator.page, `/sisian/staff/cases/${caseId}`, 'the staff case page (operator)');
  await click(operator.page, /^register$/i);
  await assertAccessible(operator.page, 'the staff case page after registering');
  assert.equal(await caseState(server, caseId), 'registered');

  // The specialist takes it and asks for a fix of one field.
  const specialist = await staff(server, 'specialist@sisian.example');
  await visit(specialist.page, `/sisian/staff/cases/${caseId}`, 'the staff case page (specialist)');
  await click(specialist.page, /assign to me/i);
  await assertAccessible(specialist.page, 'the staff case page after assigning');
  const request = specialist.page.locator('form:has(input[name="action"][value="request_info"])');
  await request.getByRole('checkbox', { name: /where it will be presented/i }).check();
  await request.getByLabel(/what needs to be done/i).fill('Please name the school exactly.');
  await Promise.all([specialist.page.waitForLoadState('load'), request.getByRole('button', { name: /request more information/i }).click()]);
  await specialist.page.waitForLoadState('load');
  await assertAccessible(specialist.page, 'the staff case page after requesting information');
  assert.equal(await caseState(server, caseId), 'info_requested');

  // The citizen sees exactly that field, fixes it and answers.
  await visit(citizen, `/sisian/cases/${caseId}`, 'the case page with a request for information');
  assert.match(await citizen.locator('main').innerText(), /Please name the school exactly\./);
  const inputs = await citizen.locator('form[action$="/respond"] [name^="f_"]').evaluateAll((els) => els.map((e) => e.getAttribute('name')));
  assert.deepEqual(inputs, ['f_present_to'], 'only the field the specialist named');
  await citizen.getByLabel(/where it will be presented/i).fill('Sisian school no. 1');
  await click(citizen, /send the answer/i);
  await assertAccessible(citizen, 'the case page after answering');
  assert.equal(await caseState(server, caseId), 'in_review');

  // The specialist approves: the certificate is issued.
  await visit(specialist.page, `/sisian/staff/cases/${caseId}`, 'the staff case page after the answer');
  await click(specialist.page, /^approve$/i);
  await assertAccessible(specialist.page, 'the staff case page after approving');
  assert.equal(await caseState(server, caseId), 'approved');

  // The citizen downloads the certificate (the online delivery) and checks it on /verify.
  await visit(citizen, `/sisian/cases/${caseId}`, 'the case page after approval');
  const link = citizen.getByRole('link', { name: /download \(pdf\)/i }).first();
  const pdf = await citizenContext.request.get(new URL((await link.getAttribute('href'))!, server.base).toString());
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
  assert.equal(await caseState(server, caseId), 'delivered', 'downloading the certificate delivers it');
  const code = (await citizen.locator('.document-code').first().innerText()).trim();
  assert.match(code, /^[0-9A-Z]{5}-?[0-9A-Z]{5}$/);
  await visit(citizen, `/verify/${code}`, 'the /verify page of the certificate');
  assert.match(await citizen.locator('main').innerText(), /\bValid\b/);

  // And rates the service.
  await visit(citizen, `/sisian/cases/${caseId}`, 'the delivered case page');
  await citizen.getByLabel(/5 — very satisfied/).check();
  await click(citizen, /send rating/i);
  assert.match(await citizen.locator('main').innerText(), /Your rating: 5 of 5/);
  await assertAccessible(citizen, 'the case page after rating');

  for (const c of [citizenContext, operator.context, specialist.context]) await c.close();
});
