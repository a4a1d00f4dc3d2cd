// The calendar in the database: defaults for unedited years, the national editor (every
// change audited, a year's defaults copied in on its first edit), the public due-date API,
// the cache, and bad input that answers 400 and writes nothing. Both engines.
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../../test/helpers.ts';
import { signInAs } from '../../../test/session.ts';
import { CACHE_TTL_MS, calendarFor, loadCalendar } from './calendar.store.ts';

const ADMIN = 'admin@ministry.example';
/** The language cookie wins over the account's language. */
const ENGLISH = 'mmis_lang=en';

async function post(env: TestEnv, email: string, url: string, fields: Record<string, string>) {
  const s = await signInAs(env.services, email);
  return env.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams({ ...fields, _csrf: s.csrf }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${s.cookie}; ${ENGLISH}` },
  });
}

async function getAs(env: TestEnv, email: string, url: string) {
  return env.app.inject({ method: 'GET', url, headers: { cookie: `${(await signInAs(env.services, email)).cookie}; ${ENGLISH}` } });
}

async function due(env: TestEnv, query: string) {
  const res = await env.app.inject({ method: 'GET', url: `/api/v1/calendar/due?${query}`, headers: { 'accept-language': 'en' } });
  return { status: res.statusCode, body: res.json() as { due?: string; error?: { code: string; message: string; fields: Record<string, string> } } };
}

async function counts(env: TestEnv) {
  const db = env.services.db.kysely;
  const n = async (table: 'calendar_days' | 'audit_events') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { days: await n('calendar_days'), audit: await n('audit_events') };
}

async function calendarAudit(env: TestEnv) {
  return env.services.db.kysely.selectFrom('audit_events').select(['action', 'entity_id', 'community_id', 'actor_label'])
    .where('action', 'like', 'calendar.%').orderBy('id').execute();
}

const WORKING_SATURDAY = { day: '2027-01-09', working: '1', name_hy: 'Աշխատանքային շաբաթ', name_en: 'Working Saturday', name_ru: 'Рабочая суббота' };

bothEngines('the national administrator edits a year and deadlines follow at once', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;

  // No rows: the law's defaults, for the store and the API alike.
  const cal = await calendarFor(env.services);
  assert.equal(cal.isEdited(2027), false);
  assert.equal(cal.due('2026-12-29', { days: 4, unit: 'working' }), '2027-01-08');
  assert.deepEqual(await due(env, 'from=2026-12-29&workingDays=3'), { status: 200, body: { due: '2027-01-05' } });
  assert.deepEqual(await due(env, 'from=2026-12-26&calendarDays=5'), { status: 200, body: { due: '2027-01-04' } });
  assert.deepEqual(await due(env, 'from=2027-01-01&workingDays=0'), { status: 200, body: { due: '2027-01-04' } });
  const year = (await env.app.inject({ method: 'GET', url: '/api/v1/calendar?year=2027' })).json() as { year: number; edited: boolean; days: { day: string; working: boolean; weekend: boolean; name: { en: string } }[] };
  assert.equal(year.edited, false);
  assert.equal(year.days.length, 13);
  assert.deepEqual(year.days.find((d) => d.day === '2027-01-28'), { day: '2027-01-28', working: false, weekend: false, name: { hy: 'Բանակի օր', en: 'Army Day', ru: 'День армии' } });

  // The editor page in the reader's language.
  const page = await getAs(env, ADMIN, '/national/calendar?year=2027');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Christmas and Epiphany/);
  assert.match(page.body, /uses the non-working days set by law/);
  assert.doesNotMatch(page.body, /Restore the defaults of 2027/, 'nothing to restore in an unedited year');

  // A Saturday made a working day: the year's defaults are copied in first, then the day added.
  const set = await post(env, ADMIN, '/national/calendar/days', WORKING_SATURDAY);
  assert.equal(set.statusCode, 303, set.body.slice(0, 300));
  assert.equal(set.headers.location, '/national/calendar?year=2027&done=set');
  assert.equal((await counts(env)).days, 14);
  // 7 January stops being a day off this year.
  const removed = await post(env, ADMIN, '/national/calendar/days/remove', { day: '2027-01-07' });
  assert.equal(removed.statusCode, 303, removed.body.slice(0, 300));
  assert.equal((await counts(env)).days, 13);

  assert.equal((await due(env, 'from=2026-12-29&workingDays=4')).body.due, '2027-01-07');
  assert.equal((await due(env, 'from=2026-12-29&workingDays=5')).body.due, '2027-01-08');
  assert.equal((await due(env, 'from=2026-12-29&workingDays=6')).body.due, '2027-01-09', 'the working Saturday counts');
  assert.equal((await due(env, 'from=2027-01-02&calendarDays=7')).body.due, '2027-01-09', 'a calendar deadline on the working Saturday stays there');
  const edited = await loadCalendar(db);
  assert.equal(edited.isEdited(2027), true);
  assert.equal(edited.isEdited(2026), false, 'other years keep the defaults');
  assert.equal(edited.isWorkingDay('2026-12-31'), false);

  const listed = await getAs(env, ADMIN, '/national/calendar?year=2027&done=removed');
  assert.match(listed.body, /Working Saturday/);
  assert.match(listed.body, /The day was removed/);
  assert.doesNotMatch(listed.body, /Memorial Day of the Dead/);
  assert.match(listed.body, /Restore the defaults of 2027/);

  // Changing a listed day's name is an edit of the same row.
  const renamed = await post(env, ADMIN, '/national/calendar/days', { ...WORKING_SATURDAY, name_en: 'Saturday worked for 8 January' });
  assert.equal(renamed.statusCode, 303);
  assert.equal((await counts(env)).days, 13);

  const restored = await post(env, ADMIN, '/national/calendar/restore', { year: '2027' });
  assert.equal(restored.statusCode, 303);
  assert.equal((await counts(env)).days, 0);
  assert.equal((await due(env, 'from=2026-12-29&workingDays=4')).body.due, '2027-01-08');

  const audit = await calendarAudit(env);
  assert.deepEqual(audit.map((a) => [a.action, a.entity_id]), [
    ['calendar.year_defaults_copied', '2027'],
    ['calendar.day_set', '2027-01-09'],
    ['calendar.day_removed', '2027-01-07'],
    ['calendar.day_set', '2027-01-09'],
    ['calendar.year_restored', '2027'],
  ]);
  for (const a of audit) {
    assert.equal(a.community_id, null, 'the calendar is national');
    assert.match(a.actor_label, /Դավիթ/);
  }
});

bothEngines('bad input to the due-date API answers 400 with the error shape', async (t, engine) => {
  const env = await setup(t, engine);
  const before = await counts(env);
  const cases: [string, string][] = [
    ['', 'from'],
    ['workingDays=3', 'from'],
    ['from=2026-12-29', 'workingDays'],
    ['from=2026-12-29&workingDays=3&calendarDays=3', 'calendarDays'],
    ['from=2026-12-29&workingDays=-1', 'workingDays'],
    ['from=2026-12-29&workingDays=3651', 'workingDays'],
    ['from=2026-12-29&calendarDays=99999999999999999999', 'calendarDays'],
    ['from=2026-12-29&workingDays=1e3', 'workingDays'],
    ['from=2026-12-29&workingDays=2.5', 'workingDays'],
    ['from=2026-12-29&workingDays=', 'workingDays'],
    ['from=2026-02-30&workingDays=3', 'from'],
    ['from=2026-13-01&workingDays=3', 'from'],
    ['from=29.12.2026&workingDays=3', 'from'],
    ['from=1800-01-01&workingDays=3', 'from'],
    ['from=2026-12-29&from=2026-12-30&workingDays=3', 'from'],
  ];
  for (const [query, field] of cases) {
    const r = await due(env, query);
    assert.equal(r.status, 400, query);
    assert.equal(r.body.error?.code, 'validation', query);
    assert.ok(r.body.error?.fields[field], `${query}: a message for ${field}, got ${JSON.stringify(r.body.error)}`);
  }
  const both = await due(env, 'from=2026-12-29&workingDays=3&calendarDays=3');
  assert.equal(both.body.error?.fields.calendarDays, 'Give exactly one of workingDays and calendarDays');
  const hy = await env.app.inject({ method: 'GET', url: '/api/v1/calendar/due?from=2026-02-30&workingDays=1' });
  assert.match((hy.json() as { error: { fields: { from: string } } }).error.fields.from, /ամսաթիվ/, 'messages in Armenian by default');
  for (const url of ['/api/v1/calendar?year=abc', '/api/v1/calendar?year=1899', '/api/v1/calendar?year=20270']) {
    const r = await env.app.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 400, url);
    assert.ok((r.json() as { error: { fields: Record<string, string> } }).error.fields.year, url);
  }
  assert.deepEqual(await counts(env), before);
  // Both endpoints are documented, with their parameters.
  const doc = (await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, { get?: { summary?: string; parameters?: { name: string }[] } }> };
  assert.deepEqual(doc.paths['/api/v1/calendar/due']?.get?.parameters?.map((p) => p.name).sort(), ['calendarDays', 'from', 'workingDays']);
  assert.ok(doc.paths['/api/v1/calendar']?.get?.summary);
});

bothEngines('bad edits re-render the editor with 4xx and write nothing', async (t, engine) => {
  const env = await setup(t, engine);
  // A year with one listed day: its removal would silently bring the defaults back.
  await env.services.db.kysely.insertInto('calendar_days')
    .values({ day: '2031-03-03', working: 0, name_hy: 'Օր', name_en: 'One-off day', name_ru: 'День', updated_at: new Date().toISOString() }).execute();
  const before = await counts(env);
  const cases: [string, string, Record<string, string>, number, RegExp][] = [
    ['empty add', '/national/calendar/days', {}, 400, /href="#field-day"/],
    ['unreal date', '/national/calendar/days', { ...WORKING_SATURDAY, day: '2027-02-30' }, 400, /Enter a real date/],
    ['a working weekday', '/national/calendar/days', { ...WORKING_SATURDAY, day: '2027-01-08' }, 400, /only a Saturday or Sunday/],
    ['no names', '/national/calendar/days', { day: '2027-01-08', working: '0' }, 400, /href="#field-name_en"/],
    ['10k-character name', '/national/calendar/days', { ...WORKING_SATURDAY, name_hy: 'Ա'.repeat(10_000) }, 400, /href="#field-name_hy"/],
    ['unknown kind', '/national/calendar/days', { ...WORKING_SATURDAY, working: 'yes' }, 400, /href="#field-working"/],
    ['empty remove', '/national/calendar/days/remove', {}, 400, /notice-warning/],
    ['remove a day that is not listed', '/national/calendar/days/remove', { day: '2027-03-03' }, 400, /not in the list of its year/],
    ['remove the last day of a year', '/national/calendar/days/remove', { day: '2031-03-03' }, 409, /last day of a year cannot be removed/],
    ['empty restore', '/national/calendar/restore', {}, 400, /notice-warning/],
    ['restore a year out of range', '/national/calendar/restore', { year: '1066' }, 400, /Enter a year from 1900/],
  ];
  for (const [name, url, fields, status, shows] of cases) {
    const res = await post(env, ADMIN, url, fields);
    assert.equal(res.statusCode, status, `${name}: ${res.body.slice(0, 200)}`);
    assert.match(res.body, shows, name);
    assert.deepEqual(await counts(env), before, `${name} wrote nothing (not even the copied defaults)`);
  }
  // Others may not edit, nor see the editor.
  for (const email of ['analyst@ministry.example', 'it@sisian.example', 'ani@citizen.example']) {
    const res = await post(env, email, '/national/calendar/days', WORKING_SATURDAY);
    assert.equal(res.statusCode, 403, email);
    assert.equal((await getAs(env, email, '/national/calendar')).statusCode, 403, email);
  }
  const anonymous = await env.app.inject({ method: 'GET', url: '/national/calendar' });
  assert.equal(anonymous.statusCode, 303);
  assert.deepEqual(await counts(env), before);
  // A bad ?year= on the page is refused in words, not replaced by this year silently.
  assert.equal((await getAs(env, ADMIN, '/national/calendar?year=abc')).statusCode, 400);
});

bothEngines('the cached calendar is shared by transactions and expires after its TTL', async (t, engine) => {
  const env = await setup(t, engine, { demo: false });
  const db = env.services.db.kysely;
  const now = Date.now();
  const first = await loadCalendar(db, now);
  await db.transaction().execute(async (tx) => {
    assert.equal(await loadCalendar(tx, now + 1), first, 'a transaction reads the same copy, with no query');
  });
  // A row written by another process (no invalidation here) shows once the copy expires.
  await db.insertInto('calendar_days')
    .values({ day: '2026-11-06', working: 0, name_hy: 'Օր', name_en: 'One-off day', name_ru: 'День', updated_at: new Date().toISOString() }).execute();
  assert.equal((await loadCalendar(db, now + 1000)).isWorkingDay('2026-11-06'), true);
  const fresh = await loadCalendar(db, now + CACHE_TTL_MS + 1);
  assert.equal(fresh.isWorkingDay('2026-11-06'), false);
  assert.equal(fresh.isEdited(2026), true);
  assert.equal(fresh.isWorkingDay('2026-12-31'), true, 'an edited year has exactly its rows: 31 Dec is no longer listed');
});
