// The operator side of the queue: call-next order (FIFO), serving, finishing and missing;
// two windows calling at once never get the same ticket; a settlement head only serves
// their village's office; windows are set up by the chief of staff, with bad input refused.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { CHIEF, OPERATOR, SETTLEMENT_HEAD, caller, calledAt, countRows, drain, get, post, settlementId, take, tenantOf, ticket, windowId } from './queue.testkit.ts';

bothEngines('queue: call-next takes the oldest ticket first; serve, done, no-show and recall', async (t, engine) => {
  const env = await setup(t, engine);
  const operator = await caller(env, OPERATOR);
  const w1 = await windowId(env, 'sisian', null, '1');
  const url = `/sisian/staff/queue/windows/${w1}`;
  await drain(env, operator, 'sisian', w1);

  const first = (await take(env, 'central', 'requests')).ticket!;
  const second = (await take(env, 'central', 'certificates')).ticket!;
  const third = (await take(env, 'central', 'reception')).ticket!;
  await take(env, 'central', 'permits'); // window 1 does not call permits

  const call = await post(env, operator, `${url}/call-next`);
  assert.equal(call.status, 303);
  assert.equal(call.location, `${url}?done=called`);
  const a = await ticket(env, first.id);
  assert.equal(a.status, 'called');
  assert.equal(a.window_id, w1);
  assert.equal(a.operator_user_id, (await env.services.db.kysely.selectFrom('users').select('id').where('email', '=', OPERATOR).executeTakeFirstOrThrow()).id);
  assert.ok(a.called_at);

  // Calling again before finishing is refused with a message, not a crash.
  const early = await post(env, operator, `${url}/call-next`);
  assert.equal(early.status, 409);
  assert.match(early.body, /First finish the current visitor/);

  // Recall moves it to the top of the display; serve; done.
  await new Promise((r) => setTimeout(r, 5));
  assert.equal((await post(env, operator, `/sisian/staff/queue/tickets/${a.id}/recall`)).status, 303);
  assert.ok((await ticket(env, a.id)).called_at! > a.called_at!, 'recall updates called_at');
  const page = await get(env, operator, url);
  assert.match(page.body, new RegExp(first.label));
  assert.equal((await post(env, operator, `/sisian/staff/queue/tickets/${a.id}/serve`)).status, 303);
  const serving = await get(env, operator, url);
  assert.match(serving.body, new RegExp(`/sisian/staff/desk/new\\?ticket=${a.id}`), 'a serving ticket links to a new application');
  assert.equal((await post(env, operator, `/sisian/staff/queue/tickets/${a.id}/done`)).status, 303);
  const done = await ticket(env, a.id);
  assert.equal(done.status, 'done');
  assert.ok(done.served_at && done.done_at && done.done_at >= done.served_at);

  // A finished ticket cannot be served again: 409 and the window page says why.
  const again = await post(env, operator, `/sisian/staff/queue/tickets/${a.id}/serve`);
  assert.equal(again.status, 409);
  assert.match(again.body, /already moved on/);

  await post(env, operator, `${url}/call-next`);
  assert.equal((await calledAt(env, w1))?.id, second.id, 'FIFO: the second ticket comes next');
  assert.equal((await post(env, operator, `/sisian/staff/queue/tickets/${second.id}/no-show`)).status, 303);
  assert.equal((await ticket(env, second.id)).status, 'no_show');
  await post(env, operator, `${url}/call-next`);
  assert.equal((await calledAt(env, w1))?.id, third.id, 'then the third');
  await post(env, operator, `/sisian/staff/queue/tickets/${third.id}/no-show`);
  assert.equal((await post(env, operator, `${url}/call-next`)).location, `${url}?done=empty`, 'window 1 has nobody left; the permits ticket is not its');

  const actions = await env.services.db.kysely.selectFrom('audit_events').select('action').where('entity_type', '=', 'queue_ticket').where('entity_id', '=', String(a.id)).orderBy('seq').execute();
  assert.deepEqual(actions.map((x) => x.action), ['queue.ticket.call', 'queue.ticket.recall', 'queue.ticket.serve', 'queue.ticket.done'], 'one audit event per staff action');
});

bothEngines('queue: windows calling at the same moment never get the same ticket', async (t, engine) => {
  const env = await setup(t, engine);
  const chief = await caller(env, CHIEF);
  const operator = await caller(env, OPERATOR);
  const labels = ['N1', 'N2', 'N3', 'N4'];
  for (const label of labels) {
    assert.equal((await post(env, chief, '/sisian/staff/queue/windows', { office: 'central', label, groups: ['notary'] })).status, 303);
  }
  const windows = await Promise.all(labels.map((l) => windowId(env, 'sisian', null, l)));
  await drain(env, operator, 'sisian', windows[0]!);
  const tickets = [];
  for (let i = 0; i < 6; i++) tickets.push((await take(env, 'central', 'notary')).ticket!);

  const answers = await Promise.all(windows.map((w) => post(env, operator, `/sisian/staff/queue/windows/${w}/call-next`)));
  assert.deepEqual(answers.map((a) => a.status), [303, 303, 303, 303]);
  const called = await Promise.all(windows.map((w) => calledAt(env, w)));
  const ids = called.map((c) => c?.id);
  assert.equal(new Set(ids).size, 4, `four different tickets: ${ids.join(', ')}`);
  assert.deepEqual([...ids].sort((x, y) => x! - y!), tickets.slice(0, 4).map((x) => x.id), 'the four oldest');
  const still = await Promise.all(tickets.slice(4).map((x) => ticket(env, x.id)));
  assert.deepEqual(still.map((x) => x.status), ['waiting', 'waiting']);
});

