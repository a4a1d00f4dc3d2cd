// The registers in a real browser: every list, a record of each kind, the map, the
// demographics page and the import page pass axe; a search in Cyrillic finds an
// Armenian name; the citizen's record-views page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, englishContext, signIn, startServer, visit } from './browser.ts';

test('register pages are accessible and a search in any spelling works', async (t) => {
  const server = await startServer(t);
  const context = await englishContext(server);
  t.after(() => context.close());
  const page = await context.newPage();
  await signIn(page, 'chief@sisian.example', DEMO_PASSWORD);

  const lists = [
    ['/sisian/staff/registry/residents', 'residents list'],
    ['/sisian/staff/registry/addresses', 'addresses'],
    ['/sisian/staff/registry/parcels', 'parcels list'],
    ['/sisian/staff/registry/structures', 'buildings and apartments'],
    ['/sisian/staff/registry/organizations', 'organizations list'],
    ['/sisian/staff/registry/assets', 'community assets'],
    ['/sisian/staff/registry/map', 'map'],
    ['/sisian/staff/registry/demographics', 'demographics'],
    ['/sisian/staff/registry/import', 'import'],
  ] as const;
  for (const [url, what] of lists) await visit(page, url, what);

  // One record of each kind, reached by following the first link of its list's table.
  for (const [url, what] of [
    ['/sisian/staff/registry/residents', 'a resident record'],
    ['/sisian/staff/registry/parcels', 'a parcel record'],
    ['/sisian/staff/registry/organizations', 'an organization record'],
    ['/sisian/staff/registry/assets', 'an asset record'],
  ] as const) {
    await visit(page, url, what);
    const href = await page.locator('main table tbody a').first().getAttribute('href');
    assert.ok(href, `${what}: the list links to its records`);
    await visit(page, href, what);
  }

  // A surname of the demo typed in Russian Cyrillic finds its Armenian spelling.
  await visit(page, '/sisian/staff/registry/residents?q=%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D1%81%D1%8F%D0%BD', 'search in Cyrillic');
  assert.match(await page.locator('main').innerText(), /Petrosyan|Պետրոսյան/, 'Петросян finds Petrosyan');

  await signIn(page, 'ani@citizen.example', DEMO_PASSWORD);
  await visit(page, '/account/record-views', "the citizen's record views");
});
