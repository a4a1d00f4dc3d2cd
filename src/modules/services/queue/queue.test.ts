// The queue's public side and its figures: ticket numbers per group, office and day; bad
// kiosk input writes nothing; the hall display and its JSON; the office statistics of a
// day with known tickets.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { ANONYMOUS } from '../../../../test/route-walk.ts';
import { takeTicket } from './queue.service.ts';
import { dayStats } from './queue.stats.ts';
import { ticketsOfDay } from './queue.queries.ts';
import { CHIEF, OPERATOR, caller, countRows, get, post, settlementId, take, tenantOf, windowId } from './queue.testkit.ts';

bothEngines('queue: ticket numbers go up per group and office and restart each day', async (t, engine) => {
  const env = await setup(t, engine);
  const angeghakot = String(await settlementId(env, 'sisian', 'Angeghakot'));

  const a = (await take(env, 'central', 'certificates')).ticket!;
  const b = (await take(env, 'central', 'certificates')).ticket!;
  const p = (await take(env, 'central', 'permits')).ticket!;
  const v = (await take(env, angeghakot, 'certificates')).ticket!;
  assert.equal(b.number, a.number + 1, 'the same group and office count on');
  assert.match(a.label, /^Ա-\d{3}$/, 'certificates tickets are Ա-NNN');
  assert.equal(b.label, `Ա-${String(b.number).padStart(3, '0')}`);
  assert.match(p.label, /^Բ-\d{3}$/, 'permits tickets are Բ-NNN');
  assert.equal(p.number, 3, 'permits count on from the two demo tickets waiting today, not from certificates');
  assert.equal(v.number, 2, "the village office has its own counter (one demo ticket today)");
  assert.equal(v.settlement_id, Number(angeghakot));
  for (const x of [a, b, p, v]) assert.equal(x.status, 'waiting');

  // Tomorrow starts again at 1.
  const tenant = await tenantOf(env, 'sisian');
  const tomorrow = await takeTicket(tenant, { office: 'central', group: 'certificates' }, new Date(Date.now() + 86_400_000));
  assert.equal(tomorrow.number, 1);
  assert.notEqual(tomorrow.day, a.day);

  // The ticket page: the number, the group and how many wait before it.
  const page = await get(env, ANONYMOUS, `/sisian/queue/tickets/${b.id}`);
  assert.equal(page.status, 200);
  assert.match(page.body, new RegExp(b.label));
  assert.match(page.body, /Waiting before you: 1/);
  // Another community's ticket is not found here.
  const jermukTicket = (await take(env, 'central', 'certificates', 'jermuk')).ticket!;
  assert.equal((await get(env, ANONYMOUS, `/sisian/queue/tickets/${jermukTicket.id}`)).status, 404);
});

bothEngines('queue: bad kiosk input answers 400 and writes nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const jermukSettlement = String(await settlementId(env, 'jermuk', 'Gndevaz'));
  const before = { tickets: await countRows(env, 'queue_tickets'), counters: await countRows(env, 'sequence_counters') };
  const cases: [string, Record<string, string>][] = [
    ['unknown group', { office: 'central', group: 'bogus' }],
    ['no group', { office: 'central' }],
    ['unknown office', { office: 'nowhere', group: 'certificates' }],
    ['a settlement of another community', { office: jermukSettlement, group: 'certificates' }],
    ['a settlement without windows', { office: '999999', group: 'certificates' }],
    ['nothing', {}],
  ];
  for (const [what, form] of cases) {
    const res = await post(env, ANONYMOUS, '/sisian/queue/tickets', form);
    assert.equal(res.status, 400, `${what}: ${res.status}`);
    assert.match(res.body, /error-summary/, `${what}: the page names the problem`);
  }
  assert.deepEqual({ tickets: await countRows(env, 'queue_tickets'), counters: await countRows(env, 'sequence_counters') }, before, 'nothing was written');
  // The display's JSON names the office it needs.
  const api = await get(env, ANONYMOUS, '/api/v1/communities/sisian/queue/display?office=nowhere');
  assert.equal(api.status, 400);
  assert.equal((JSON.parse(api.body) as { error: { code: string } }).error.code, 'validation');
});

