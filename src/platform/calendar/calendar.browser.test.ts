// The national calendar editor in a real browser: every state of the page passes axe,
// and the forms work without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, assertAccessible, englishContext, signIn, startServer, visit } from '../../../e2e/browser.ts';

test('the national administrator edits the 2027 calendar in the browser', async (t) => {
  const server = await startServer(t);
  const context = await englishContext(server);
  const page = await context.newPage();
  await signIn(page, 'admin@ministry.example', DEMO_PASSWORD);

  await visit(page, '/national/calendar?year=2027', 'calendar editor, default year');
  assert.equal(await page.getByRole('cell', { name: 'Christmas and Epiphany' }).count(), 1);

  // A form with mistakes: the error summary, then the fields.
  await page.getByLabel('Date').fill('2027-01-08');
  await page.getByLabel('Kind of day').selectOption('1');
  await page.getByRole('button', { name: 'Save the day' }).click();
  await page.waitForLoadState('load');
  assert.equal(await page.locator('.error-summary').count(), 1);
  await assertAccessible(page, 'calendar editor with errors');

  await page.getByLabel('Date').fill('2027-01-09');
  await page.getByLabel('Kind of day').selectOption('1');
  await page.getByLabel('Name (հայերեն)').fill('Աշխատանքային շաբաթ');
  await page.getByLabel('Name (English)').fill('Working Saturday');
  await page.getByLabel('Name (русский)').fill('Рабочая суббота');
  await page.getByRole('button', { name: 'Save the day' }).click();
  await page.waitForLoadState('load');
  assert.match(page.url(), /year=2027&done=set/);
  assert.equal(await page.getByRole('cell', { name: 'Working Saturday' }).count(), 1);
  await assertAccessible(page, 'calendar editor after a change');

  await page.getByRole('button', { name: 'Remove 07.01.2027' }).click();
  await page.waitForLoadState('load');
  assert.match(page.url(), /done=removed/);
  assert.equal(await page.getByRole('cell', { name: 'Memorial Day of the Dead' }).count(), 0);

  await page.getByRole('button', { name: 'Restore the defaults of 2027' }).click();
  await page.waitForLoadState('load');
  assert.match(page.url(), /done=restored/);
  assert.equal(await page.getByRole('cell', { name: 'Memorial Day of the Dead' }).count(), 1);
  await assertAccessible(page, 'calendar editor after restoring the defaults');

  const api = await page.request.get('/api/v1/calendar/due?from=2026-12-29&workingDays=3');
  assert.deepEqual(await api.json(), { due: '2027-01-05' });
  await context.close();
});
