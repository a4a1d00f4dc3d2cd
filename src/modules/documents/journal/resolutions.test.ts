// Resolutions on both engines: a deadline in working days skips the 24 April holiday; an
// executor asks for more time and the resolver grants it; the responsible executor reports,
// the resolver returns and then accepts; steps out of turn are refused; execution control
// reminds the executors and escalates an overdue resolution to the chief of staff once; and a
// restricted letter is found only by those allowed, the read audited.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { loadCalendar } from '../../../platform/calendar/calendar.store.ts';
import { tenantOf } from '../../registry/population/residents.test-helpers.ts';
import { registerDocument } from './journal.seam.ts';
import { issueResolution, resolutionStep, ResolutionError } from './resolutions.ts';
import { runExecutionControl } from './control.ts';
import { searchDocuments } from './journal.search.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

async function userId(db: Kysely<Database>, email: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}
const as = (userId: number) => ({ ...SYSTEM_ACTOR, userId, label: `user ${userId}` });

bothEngines('a resolution: deadline on the calendar, more time, report, return, accept, reminders and escalation', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tenant = await tenantOf(env.services, 'sisian');
  const [head, chief, specialist, deputy] = await Promise.all(['head', 'chief', 'specialist', 'deputy'].map((u) => userId(db, `${u}@sisian.example`))) as [number, number, number, number];
  const calendar = await loadCalendar(db);
  const doc = await registerDocument(db, tenant.communityId, {
    journal: 'incoming', date: '2031-04-22', correspondent: { kind: 'person', name: 'Հայկ Դավթյան' }, summary: 'Խնդրում եմ վերանորոգել փողոցի լուսավորությունը',
    pages: 2, language: 'hy', access: 'internal', files: [],
  }, SYSTEM_ACTOR);

  const id = await issueResolution(tenant, as(head), {
    documentId: doc.id, task: 'Ուսումնասիրել և պատասխանել', workingDays: 3,
    executors: [{ userId: specialist, responsible: true, department: 'Քաղաքաշինություն' }, { userId: deputy, responsible: false, department: null }],
  }, calendar, '2031-04-22');
  const row = () => tenant.selectFrom('doc_resolutions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal((await row()).due_on, '2031-04-28', 'three working days after Tuesday 22 April, 24 April being a holiday');
  assert.equal((await tenant.selectFrom('doc_documents').select('status').where('id', '=', doc.id).executeTakeFirstOrThrow()).status, 'in_work');

  await assert.rejects(issueResolution(tenant, as(head), { documentId: doc.id, task: 'x', workingDays: 3, executors: [{ userId: specialist, responsible: false, department: null }] }, calendar, '2031-04-22'),
    (e: unknown) => e instanceof ResolutionError && e.key === 'documents.resolution.error.executors', 'exactly one responsible');
  await assert.rejects(resolutionStep(tenant, as(specialist), 'accept', { resolutionId: id }, calendar, '2031-04-23'),
    (e: unknown) => e instanceof ResolutionError && e.key === 'documents.resolution.error.not_resolver');
  await assert.rejects(resolutionStep(tenant, as(deputy), 'report', { resolutionId: id, note: 'x' }, calendar, '2031-04-23'),
    (e: unknown) => e instanceof ResolutionError && e.key === 'documents.resolution.error.not_executor', 'only the responsible executor reports');
  await assert.rejects(resolutionStep(tenant, as(specialist), 'extension_request', { resolutionId: id, newDueOn: '2031-05-03' }, calendar, '2031-04-23'),
    (e: unknown) => e instanceof ResolutionError && e.key === 'documents.resolution.error.deadline', 'a Saturday is no deadline');

  assert.equal(await resolutionStep(tenant, as(specialist), 'extension_request', { resolutionId: id, newDueOn: '2031-05-05', note: 'Պետք է տեղազննություն' }, calendar, '2031-04-23'), 'extension_requested');
  assert.equal(await resolutionStep(tenant, as(head), 'extension_grant', { resolutionId: id }, calendar, '2031-04-23'), 'in_work');
  assert.equal((await row()).due_on, '2031-05-05');

  // Control on the day before the new deadline: the executors are reminded once; nothing is overdue.
  // (The demo's own resolutions are long overdue by 2031; the assertions look at this one.)
  await runExecutionControl(env.services, '2031-05-02', tenant.communityId);
  assert.equal((await row()).reminded_on, '2031-05-02');
  assert.equal((await row()).escalated_on, null, 'not overdue yet');
  await runExecutionControl(env.services, '2031-05-02', tenant.communityId);
  const notices = await tenant.selectFrom('notices').select(['user_id', 'message_key']).where('message_key', '=', 'documents.notice.reminder').where('params', 'like', `%${doc.number}%`).execute();
  assert.deepEqual(notices.map((n) => n.user_id).sort(), [specialist, deputy].sort());

  // Past the deadline: every chief of staff hears of it, once.
  await runExecutionControl(env.services, '2031-05-06', tenant.communityId);
  assert.equal((await row()).escalated_on, '2031-05-06');
  await runExecutionControl(env.services, '2031-05-07', tenant.communityId);
  assert.equal((await row()).escalated_on, '2031-05-06', 'once');
  const escalated = await tenant.selectFrom('notices').select('user_id').where('message_key', '=', 'documents.notice.escalated').where('params', 'like', `%${doc.number}%`).execute();
  assert.deepEqual(escalated.map((n) => n.user_id), [chief]);

  assert.equal(await resolutionStep(tenant, as(specialist), 'report', { resolutionId: id, note: 'Լուսավորությունը վերականգնված է' }, calendar, '2031-05-06'), 'reported');
  await assert.rejects(resolutionStep(tenant, as(specialist), 'report', { resolutionId: id, note: 'again' }, calendar, '2031-05-06'),
    (e: unknown) => e instanceof ResolutionError && e.key === 'documents.resolution.error.state');
  assert.equal(await resolutionStep(tenant, as(head), 'return', { resolutionId: id, note: 'Կցեք լուսանկարը' }, calendar, '2031-05-06'), 'returned');
  assert.equal(await resolutionStep(tenant, as(deputy), 'forward', { resolutionId: id, toUserId: chief }, calendar, '2031-05-06'), 'returned');
  assert.equal(await resolutionStep(tenant, as(specialist), 'report', { resolutionId: id, note: 'Լուսանկարը կցված է' }, calendar, '2031-05-07'), 'reported');
  assert.equal(await resolutionStep(tenant, as(head), 'accept', { resolutionId: id }, calendar, '2031-05-07'), 'done');
  assert.equal((await row()).done_on, '2031-05-07');
  const kinds = (await tenant.selectFrom('doc_resolution_events').select('kind').where('resolution_id', '=', id).orderBy('id').execute()).map((e) => e.kind);
  assert.deepEqual(kinds, ['issue', 'extension_request', 'extension_grant', 'remind', 'escalate', 'report', 'return', 'forward', 'report', 'accept']);
  const executors = (await tenant.selectFrom('doc_resolution_executors').select('user_id').where('resolution_id', '=', id).execute()).map((e) => e.user_id).sort();
  assert.deepEqual(executors, [specialist, chief].sort(), 'the forward put the chief of staff in the deputy’s place');
});

