import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../test/helpers.ts';

bothEngines('the public list of communities shows each community with its settlements', async (t, engine) => {
  const { app } = await setup(t, engine);
  const res = await app.inject({ method: 'GET', url: '/api/v1/communities' });
  assert.equal(res.statusCode, 200);
  const body = res.json() as { items: { slug: string; settlements: unknown[] }[] };
  const sisian = body.items.find((c) => c.slug === 'sisian');
  assert.ok(sisian, 'Sisian is listed');
  assert.ok(sisian.settlements.length >= 6, 'an amalgamated community lists all its settlements');
});

bothEngines('a community home page is found by path and by its own domain', async (t, engine) => {
  const { app } = await setup(t, engine);
  const byPath = await app.inject({ method: 'GET', url: '/sisian' });
  assert.equal(byPath.statusCode, 200);
  assert.match(byPath.body, /<h1>Սիսիան<\/h1>/);
  // The website's home page links to the page about the community, which lists every settlement.
  assert.match(byPath.body, /href="\/sisian\/about"/);
  assert.match((await app.inject({ method: 'GET', url: '/sisian/about' })).body, /Անգեղակոթ/);
  const byHost = await app.inject({ method: 'GET', url: '/', headers: { host: 'jermuk.localhost' } });
  assert.equal(byHost.statusCode, 200);
  assert.match(byHost.body, /<h1>Ջերմուկ<\/h1>/);
  const missing = await app.inject({ method: 'GET', url: '/no-such-place' });
  assert.equal(missing.statusCode, 404);
});

bothEngines('an edit of the community shows on its public page at once, though anonymous visitors share a cached copy', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const before = await app.inject({ method: 'GET', url: '/sisian' });
  assert.match(before.body, /\+374 283 2 12 34/);
  await services.db.kysely
    .updateTable('communities')
    .set({ phone: '+374 283 9 99 99', updated_at: new Date(Date.now() + 1000).toISOString() })
    .where('slug', '=', 'sisian')
    .execute();
  services.communities.forget(); // what the settings route does after its update
  const after = await app.inject({ method: 'GET', url: '/sisian' });
  assert.match(after.body, /\+374 283 9 99 99/);
  const english = await app.inject({ method: 'GET', url: '/sisian', headers: { cookie: 'mmis_lang=en' } });
  assert.match(english.body, /<h1>Sisian<\/h1>/, 'each language has its own copy');
});
