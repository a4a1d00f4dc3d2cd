// The scheduled escalation: an open case past its deadline is reported once to the chief
// of staff (an in-app notice and a timeline event); paused and decided cases are not.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { fileCase, performAction } from './cases.service.ts';
import { envAs, installTestService } from '../services.testkit.ts';
import { escalateOverdueCases } from './case-escalation.ts';

const applicant = { kind: 'person' as const, name: 'Արամ Սարգսյան', locale: 'hy' };

bothEngines('overdue open cases are escalated to the chief of staff once; paused ones are not', async (t, engine) => {
  const { services } = await setup(t, engine);
  const { serviceId } = await installTestService(services, 'sisian');
  const operator = await envAs(services, 'sisian', 'operator@sisian.example');
  const chief = await envAs(services, 'sisian', 'chief@sisian.example');
  const late = await fileCase(operator, { serviceId, channel: 'office', applicant, formData: { purpose: 'a' } }, { register: true });
  const paused = await fileCase(operator, { serviceId, channel: 'office', applicant, formData: { purpose: 'b' } }, { register: true });
  const specialist = await envAs(services, 'sisian', 'specialist@sisian.example');
  const assigned = await performAction(chief, paused.caseId, 'assign', { expectedVersion: paused.version, assigneeUserId: specialist.actor.userId! });
  await performAction(specialist, paused.caseId, 'request_info', { expectedVersion: assigned.version, fields: ['purpose'], message: 'fix' });
  await operator.tenant.updateTable('cases').set({ due_date: '2026-01-05' }).where('id', 'in', [late.caseId, paused.caseId]).execute();

  const noticesOf = () => chief.tenant.selectFrom('notices').select(['message_key', 'link']).where('user_id', '=', chief.actor.userId!)
    .where('message_key', '=', 'services.notice.escalated').execute();
  // The demo's own late cases are escalated too; count the notices about these two.
  const about = async (caseId: number) => (await noticesOf()).filter((n) => n.link === `/staff/cases/${caseId}`).length;
  await escalateOverdueCases(services);
  assert.equal(await about(late.caseId), 1, 'one notice for the running late case');
  assert.equal(await about(paused.caseId), 0, 'none for the paused one');
  const c = await operator.tenant.selectFrom('cases').select('escalated_at').where('id', '=', late.caseId).executeTakeFirstOrThrow();
  assert.ok(c.escalated_at);
  const events = await operator.tenant.selectFrom('case_events').select(['kind', 'public']).where('case_id', '=', late.caseId).where('kind', '=', 'escalated').execute();
  assert.deepEqual(events, [{ kind: 'escalated', public: 0 }]);

  await escalateOverdueCases(services);
  assert.equal(await about(late.caseId), 1, 'a second run does not escalate again');
  const pausedRow = await operator.tenant.selectFrom('cases').select('escalated_at').where('id', '=', paused.caseId).executeTakeFirstOrThrow();
  assert.equal(pausedRow.escalated_at, null, 'a case waiting for the applicant is not escalated');
});