bothEngines('queue: the kiosk offers the groups of open windows; the display shows calls and waiting counts', async (t, engine) => {
  const env = await setup(t, engine);
  const choice = await get(env, ANONYMOUS, '/sisian/queue');
  assert.equal(choice.status, 200);
  assert.match(choice.body, /href="\/sisian\/queue\?office=central"/, 'Sisian has two offices: the kiosk asks which');
  const kiosk = await get(env, ANONYMOUS, '/sisian/queue?office=central');
  for (const g of ['certificates', 'permits', 'land', 'social', 'notary', 'reception', 'requests']) assert.match(kiosk.body, new RegExp(`name="group" value="${g}"`));

  const mine = (await take(env, 'central', 'reception')).ticket!;
  const json = async () => JSON.parse((await get(env, ANONYMOUS, '/api/v1/communities/sisian/queue/display?office=central')).body) as {
    called: { ticket: string; window: string }[];
    waiting: { group: string; count: number }[];
  };
  const before = await json();
  assert.equal(before.waiting.find((w) => w.group === 'reception')?.count, 1);

  const operator = await caller(env, OPERATOR);
  const w1 = await windowId(env, 'sisian', null, '1');
  const called = await post(env, operator, `/sisian/staff/queue/windows/${w1}/call-next`);
  assert.equal(called.status, 303);
  const after = await json();
  assert.deepEqual(after.called[0], { ...after.called[0], ticket: mine.label, window: '1' }, 'the newest call is first');
  assert.equal(after.waiting.find((w) => w.group === 'reception')?.count, 0);
  const page = await get(env, ANONYMOUS, '/sisian/queue/display?office=central');
  assert.match(page.body, new RegExp(`queue-newest[^>]*>\\s*<span class="queue-called-ticket">${mine.label}`));
  assert.match(page.body, /src="\/static\/queue-display\.js"/);
  assert.doesNotMatch(page.body, /http-equiv="refresh"/i, 'no meta refresh (WCAG 2.2.1)');
  assert.match((await get(env, ANONYMOUS, `/sisian/queue/tickets/${mine.id}`)).body, /Please go to window 1/);
  assert.equal((await env.app.inject({ url: '/static/queue-display.js' })).statusCode, 200);
});

bothEngines('queue: office statistics of a day with known tickets', async (t, engine) => {
  const env = await setup(t, engine);
  const tenant = await tenantOf(env, 'sisian');
  const day = '2024-03-05';
  const w1 = await windowId(env, 'sisian', null, '1');
  const w2 = await windowId(env, 'sisian', null, '2');
  const users = await env.services.db.kysely.selectFrom('users').select(['id', 'email']).where('email', 'in', [OPERATOR, 'specialist@sisian.example']).execute();
  const op = users.find((u) => u.email === OPERATOR)!.id;
  const spec = users.find((u) => u.email !== OPERATOR)!.id;
  const at = (hm: string) => new Date(`${day}T${hm}:00+04:00`).toISOString();
  const base = { settlement_id: null, day, case_id: null, served_at: null, done_at: null, called_at: null, window_id: null, operator_user_id: null };
  await tenant.insertInto('queue_tickets', [
    { ...base, group_code: 'certificates', number: 1, label: 'Ա-001', status: 'done', issued_at: at('09:00'), called_at: at('09:10'), served_at: at('09:11'), done_at: at('09:21'), window_id: w1, operator_user_id: op },
    { ...base, group_code: 'requests', number: 1, label: 'Է-001', status: 'done', issued_at: at('09:05'), called_at: at('09:25'), served_at: at('09:26'), done_at: at('09:31'), window_id: w1, operator_user_id: op },
    { ...base, group_code: 'permits', number: 1, label: 'Բ-001', status: 'no_show', issued_at: at('10:00'), called_at: at('10:30'), window_id: w2, operator_user_id: spec },
    { ...base, group_code: 'permits', number: 2, label: 'Բ-002', status: 'waiting', issued_at: at('10:15') },
  ]).execute();

  const stats = dayStats(await ticketsOfDay(tenant, day, null));
  assert.deepEqual(stats.total, { issued: 4, called: 3, served: 2, noShows: 1, waitMedian: 20, waitAverage: 20, serviceMedian: 7.5, serviceAverage: 7.5 });
  assert.deepEqual(stats.windows.get(w1), { issued: 2, called: 2, served: 2, noShows: 0, waitMedian: 15, waitAverage: 15, serviceMedian: 7.5, serviceAverage: 7.5 });
  assert.deepEqual(stats.windows.get(w2), { issued: 1, called: 1, served: 0, noShows: 1, waitMedian: 30, waitAverage: 30, serviceMedian: null, serviceAverage: null });
  assert.equal(stats.operators.get(op)?.served, 2);
  assert.deepEqual(stats.groups.find((g) => g.group === 'permits'), { group: 'permits', issued: 2, served: 0, noShows: 1, waiting: 1 });
  assert.deepEqual(stats.hours.filter((h) => h.count > 0), [{ hour: 9, count: 2 }, { hour: 10, count: 2 }]);

  const chief = await caller(env, CHIEF);
  const page = await get(env, chief, `/sisian/staff/queue/stats?day=${day}&office=central`);
  assert.equal(page.status, 200);
  assert.match(page.body, /id="stat-served">2</);
  assert.match(page.body, /7\.5/);
  assert.match(page.body, /day=2024-03-04/, 'a link to the previous day');
  assert.match(page.body, /day=2024-03-06/, 'a link to the next day');
  for (const bad of ['2024-02-30', 'yesterday', '2024-3-5']) {
    assert.equal((await get(env, chief, `/sisian/staff/queue/stats?day=${bad}`)).status, 400, bad);
  }
  assert.equal((await get(env, await caller(env, OPERATOR), '/sisian/staff/queue/stats')).status, 403, 'operators do not see office statistics');
  // The demo's past working days have figures.
  assert.ok((await ticketsOfDay(tenant, (await tenant.selectFrom('queue_tickets').select('day').where('status', '=', 'done').orderBy('day', 'desc').executeTakeFirstOrThrow()).day, undefined)).length > 10);
});
