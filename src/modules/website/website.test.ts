// The website on both engines: staff write, publish and schedule; visitors see exactly what
// is due (publish_at reached, expires_at not), in their language with hreflang alternates;
// bad input writes nothing; a missing item answers a helpful 404 in the visitor's language.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { anonymous, editorFor, published, staffAs, tenantOf } from './website.testkit.ts';
import { findVisible } from './posts.queries.ts';

const STAFF = '/sisian/staff/website';

bothEngines('website: a draft is hidden, published by the chief of staff it shows on the home page and its own page, audited', async (t, engine) => {
  const env = await setup(t, engine);
  const specialist = await staffAs(env, 'specialist@sisian.example');
  const form = await specialist.get(`${STAFF}/news/new`);
  assert.equal(form.statusCode, 200);
  const created = await specialist.post(`${STAFF}/news/new`, {
    title_hy: 'Սիսիանում նոր այգի է բացվել', title_en: 'A new park opens in Sisian', summary_hy: 'Այգին բաց է բոլորի համար։',
    body_hy: '<p>Բացումը <strong>կիրակի</strong> է։</p><script>alert(1)</script><p onclick="x()">Այո</p><a href="javascript:alert(1)">հղում</a>',
  });
  assert.equal(created.statusCode, 303);
  const id = Number(/posts\/(\d+)\/preview/.exec(String(created.headers.location))![1]);
  const tenant = await tenantOf(env, 'sisian');
  const row = await tenant.selectFrom('web_posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'draft');
  assert.equal(row.body_hy, '<p>Բացումը <strong>կիրակի</strong> է։</p><p>Այո</p><a>հղում</a>', 'sanitized on the server before it is stored');

  assert.equal((await anonymous(env, `/sisian/news/${id}`)).statusCode, 404, 'a draft is not on the site');
  // The specialist writes but may not publish.
  assert.equal((await specialist.post(`${STAFF}/posts/${id}/publish`)).statusCode, 403);
  const chief = await staffAs(env, 'chief@sisian.example');
  const preview = await chief.get(`${STAFF}/posts/${id}/preview`);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Սիսիանում նոր այգի է բացվել/);
  assert.match(preview.body, /Անահիտ Մկրտչյան/, 'the preview says who wrote it');
  assert.equal((await chief.post(`${STAFF}/posts/${id}/publish`)).statusCode, 303);

  const page = await anonymous(env, `/sisian/news/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Սիսիանում նոր այգի է բացվել<\/h1>/);
  assert.doesNotMatch(page.body, /alert\(1\)|onclick/);
  assert.match(page.body, /"@type":"NewsArticle"/);
  assert.match(page.body, /<meta property="og:type" content="article"/);
  const home = await anonymous(env, '/sisian');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Սիսիանում նոր այգի է բացվել/);
  assert.match(home.body, /"@type":"GovernmentOrganization"/);

  const events = await env.services.db.kysely.selectFrom('audit_events').select(['action', 'actor_user_id']).where('entity_type', '=', 'web_post').where('entity_id', '=', String(id)).orderBy('id').execute();
  assert.deepEqual(events.map((e) => e.action), ['website.post.create', 'website.post.publish']);
  assert.equal(events[1]!.actor_user_id, chief.userId, 'who published is recorded');
});

bothEngines('website: a scheduled item appears exactly when due and an expired one leaves, with no job in between', async (t, engine) => {
  const env = await setup(t, engine);
  const ed = await editorFor(env, 'sisian');
  const soon = new Date(Date.now() + 1500).toISOString();
  const scheduled = await published(ed, 'announcement', { title_hy: 'Ջրի անջատում հինգշաբթի' }, soon);
  const gone = await published(ed, 'announcement', { title_hy: 'Հին հայտարարություն', expires_at: new Date(Date.now() - 1000).toISOString() });
  const tenant = await tenantOf(env, 'sisian');

  assert.equal((await anonymous(env, `/sisian/announcements/${scheduled}`)).statusCode, 404, 'not before its time');
  const list = await anonymous(env, '/sisian/announcements');
  assert.doesNotMatch(list.body, /Ջրի անջատում/);
  // The query itself compares with the moment asked about.
  assert.ok(await findVisible(tenant, 'announcement', scheduled, new Date(new Date(soon).getTime() + 1)));
  assert.equal(await findVisible(tenant, 'announcement', scheduled, new Date(new Date(soon).getTime() - 1)), undefined);
  await new Promise((r) => setTimeout(r, Math.max(0, new Date(soon).getTime() - Date.now() + 50)));
  // The page cached a moment ago (5 s) must not hide it: the cache key moves when an item falls due.
  const after = await anonymous(env, '/sisian/announcements');
  assert.match(after.body, /Ջրի անջատում հինգշաբթի/);
  assert.equal((await anonymous(env, `/sisian/announcements/${scheduled}`)).statusCode, 200);
  assert.equal((await anonymous(env, `/sisian/announcements/${gone}`)).statusCode, 404, 'expired');
  assert.doesNotMatch(after.body, /Հին հայտարարություն/);
});

bothEngines('website: a visitor reads in Russian, the untranslated part is marked Armenian, hreflang lists only real translations', async (t, engine) => {
  const env = await setup(t, engine);
  const ed = await editorFor(env, 'sisian');
  const both = await published(ed, 'news', { title_hy: 'Տոնավաճառ', title_ru: 'Ярмарка', body_hy: '<p>Հայերեն տեքստ</p>', body_ru: '<p>Русский текст</p>' });
  const hyOnly = await published(ed, 'news', { title_hy: 'Միայն հայերեն', body_hy: '<p>Տեքստ</p>' });
  const ru = await anonymous(env, `/sisian/news/${both}`, 'ru');
  assert.match(ru.body, /<html lang="ru"/);
  assert.match(ru.body, /<h1>Ярмарка<\/h1>/);
  assert.match(ru.body, /Русский текст/);
  assert.match(ru.body, /hreflang="ru" href="[^"]*\/sisian\/news\/\d+\?lang=ru"/i);
  assert.doesNotMatch(ru.body, /rel="alternate" hreflang="en"/i, 'no English version, no English alternate');
  // The switch keeps the page: ?lang=hy on the same item (and remembers the choice).
  const hy = await anonymous(env, `/sisian/news/${both}?lang=hy`, 'ru');
  assert.match(hy.body, /<h1>Տոնավաճառ<\/h1>/);
  assert.match(String(hy.headers['set-cookie']), /mmis_lang=hy/);
  const fallback = await anonymous(env, `/sisian/news/${hyOnly}`, 'en');
  assert.match(fallback.body, /<h1 lang="hy">Միայն հայերեն<\/h1>/);
  assert.match(fallback.body, /not been translated yet/);
  assert.equal((await anonymous(env, `/sisian/news/${both}?lang=fr`)).statusCode, 400, 'an unknown language is refused, not ignored');
});

bothEngines('website: a missing page answers 404 in the visitor language with search and ways on; another community cannot see the item', async (t, engine) => {
  const env = await setup(t, engine);
  const ed = await editorFor(env, 'sisian');
  const id = await published(ed, 'news', { title_hy: 'Սիսիանի նորություն' });
  const ru = await anonymous(env, '/sisian/news/999999', 'ru');
  assert.equal(ru.statusCode, 404);
  assert.match(ru.body, /Страница не найдена/);
  assert.match(ru.body, /action="\/sisian\/search"/);
  assert.match(ru.body, /noindex/);
  const again = await anonymous(env, '/sisian/news/999999', 'ru');
  assert.equal(again.statusCode, 404, 'a cached 404 is still a 404');
  assert.equal((await anonymous(env, '/sisian/pages/no-such-page', 'en')).statusCode, 404);
  assert.equal((await anonymous(env, `/jermuk/news/${id}`)).statusCode, 404, "Sisian's item is not Jermuk's");
});

bothEngines('website: bad input re-renders the form with translated errors and writes nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const chief = await staffAs(env, 'chief@sisian.example');
  const tenant = await tenantOf(env, 'sisian');
  const count = async () => Number((await tenant.selectFrom('web_posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const before = await count();
  const noTitle = await chief.post(`${STAFF}/news/new`, { title_hy: '  ', expires_at: 'tomorrow' });
  assert.equal(noTitle.statusCode, 400);
  assert.match(noTitle.body, /class="error-summary"/);
  assert.match(noTitle.body, /Give a date and time/);
  const badPath = await chief.post(`${STAFF}/page/new`, { title_hy: 'Էջ', path: 'Bad Path!' });
  assert.equal(badPath.statusCode, 400);
  const noStart = await chief.post(`${STAFF}/event/new`, { title_hy: 'Համերգ' });
  assert.equal(noStart.statusCode, 400);
  await chief.post(`${STAFF}/page/new`, { title_hy: 'Արշավներ', path: 'hiking-routes' });
  const taken = await chief.post(`${STAFF}/page/new`, { title_hy: 'Կրկին', path: 'hiking-routes' });
  assert.equal(taken.statusCode, 400);
  assert.match(taken.body, /already exists/);
  assert.equal(await count(), before + 1, 'only the one good page was written');
  const badSchedule = await chief.post(`${STAFF}/posts/999999/publish`, { publish_at: '2026-13-01T10:00' });
  assert.equal(badSchedule.statusCode, 404);
});