bothEngines("queue: a settlement head serves only their village's office (others answer 404)", async (t, engine) => {
  const env = await setup(t, engine);
  const head = await caller(env, SETTLEMENT_HEAD);
  const village = await settlementId(env, 'sisian', 'Angeghakot');
  const central = await windowId(env, 'sisian', null, '1');
  const own = await windowId(env, 'sisian', village, '1');
  // 404, not 403: the head holds the permission, the window is simply outside their reach,
  // as rows of other settlements are everywhere (ARCHITECTURE rule 3).
  assert.equal((await get(env, head, `/sisian/staff/queue/windows/${central}`)).status, 404);
  const before = await countRows(env, 'audit_events');
  assert.equal((await post(env, head, `/sisian/staff/queue/windows/${central}/call-next`)).status, 404);
  assert.equal(await countRows(env, 'audit_events'), before, 'nothing happened');
  const list = await get(env, head, '/sisian/staff/queue');
  assert.match(list.body, new RegExp(`/sisian/staff/queue/windows/${own}"`));
  assert.doesNotMatch(list.body, new RegExp(`/sisian/staff/queue/windows/${central}"`));

  assert.equal((await get(env, head, `/sisian/staff/queue/windows/${own}`)).status, 200);
  assert.equal((await post(env, head, `/sisian/staff/queue/windows/${own}/call-next`)).status, 303);
  const mine = await calledAt(env, own);
  assert.equal(mine?.settlement_id, village, "the village's waiting ticket");
  // Operators serve every office; a central ticket stays out of the head's reach.
  const operator = await caller(env, OPERATOR);
  assert.equal((await get(env, operator, `/sisian/staff/queue/windows/${own}`)).status, 200);
  await drain(env, operator, 'sisian', central);
  const c = (await take(env, 'central', 'certificates')).ticket!;
  await post(env, operator, `/sisian/staff/queue/windows/${central}/call-next`);
  assert.equal((await ticket(env, c.id)).status, 'called');
  assert.equal((await post(env, head, `/sisian/staff/queue/tickets/${c.id}/serve`)).status, 404);
  assert.equal((await ticket(env, c.id)).status, 'called', 'untouched');
});

bothEngines('queue: windows are set up by the chief of staff; bad input writes nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const chief = await caller(env, CHIEF);
  const tenant = await tenantOf(env, 'sisian');
  const jermukVillage = String(await settlementId(env, 'jermuk', 'Gndevaz'));
  const centre = String(await settlementId(env, 'sisian', 'Sisian'));
  const before = { windows: await countRows(env, 'queue_windows'), audit: await countRows(env, 'audit_events') };
  const bad: [string, Record<string, string | string[]>][] = [
    ['no groups', { office: 'central', label: '9' }],
    ['unknown group', { office: 'central', label: '9', groups: ['bogus'] }],
    ['no label', { office: 'central', label: ' ', groups: ['land'] }],
    ['label too long', { office: 'central', label: '12345678901', groups: ['land'] }],
    ['a label the office has', { office: 'central', label: '1', groups: ['land'] }],
    ["another community's village", { office: jermukVillage, label: '9', groups: ['land'] }],
    ['the centre (it is the central office)', { office: centre, label: '9', groups: ['land'] }],
  ];
  for (const [what, form] of bad) {
    const res = await post(env, chief, '/sisian/staff/queue/windows', form);
    assert.equal(res.status, 400, `${what}: ${res.status}`);
    assert.match(res.body, /error-summary/, what);
  }
  assert.deepEqual({ windows: await countRows(env, 'queue_windows'), audit: await countRows(env, 'audit_events') }, before, 'nothing was written');

  const village = String(await settlementId(env, 'sisian', 'Brnakot'));
  assert.equal((await post(env, chief, '/sisian/staff/queue/windows', { office: village, label: 'Ա', groups: ['certificates', 'social'] })).location, '/sisian/staff/queue/windows?done=created');
  const created = await windowId(env, 'sisian', Number(village), 'Ա');
  assert.match((await get(env, chief, `/sisian/queue?office=${village}`)).body, /value="social"/, 'the new office issues tickets');

  assert.equal((await post(env, chief, `/sisian/staff/queue/windows/${created}`, { groups: [] })).status, 400, 'an update needs a group');
  assert.equal((await post(env, chief, `/sisian/staff/queue/windows/${created}`, { groups: ['land'] })).status, 303, 'no active box: closed');
  const row = await tenant.selectFrom('queue_windows').selectAll().where('id', '=', created).executeTakeFirstOrThrow();
  assert.deepEqual([row.groups, row.active], ['["land"]', 0]);
  assert.equal((await get(env, chief, `/sisian/queue?office=${village}`)).status, 400, 'a closed office issues no tickets');
  const audit = await env.services.db.kysely.selectFrom('audit_events').select('action').where('entity_type', '=', 'queue_window').where('entity_id', '=', String(created)).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['queue.window.create', 'queue.window.update']);
  assert.equal((await get(env, await caller(env, OPERATOR), '/sisian/staff/queue/windows')).status, 403, 'operators do not set up windows');
});
