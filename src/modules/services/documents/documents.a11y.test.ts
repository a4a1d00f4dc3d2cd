// The /verify pages and the staff document page in a real browser: zero axe violations in
// every language, and the code form and the revoke form work with JavaScript off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAs } from '../../../../test/session.ts';
import { assertAccessible, startServer } from '../../../../e2e/browser.ts';
import { issueOutputDocument } from './documents.service.ts';
import { communityOf, makeCase, registeredResident, specFor } from './documents.testkit.ts';

test('document pages pass axe; /verify and revocation work without JavaScript', async (t) => {
  const server = await startServer(t);
  const { community, tenant } = await communityOf(server.services, 'sisian');
  const resident = await registeredResident(tenant);
  const spec = specFor('residence_certificate');
  const caseRow = await makeCase(tenant, spec, { psn: resident.public_service_number, name: 'x' });
  const { documentId, code } = (await tenant.transaction((tx) => issueOutputDocument(tx, server.services, { community, caseRow, spec, decision: 'approved' })))!;
  const session = await signInAs(server.services, 'chief@sisian.example');
  const [name, value] = session.cookie.split('=') as [string, string];
  const contextFor = async (lang: string, javaScriptEnabled: boolean, signedIn: boolean) => {
    const context = await server.browser.newContext({ baseURL: server.base, javaScriptEnabled });
    await context.addCookies([{ name: 'mmis_lang', value: lang, url: server.base }, ...(signedIn ? [{ name, value, url: server.base }] : [])]);
    return context;
  };
  const staffPage = `/sisian/staff/documents/${documentId}`;

  for (const lang of ['hy', 'en', 'ru']) {
    const context = await contextFor(lang, true, true);
    const page = await context.newPage();
    const checks: [string, number, string][] = [
      ['/verify', 200, 'code form'],
      ['/verify?code=abc', 400, 'code form with an error'],
      [`/verify/${code}`, 200, 'a valid document'],
      ['/verify/ZZZZZ-ZZZZZ', 404, 'an unknown code'],
      [staffPage, 200, 'staff document page'],
    ];
    for (const [url, status, what] of checks) {
      assert.equal((await page.goto(url))?.status(), status, `${what} (${lang})`);
      await assertAccessible(page, `${what} (${lang})`);
    }
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/revoke"] button').click()]);
    assert.equal(page.url(), `${server.base}${staffPage}/revoke`);
    await assertAccessible(page, `revoke form with an error (${lang})`);
    await context.close();
  }

  // JavaScript off: type a code from the paper, then revoke as the chief of staff.
  const visitor = await contextFor('en', false, false);
  const page = await visitor.newPage();
  await page.goto('/verify');
  await page.getByLabel('Code').fill(` ${code.toLowerCase().replace('-', ' ')} `);
  await Promise.all([page.waitForURL(`**/verify/${code}`), page.getByRole('button', { name: 'Verify' }).click()]);
  assert.match(await page.locator('main').innerText(), /Valid/);
  await visitor.close();

  const staff = await contextFor('en', false, true);
  const sp = await staff.newPage();
  await sp.goto(staffPage);
  await sp.getByLabel('Reason for revocation').fill('Issued with a wrong address');
  // The case page belongs to the case engine; the revoke answers with a redirect to it.
  const [response] = await Promise.all([sp.waitForResponse((r) => r.url().endsWith('/revoke')), sp.getByRole('button', { name: 'Revoke' }).click()]);
  assert.equal(response.status(), 303);
  assert.equal(response.headers().location, `/sisian/staff/cases/${caseRow.id}`);
  await sp.goto(`/verify/${code}`);
  assert.match(await sp.locator('main').innerText(), /Revoked/);
  await staff.close();
});
