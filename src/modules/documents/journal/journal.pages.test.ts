// The journal's staff pages as their users meet them: who may read a restricted letter is the
// documents.restricted permission (the chief of staff yes, a specialist no — 404, not a hint),
// every restricted entry a list shows is audited, the journal filter applies inside the search
// (not to its first page of hits), a wrong value is refused and another community's document
// is not found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { tenantOf } from '../../registry/population/residents.test-helpers.ts';
import { browserAs } from '../../services/portal/portal.testkit.ts';
import { registerDocument, type NewDocument } from './journal.seam.ts';

const letter = (over: Partial<NewDocument>): NewDocument => ({
  journal: 'incoming', correspondent: { kind: 'person', name: 'Քալանթարյան Գոհար' }, summary: 'Բողոք հարևանի դեմ',
  pages: 1, language: 'hy', access: 'internal', files: [], ...over,
});

test('journal pages: restricted letters by permission, audited in lists, the journal filter inside the search', async (t) => {
  const env = await setup(t, 'sqlite');
  const db = env.services.db.kysely;
  const sisian = await tenantOf(env.services, 'sisian');
  const restricted = await registerDocument(db, sisian.communityId, letter({ access: 'restricted' }), SYSTEM_ACTOR);
  const reads = async (via: string) => (await db.selectFrom('audit_events').select('after_json').where('action', '=', 'documents.document.read_restricted').execute())
    .filter((r) => String(r.after_json).includes(`"${via}"`)).length;

  const specialist = await browserAs(env, 'specialist@sisian.example');
  assert.ok(!(await specialist.get('/sisian/staff/journal')).body.includes(restricted.number), 'a specialist does not see it in the list');
  assert.ok(!(await specialist.get('/sisian/staff/journal?q=Kalantaryan')).body.includes(restricted.number), 'nor find it');
  assert.equal((await specialist.get(`/sisian/staff/journal/${restricted.id}`)).statusCode, 404);

  const chief = await browserAs(env, 'chief@sisian.example');
  assert.ok((await chief.get('/sisian/staff/journal')).body.includes(restricted.number), 'the chief of staff sees it');
  assert.equal(await reads('list'), 1, 'and the list that showed it is audited');
  assert.equal((await chief.get(`/sisian/staff/journal/${restricted.id}`)).statusCode, 200);
  assert.equal(await reads('page'), 1);

  // More newer outgoing hits than a page holds: the incoming letter is still found when the filter asks for incoming.
  for (let i = 0; i < 51; i++) await registerDocument(db, sisian.communityId, letter({ journal: 'outgoing', correspondent: { kind: 'body', name: 'Zangezur Water' }, summary: `Answer ${i} about the Vorotan pipe` }), SYSTEM_ACTOR);
  const older = await registerDocument(db, sisian.communityId, letter({ date: '2020-05-05', correspondent: { kind: 'body', name: 'Zangezur Water' }, summary: 'Vorotan pipe repair' }), SYSTEM_ACTOR);
  assert.ok((await chief.get('/sisian/staff/journal?q=Vorotan&journal=incoming')).body.includes(older.number), 'found behind 51 newer outgoing hits');
  assert.ok(!(await chief.get('/sisian/staff/journal?q=Vorotan&journal=outgoing')).body.includes(older.number));

  assert.equal((await chief.get('/sisian/staff/journal?journal=archive')).statusCode, 400, 'an unknown journal is refused');
  assert.equal((await chief.get('/sisian/staff/journal?q=' + 'x'.repeat(101))).statusCode, 400, 'so is a query past 100 characters');
  const jermukHead = await browserAs(env, 'head@jermuk.example');
  assert.equal((await jermukHead.get(`/jermuk/staff/journal/${older.id}`)).statusCode, 404, 'another community’s document is not found');
  assert.equal((await jermukHead.get(`/sisian/staff/journal/${older.id}`)).statusCode, 403, 'nor is its journal open to them');
});