bothEngines('a restricted letter is found only by those allowed, in any spelling, and each such read is audited', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tenant = await tenantOf(env.services, 'jermuk');
  const [head, specialist] = await Promise.all([userId(db, 'head@jermuk.example'), userId(db, 'specialist@jermuk.example')]) as [number, number];
  const doc = await registerDocument(db, tenant.communityId, {
    journal: 'incoming', date: '2031-03-03', correspondent: { kind: 'person', name: 'Քալանթարյան Գոհար' }, summary: 'Բողոք հարևանի դեմ',
    pages: 1, language: 'hy', access: 'restricted', files: [],
  }, SYSTEM_ACTOR);
  const audited = async () => Number((await db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'documents.document.read_restricted').executeTakeFirstOrThrow()).n);

  assert.deepEqual(await searchDocuments(tenant, { userId: specialist, readsRestricted: false }, 'Kalantaryan', 10, as(specialist)), [], 'a specialist who is not its executor');
  const found = await searchDocuments(tenant, { userId: head, readsRestricted: true }, 'Калантарян', 10, as(head));
  assert.deepEqual(found.map((f) => f.number), [doc.number], 'Cyrillic finds the Armenian name');
  assert.equal(await audited(), 1);
  assert.deepEqual((await searchDocuments(tenant, { userId: head, readsRestricted: true }, 'Մ-2031/1', 10, as(head))).map((f) => f.id), [doc.id], 'by its number');
  assert.deepEqual((await searchDocuments(tenant, { userId: head, readsRestricted: true }, 'kalant boxoq', 10, null)).map((f) => f.id), [doc.id], 'words of the name and summary, by prefix');

  await issueResolution(tenant, as(head), { documentId: doc.id, task: 'Պարզել', workingDays: 5, executors: [{ userId: specialist, responsible: true, department: null }] }, await loadCalendar(db), '2031-03-03');
  assert.equal((await searchDocuments(tenant, { userId: specialist, readsRestricted: false }, 'Kalantaryan', 10, as(specialist))).length, 1, 'its executor finds it');
  assert.equal(await audited(), 3);
  const sisian = await tenantOf(env.services, 'sisian');
  assert.deepEqual(await searchDocuments(sisian, { userId: head, readsRestricted: true }, 'Kalantaryan', 10, null), [], 'another community sees nothing');
});
