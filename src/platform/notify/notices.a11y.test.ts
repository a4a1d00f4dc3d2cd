// The notices page in a real browser: zero axe violations in every language, and marking
// notices read works with JavaScript off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, contextsFor, startServer } from '../../../e2e/browser.ts';
import { signInAs } from '../../../test/session.ts';
import { TenantDb } from '../db/tenant.ts';
import { noticeStaffWithRole } from './notices.ts';

test('notices page passes axe and marks notices read without JavaScript', async (t) => {
  const server = await startServer(t);
  const { services } = server;
  const db = services.db.kysely;
  const sisian = await db.selectFrom('communities').select('id').where('slug', '=', 'sisian').executeTakeFirstOrThrow();
  await db.transaction().execute(async (tx) => {
    const scoped = new TenantDb(tx, sisian.id);
    for (const [error, link] of [['E1', '/staff/audit'], ['E2', null], ['E3', null]] as const) {
      await noticeStaffWithRole(scoped, 'chief_of_staff', { key: 'notify.notice.deliveryFailed', params: { channel: { message: 'notify.channel.email' }, recipient: 'a@b.am', error }, link });
    }
  });
  const contextFor = contextsFor(server, (await signInAs(services, 'chief@sisian.example')).cookie);

  for (const lang of ['en', 'hy', 'ru']) {
    const context = await contextFor(lang, true);
    const page = await context.newPage();
    assert.equal((await page.goto('/sisian/staff/notices'))?.status(), 200);
    await assertAccessible(page, `notices (${lang})`);
    await context.close();
  }

  const context = await contextFor('en', false);
  const page = await context.newPage();
  await page.goto('/sisian/staff/notices');
  assert.equal(await page.getByRole('link', { name: 'Notices (3 unread)' }).count(), 1);
  await Promise.all([page.waitForURL(/done=read/), page.getByRole('button', { name: /^Mark as read\W+Could not send an e-mail to a@b\.am: E3$/ }).click()]);
  assert.match(await page.getByRole('status').innerText(), /marked as read/);
  assert.equal(await page.getByRole('link', { name: 'Notices (2 unread)' }).count(), 1);
  await Promise.all([page.waitForURL(/done=allRead/), page.getByRole('button', { name: 'Mark all as read' }).click()]);
  assert.equal(await page.getByRole('link', { name: 'Notices', exact: true }).count(), 1);
  assert.equal(await page.getByRole('button', { name: /Mark as read/ }).count(), 0);
  await context.close();
});
