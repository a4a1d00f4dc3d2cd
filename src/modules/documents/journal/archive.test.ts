// The archive job: a finished document whose case file's retention period has ended is archived
// once, audited; one still in work, one kept permanently and one whose period runs on stay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { tenantOf } from '../../registry/population/residents.test-helpers.ts';
import { registerIn, type RegisterInput } from './journal.register.ts';
import { archiveExpired } from './archive.ts';

test('archive: retention over and work done — archived once; in work, permanent or not yet due — kept', async (t) => {
  const env = await setup(t, 'sqlite');
  const tenant = await tenantOf(env.services, 'jermuk');
  const file = async (code: string, retention: number | null) => Number((await tenant.insertInto('doc_nomenclature', {
    code, title: code, retention_years: retention, created_at: new Date().toISOString(),
  }).returning('id').executeTakeFirstOrThrow()).id);
  const [threeYears, permanent] = [await file('T-01-3', 3), await file('T-02-P', null)];
  const letter = async (date: string, nomenclatureId: number, status: 'closed' | 'registered') => {
    const d: RegisterInput = { journal: 'incoming', date, correspondent: { kind: 'body', name: 'Վայոց ձորի մարզպետարան' }, summary: 'Գրություն',
      pages: 1, language: 'hy', access: 'internal', files: [], nomenclatureId };
    const { id } = await registerIn(tenant, d, SYSTEM_ACTOR);
    await tenant.updateTable('doc_documents').set({ status }).where('id', '=', id).execute();
    return id;
  };
  const expired = await letter('2020-03-02', threeYears, 'closed');
  const inWork = await letter('2020-03-03', threeYears, 'registered');
  const kept = await letter('2020-03-04', permanent, 'closed');
  const recent = await letter('2022-03-05', threeYears, 'closed');

  assert.equal(await archiveExpired(env.services, '2024-01-10'), 1, '2020 + 3 years ended with 2023; 2022 + 3 runs to 2025');
  const archived = (await tenant.selectFrom('doc_documents').select('id').where('archived_at', 'is not', null).where('id', 'in', [expired, inWork, kept, recent]).execute()).map((r) => Number(r.id));
  assert.deepEqual(archived, [expired]);
  assert.equal(await archiveExpired(env.services, '2024-01-11'), 0, 'not twice');
  const audit = await env.services.db.kysely.selectFrom('audit_events').select('entity_id').where('action', '=', 'documents.document.archive').execute();
  assert.deepEqual(audit.map((a) => Number(a.entity_id)), [expired]);
});
