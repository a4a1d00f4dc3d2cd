// The case engine's rules on both engines: the whole workflow by the right roles, roles
// without an action refused, impossible transitions refused, concurrent actions (one
// wins, the other is told the case changed), registration numbers, and the paused clock.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { fileCase, performAction, startCase, saveDraft } from './cases.service.ts';
import { envAs, installTestService } from '../services.testkit.ts';
import type { CaseEnv } from './case-env.ts';

async function rejectsWith(p: Promise<unknown>, status: number, code?: string) {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    assert.equal(err.status, status, `status ${err.status} (${err.code})`);
    if (code) assert.equal(err.code, code);
    return true;
  });
}

const applicant = { kind: 'person' as const, psn: '1234567890', name: 'Անի Պետրոսյան', email: 'ani@citizen.example', locale: 'en' };

async function world(t: Parameters<Parameters<typeof bothEngines>[1]>[0], engine: Parameters<Parameters<typeof bothEngines>[1]>[1]) {
  const { services } = await setup(t, engine);
  const { serviceId } = await installTestService(services, 'sisian');
  const as = (email: string) => envAs(services, 'sisian', email);
  return {
    services, serviceId,
    operator: await as('operator@sisian.example'),
    chief: await as('chief@sisian.example'),
    specialist: await as('specialist@sisian.example'),
    head: await as('head@sisian.example'),
  };
}

