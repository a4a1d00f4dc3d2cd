import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { signInAs } from '../../../test/session.ts';
import type { Services } from '../module/contract.ts';
import { appendAudit } from './audit.ts';

async function communityId(services: Services, slug: string): Promise<number> {
  return (await services.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

async function record(services: Services, communityId: number | null, label: string, action: string, entityType: string, n = 1) {
  for (let i = 0; i < n; i++) {
    await services.db.kysely.transaction().execute((tx) =>
      appendAudit(tx, { userId: null, label, ip: '198.51.100.4', requestId: `req-${action}-${i}` }, {
        communityId, action, entityType, entityId: i + 1, before: { status: 'draft' }, after: { status: 'published', title: 'Ամանորյա համերգ' },
      }),
    );
  }
}

/** The ids of the events a list page links to. */
function linkedIds(body: string, slug: string): number[] {
  return [...body.matchAll(new RegExp(`href="/${slug}/staff/audit/(\\d+)"`, 'g'))].map((m) => Number(m[1]));
}

bothEngines('audit log: staff with audit.view see their community’s events, filtered and paged', async (t, engine) => {
  // It writes made-up events (news.publish) to page through: not the vocabulary of any module.
  const { app, services } = await setup(t, engine, { auditVocabulary: false });
  const sisian = await communityId(services, 'sisian');
  const jermuk = await communityId(services, 'jermuk');
  await record(services, sisian, 'Tester Name', 'news.publish', 'news', 55);
  await record(services, jermuk, 'Jermuk Clerk', 'jermuk.only', 'secret');
  await record(services, null, 'National Admin', 'national.thing', 'marz');
  const head = await signInAs(services, 'head@sisian.example');
  const get = (url: string, cookie = head.cookie, lang = 'en') => app.inject({ method: 'GET', url, headers: { cookie: `${cookie}; mmis_lang=${lang}` } });

  const db = services.db.kysely;
  const sisianEvents = await db.selectFrom('audit_events').select(['id']).where('community_id', '=', sisian).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  assert.ok(sisianEvents.length > 55);

  const first = await get('/sisian/staff/audit');
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /<h1>Audit log<\/h1>/);
  assert.match(first.body, /<caption[^>]*>Events: \d+<\/caption>/);
  assert.match(first.body, /<th scope="col"[^>]*>Time \(Yerevan\)<\/th>/);
  assert.deepEqual(linkedIds(first.body, 'sisian'), sisianEvents.slice(0, 50).map((e) => e.id), 'newest first, 50 per page');
  assert.doesNotMatch(first.body, /jermuk\.only|Jermuk Clerk|national\.thing/, 'only this community’s events');
  assert.match(first.body, /rel="next" href="\/sisian\/staff\/audit\?page=2"/);
  assert.match(first.body, /198\.51\.100\.4/);

  const second = await get('/sisian/staff/audit?page=2');
  assert.deepEqual(linkedIds(second.body, 'sisian'), sisianEvents.slice(50, 100).map((e) => e.id));

  // Filters: action, actor text (any case), entity type, dates; links keep them.
  const byAction = await get('/sisian/staff/audit?action=news.publish');
  assert.match(byAction.body, /Events: 55</);
  assert.match(byAction.body, /href="\/sisian\/staff\/audit\?action=news.publish&amp;page=2"/);
  const byActor = await get('/sisian/staff/audit?actor=TESTER%20n');
  assert.match(byActor.body, /Events: 55</);
  const byEntity = await get('/sisian/staff/audit?entity=user');
  const users = await db.selectFrom('audit_events').select('id').where('community_id', '=', sisian).where('entity_type', '=', 'user').execute();
  assert.match(byEntity.body, new RegExp(`Events: ${users.length}<`));
  const noMatch = await get('/sisian/staff/audit?actor=%25');
  assert.match(noMatch.body, /No events match these filters/, 'LIKE wildcards in the text are literal');

  const inRange = await get(`/sisian/staff/audit?from=2020-01-01&to=2099-12-31&action=news.publish`);
  assert.match(inRange.body, /Events: 55</);
  const future = await get('/sisian/staff/audit?from=2099-01-01');
  assert.match(future.body, /No events match these filters/);
  const past = await get('/sisian/staff/audit?to=2020-01-01');
  assert.match(past.body, /No events match these filters/);

  const bad = await get('/sisian/staff/audit?from=2026-02-31&to=yesterday&action=news.publish');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /Enter a date as YYYY-MM-DD/);
  assert.match(bad.body, /Events: 55</, 'the valid filters still apply');
  const backwards = await get('/sisian/staff/audit?from=2026-03-02&to=2026-03-01');
  assert.match(backwards.body, /The end date cannot be before the start date/);

  // One event, with its before/after data.
  const one = sisianEvents[0]!.id;
  const detail = await get(`/sisian/staff/audit/${one}`);
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /Before the change/);
  assert.match(detail.body, /&quot;status&quot;: &quot;published&quot;/);
  assert.match(detail.body, /Ամանորյա համերգ/);
  const hy = await get(`/sisian/staff/audit/${one}`, head.cookie, 'hy');
  assert.match(hy.body, /Մինչև փոփոխությունը/);

  // Another community's event, a national one, or nonsense: 404.
  const jermukEvent = await db.selectFrom('audit_events').select('id').where('community_id', '=', jermuk).executeTakeFirstOrThrow();
  assert.equal((await get(`/sisian/staff/audit/${jermukEvent.id}`)).statusCode, 404);
  const national = await db.selectFrom('audit_events').select('id').where('community_id', 'is', null).executeTakeFirstOrThrow();
  assert.equal((await get(`/sisian/staff/audit/${national.id}`)).statusCode, 404);
  assert.equal((await get('/sisian/staff/audit/abc')).statusCode, 404);
  assert.equal((await get('/sisian/staff/audit/99999999')).statusCode, 404);
});

bothEngines('audit log: refused without audit.view, and in another community', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const specialist = await signInAs(services, 'specialist@sisian.example');
  const head = await signInAs(services, 'head@sisian.example');
  assert.equal((await app.inject({ method: 'GET', url: '/sisian/staff/audit', headers: { cookie: specialist.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: '/jermuk/staff/audit', headers: { cookie: head.cookie } })).statusCode, 403);
  const anonymous = await app.inject({ method: 'GET', url: '/sisian/staff/audit' });
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/signin\?next=/);
  const it = await signInAs(services, 'it@jermuk.example');
  assert.equal((await app.inject({ method: 'GET', url: '/jermuk/staff/audit', headers: { cookie: it.cookie } })).statusCode, 200);
});
