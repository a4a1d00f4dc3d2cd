// The demo's journals, as the chief of staff would first see them: Sisian's year of some 2,000
// entries with resolutions in every state, overdue ones already escalated, numbers that go on
// from the demo's last one, and Jermuk's few hundred.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { tenantOf } from '../../registry/population/residents.test-helpers.ts';
import { registerDocument } from './journal.seam.ts';

test('the demo journals: every resolution state, overdue escalated, numbering continues', async (t) => {
  const env = await setup(t, 'sqlite');
  const db = env.services.db.kysely;
  const sisian = await tenantOf(env.services, 'sisian');
  const count = async (tenant: typeof sisian) => Number((await tenant.selectFrom('doc_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  assert.equal(await count(sisian), 2000);
  const jermuk = await tenantOf(env.services, 'jermuk');
  assert.equal(await count(jermuk), 300);
  const states = (await sisian.selectFrom('doc_resolutions').select('status').distinct().execute()).map((r) => r.status).sort();
  assert.deepEqual(states, ['done', 'extension_requested', 'in_work', 'reported', 'returned']);
  const unescalated = await sisian.selectFrom('doc_resolutions').select('id').where('status', 'in', ['in_work', 'returned', 'extension_requested'])
    .where('due_on', '<', todayInYerevan()).where('escalated_on', 'is', null).execute();
  assert.deepEqual(unescalated, [], 'the demo has no escalation left for the first daily run');

  const last = await sisian.selectFrom('doc_documents').select(['year', 'seq']).where('journal', '=', 'incoming').orderBy('year', 'desc').orderBy('seq', 'desc').executeTakeFirstOrThrow();
  const next = await registerDocument(db, sisian.communityId, {
    journal: 'incoming', date: `${last.year}-12-31`, correspondent: { kind: 'body', name: 'Սյունիքի մարզպետարան' }, summary: 'Գրություն', pages: 1,
    language: 'hy', access: 'internal', files: [],
  }, SYSTEM_ACTOR);
  assert.equal(next.number, `Մ-${last.year}/${String(last.seq + 1).padStart(6, '0')}`);
});