async function version(env: CaseEnv, caseId: number): Promise<number> {
  const row = await env.tenant.selectFrom('cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow();
  return row.version;
}

bothEngines('a case runs the whole workflow, each step by a role that may take it', async (t, engine) => {
  const w = await world(t, engine);
  const filed = await fileCase(w.operator, { serviceId: w.serviceId, channel: 'office', applicant, formData: { purpose: 'bank' } }, { register: true });
  assert.equal(filed.state, 'registered');
  const c1 = await w.operator.tenant.selectFrom('cases').selectAll().where('id', '=', filed.caseId).executeTakeFirstOrThrow();
  assert.match(c1.reg_number ?? '', /^\d{4}\/\d{6}$/);
  assert.equal(c1.reg_number, `${c1.reg_year}/${String(c1.reg_seq).padStart(6, '0')}`);
  assert.ok(c1.due_date, 'registration sets the decision deadline');
  assert.equal(c1.fee_amount, 1000);
  assert.equal(c1.fee_status, 'due');

  let v = filed.version;
  ({ version: v } = await performAction(w.chief, filed.caseId, 'assign', { expectedVersion: v, assigneeUserId: w.specialist.actor.userId! }));
  // A request must name what to fix, and only what this service has.
  await rejectsWith(performAction(w.specialist, filed.caseId, 'request_info', { expectedVersion: v, message: 'Something is wrong' }), 400);
  await rejectsWith(performAction(w.specialist, filed.caseId, 'request_info', { expectedVersion: v, fields: ['purpose', 'shoe_size'], message: 'x' }), 400);
  ({ version: v } = await performAction(w.specialist, filed.caseId, 'request_info', { expectedVersion: v, fields: ['purpose'], message: 'Name the bank' }));
  const paused = await w.operator.tenant.selectFrom('cases').selectAll().where('id', '=', filed.caseId).executeTakeFirstOrThrow();
  assert.equal(paused.state, 'info_requested');
  assert.ok(paused.paused_at);
  assert.deepEqual(JSON.parse(paused.info_request!).fields, ['purpose']);
  ({ version: v } = await performAction(w.specialist, filed.caseId, 'resume', { expectedVersion: v }));
  ({ version: v } = await performAction(w.specialist, filed.caseId, 'approve', { expectedVersion: v }));
  const r = await performAction(w.operator, filed.caseId, 'deliver', { expectedVersion: v });
  assert.equal(r.state, 'delivered');

  const events = await w.operator.tenant.selectFrom('case_events').select(['kind', 'public']).where('case_id', '=', filed.caseId).orderBy('id').execute();
  assert.deepEqual(events.map((e) => e.kind), ['created', 'submitted', 'registered', 'assigned', 'info_requested', 'resumed', 'approved', 'delivered']);
  assert.equal(events.find((e) => e.kind === 'assigned')!.public, 0, 'assignment is internal');
  const audits = await w.services.db.kysely.selectFrom('audit_events').select('action').where('entity_type', '=', 'case').where('entity_id', '=', String(filed.caseId)).execute();
  assert.ok(audits.length >= 8, 'every step is audited');
  const mails = await w.services.db.kysely.selectFrom('outbox_messages').select(['subject', 'locale']).where('recipient', '=', 'ani@citizen.example').execute();
  assert.ok(mails.some((m) => m.subject?.includes('registered')), 'the applicant is told in English (their language)');
});

bothEngines('a role without the action is refused and an impossible transition is refused', async (t, engine) => {
  const w = await world(t, engine);
  const filed = await fileCase(w.operator, { serviceId: w.serviceId, channel: 'office', applicant, formData: { purpose: 'x' } });
  assert.equal(filed.state, 'submitted');
  await rejectsWith(performAction(w.specialist, filed.caseId, 'register', { expectedVersion: filed.version }), 403, 'forbidden');
  await rejectsWith(performAction(w.chief, filed.caseId, 'approve', { expectedVersion: filed.version }), 409, 'invalid_transition');
  await rejectsWith(performAction(w.chief, filed.caseId, 'no_such_action', { expectedVersion: filed.version }), 400);
  const reg = await performAction(w.operator, filed.caseId, 'register', { expectedVersion: filed.version });
  await rejectsWith(performAction(w.operator, filed.caseId, 'reject', { expectedVersion: reg.version, reason: 'no' }), 403, 'forbidden');
  await rejectsWith(performAction(w.chief, filed.caseId, 'reject', { expectedVersion: reg.version, reason: '  ' }), 400);
  assert.equal(await version(w.operator, filed.caseId), reg.version, 'refused actions change nothing');
  // The settlement head of Angeghakot does not see a central-office case at all.
  const village = await envAs(w.services, 'sisian', 'angeghakot@sisian.example');
  await rejectsWith(performAction(village, filed.caseId, 'assign', { expectedVersion: reg.version, assigneeUserId: village.actor.userId! }), 404);
});

bothEngines('two staff approving at once: one wins, the other is told the case changed', async (t, engine) => {
  const w = await world(t, engine);
  const filed = await fileCase(w.operator, { serviceId: w.serviceId, channel: 'office', applicant, formData: { purpose: 'x' } }, { register: true });
  const { version: v } = await performAction(w.chief, filed.caseId, 'assign', { expectedVersion: filed.version, assigneeUserId: w.specialist.actor.userId! });
  const results = await Promise.allSettled([
    performAction(w.specialist, filed.caseId, 'approve', { expectedVersion: v }),
    performAction(w.head, filed.caseId, 'reject', { expectedVersion: v, reason: 'incomplete' }),
  ]);
  const ok = results.filter((r) => r.status === 'fulfilled');
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.equal(ok.length, 1, 'exactly one decision is taken');
  assert.equal(failed.length, 1);
  assert.ok(failed[0]!.reason instanceof AppError && failed[0]!.reason.status === 409, String(failed[0]!.reason));
  const decisions = await w.operator.tenant.selectFrom('case_events').select('kind').where('case_id', '=', filed.caseId).where('kind', 'in', ['approved', 'rejected']).execute();
  assert.equal(decisions.length, 1);
});

bothEngines('registration numbers are unique and consecutive under concurrent registration', async (t, engine) => {
  const w = await world(t, engine);
  const year = Number(new Date().toISOString().slice(0, 4));
  const before = await w.operator.tenant.selectFrom('cases').select((eb) => eb.fn.max('reg_seq').as('max')).where('reg_year', '=', year).executeTakeFirst();
  const base = Number(before?.max ?? 0);
  const cases = [];
  for (let i = 0; i < 8; i++) cases.push(await fileCase(w.operator, { serviceId: w.serviceId, channel: 'office', applicant, formData: { purpose: `p${i}` } }));
  await Promise.all(cases.map((c) => performAction(w.operator, c.caseId, 'register', { expectedVersion: c.version })));
  const rows = await w.operator.tenant.selectFrom('cases').select('reg_seq').where('id', 'in', cases.map((c) => c.caseId)).orderBy('reg_seq').execute();
  assert.deepEqual(rows.map((r) => r.reg_seq), [1, 2, 3, 4, 5, 6, 7, 8].map((n) => base + n));
});

bothEngines('drafts: format errors refused, missing values wait until submission, stale saves refused', async (t, engine) => {
  const w = await world(t, engine);
  const citizen = await envAs(w.services, 'sisian', 'ani@citizen.example');
  const draft = await startCase(citizen, { serviceId: w.serviceId, channel: 'online', applicant: { ...applicant, userId: citizen.actor.userId }, formData: {} });
  await rejectsWith(saveDraft(citizen, draft.caseId, draft.version, { area: 'ten' }), 400);
  await rejectsWith(performAction(citizen, draft.caseId, 'submit', { expectedVersion: draft.version }), 400);
  const v2 = await saveDraft(citizen, draft.caseId, draft.version, { purpose: 'school', area: '12,5' });
  await rejectsWith(saveDraft(citizen, draft.caseId, draft.version, { purpose: 'stale' }), 409, 'case_changed');
  const submitted = await performAction(citizen, draft.caseId, 'submit', { expectedVersion: v2 });
  assert.equal(submitted.state, 'submitted');
  // Someone else's citizen account does not see the case.
  const other = await envAs(w.services, 'sisian', 'admin@ministry.example');
  await rejectsWith(performAction(other, draft.caseId, 'withdraw', { expectedVersion: submitted.version }), 404);
});

bothEngines('the clock pauses while information is requested: the deadline moves by the paused working days', async (t, engine) => {
  const w = await world(t, engine);
  const filed = await fileCase(w.operator, { serviceId: w.serviceId, channel: 'office', applicant, formData: { purpose: 'x' } }, { register: true });
  let { version: v } = await performAction(w.chief, filed.caseId, 'assign', { expectedVersion: filed.version, assigneeUserId: w.specialist.actor.userId! });
  ({ version: v } = await performAction(w.specialist, filed.caseId, 'request_info', { expectedVersion: v, fields: ['purpose'], message: 'fix' }));
  // Pretend the request was made on Monday 2026-11-16 and the deadline was Friday 2026-11-20.
  await w.operator.tenant.updateTable('cases').set({ paused_at: '2026-11-16T08:00:00.000Z', due_date: '2026-11-20' }).where('id', '=', filed.caseId).execute();
  await performAction(w.specialist, filed.caseId, 'resume', { expectedVersion: v });
  const c = await w.operator.tenant.selectFrom('cases').select(['due_date', 'paused_at']).where('id', '=', filed.caseId).executeTakeFirstOrThrow();
  assert.equal(c.paused_at, null);
  assert.ok(c.due_date! > '2026-11-20', `the deadline moved (${c.due_date})`);
});
