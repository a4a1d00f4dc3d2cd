// In-app notices through the HTTP app on both engines: the reader's list in their
// language with the unread count in the header, marking one and all read (audited), and
// nobody reaching another person's or another community's notice.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { signInAs, type TestSession } from '../../../test/session.ts';
import type { App } from '../../app.ts';
import type { Services } from '../module/contract.ts';
import { TenantDb } from '../db/tenant.ts';
import { addNotice, countUnreadNotices, noticeStaffWithRole } from './notices.ts';

async function idOf(services: Services, table: 'users' | 'communities', where: string) {
  const db = services.db.kysely;
  const row = table === 'users'
    ? await db.selectFrom('users').select('id').where('email', '=', where).executeTakeFirstOrThrow()
    : await db.selectFrom('communities').select('id').where('slug', '=', where).executeTakeFirstOrThrow();
  return row.id;
}

function get(app: App, url: string, s: TestSession, lang = 'en') {
  return app.inject({ method: 'GET', url, headers: { cookie: `${s.cookie}; mmis_lang=${lang}` } });
}

function post(app: App, url: string, s: TestSession) {
  return app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(s.csrf)}` });
}

bothEngines('notices: the reader sees their own, in their language, marks one and all read; others\' notices answer 404', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const sisian = await idOf(services, 'communities', 'sisian');
  const jermuk = await idOf(services, 'communities', 'jermuk');
  const chief = await idOf(services, 'users', 'chief@sisian.example');
  const specialist = await idOf(services, 'users', 'specialist@sisian.example');
  const jermukStaff = await db.selectFrom('role_assignments').select('user_id').where('community_id', '=', jermuk).executeTakeFirstOrThrow();

  const ids = await db.transaction().execute(async (tx) => {
    const scoped = new TenantDb(tx, sisian);
    const toChiefs = await noticeStaffWithRole(scoped, 'chief_of_staff', {
      key: 'notify.notice.deliveryFailed', params: { channel: { message: 'notify.channel.email' }, recipient: 'a@b.am', error: 'E1' }, link: '/staff/audit',
    });
    await addNotice(scoped, { userId: chief, key: 'notify.notice.deliveryFailed', params: { channel: { message: 'notify.channel.sms' }, recipient: { hy: 'Հասցե', en: 'Address', ru: 'Адрес' }, error: 'E2' }, link: null });
    await addNotice(scoped, { userId: specialist, key: 'notify.notices.title', link: null });
    await addNotice(new TenantDb(tx, jermuk), { userId: jermukStaff.user_id, key: 'notify.notices.title', link: null });
    const all = await tx.selectFrom('notices').select(['id', 'user_id', 'community_id']).orderBy('id').execute();
    return { toChiefs, all };
  });
  assert.equal(ids.toChiefs, 1, 'one chief of staff in Sisian');
  const chiefNotices = ids.all.filter((n) => n.user_id === chief).map((n) => n.id);
  const specialistNotice = ids.all.find((n) => n.user_id === specialist)!.id;
  const jermukNotice = ids.all.find((n) => n.community_id === jermuk)!.id;
  assert.equal(await countUnreadNotices(db, sisian, chief), 2);

  await assert.rejects(addNotice(new TenantDb(db, sisian), { userId: jermukStaff.user_id, key: 'notify.notices.title', link: null }), /this community's staff only/);
  await assert.rejects(addNotice(new TenantDb(db, sisian), { userId: chief, key: 'notify.notices.title', link: 'https://evil.example' }), /path under the community/);

  const s = await signInAs(services, 'chief@sisian.example');
  const page = await get(app, '/sisian/staff/notices', s);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Could not send an e-mail to a@b\.am: E1/);
  assert.match(page.body, /Could not send an SMS to Address: E2/);
  assert.match(page.body, /href="\/sisian\/staff\/audit"/);
  assert.match(page.body, /Notices \(2 unread\)/, 'the header shows the unread count');
  assert.match(page.body, /Notices: 2, unread: 2/, "the specialist's notice is not in the chief's list");
  assert.match((await get(app, '/sisian/staff/notices', s, 'ru')).body, /Не удалось отправить SMS на Адрес: E2/);
  const home = await get(app, '/sisian/staff', s);
  assert.match(home.body, /href="\/sisian\/staff\/notices"[^>]*>Notices \(2 unread\)</, 'every back-office page has the link');

  // Another person's notice, another community's, and a made-up id: 404, nothing changes.
  for (const id of [specialistNotice, jermukNotice, 999_999]) {
    assert.equal((await post(app, `/sisian/staff/notices/${id}/read`, s)).statusCode, 404, `notice ${id}`);
  }
  const untouched = await db.selectFrom('notices').select('read_at').where('id', 'in', [specialistNotice, jermukNotice]).execute();
  assert.deepEqual(untouched.map((n) => n.read_at), [null, null]);

  const read = await post(app, `/sisian/staff/notices/${chiefNotices[0]}/read`, s);
  assert.equal(read.statusCode, 303);
  assert.equal(read.headers.location, '/sisian/staff/notices?done=read');
  assert.equal((await post(app, `/sisian/staff/notices/${chiefNotices[0]}/read`, s)).statusCode, 303, 'marking it again is harmless');
  assert.equal(await countUnreadNotices(db, sisian, chief), 1);
  const after = await get(app, '/sisian/staff/notices?done=read', s);
  assert.match(after.body, /The notice is marked as read\./);
  assert.match(after.body, /Notices \(1 unread\)/);

  const all = await post(app, '/sisian/staff/notices/read-all', s);
  assert.equal(all.statusCode, 303);
  assert.equal(await countUnreadNotices(db, sisian, chief), 0);
  assert.equal(await countUnreadNotices(db, sisian, specialist), 1, "the specialist's notice stays unread");
  assert.match((await get(app, '/sisian/staff/notices', s)).body, /href="\/sisian\/staff\/notices"[^>]*>Notices</, 'no count when all are read');

  const audit = await db.selectFrom('audit_events').select(['action', 'entity_id', 'after_json']).where('action', 'like', 'notice.%').orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['notice.read', 'notice.read_all'], 'one event per change, none for a no-op');
  assert.equal(audit[0]!.entity_id, String(chiefNotices[0]));
  assert.deepEqual(JSON.parse(audit[1]!.after_json ?? '{}'), { count: 1 });

  const citizen = await signInAs(services, 'ani@citizen.example');
  assert.equal((await get(app, '/sisian/staff/notices', citizen)).statusCode, 403);
});
