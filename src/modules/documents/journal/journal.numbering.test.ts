// Registration numbers: 40 documents registered at once into one journal get 1…40 with no gap
// and no repeat, each journal and year counts on its own, and a registration that fails
// (a file not in the store) gives its number back — on both engines.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { tenantOf } from '../../registry/population/residents.test-helpers.ts';
import { registerDocument, documentFiles, UnknownFileError, type NewDocument } from './journal.seam.ts';

const letter = (summary: string, over: Partial<NewDocument> = {}): NewDocument => ({
  journal: 'incoming', date: '2091-03-03', correspondent: { kind: 'person', name: 'Արամ Պետրոսյան' }, summary, pages: 1,
  language: 'hy', access: 'internal', files: [], ...over,
});

bothEngines('numbers per journal and year have no gaps and no repeats when registered at once', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tenant = await tenantOf(env.services, 'jermuk');
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => registerDocument(db, tenant.communityId, letter(`Դիմում ${i}`), SYSTEM_ACTOR)));
  const seqs = results.map((r) => Number(/\/(\d+)$/.exec(r.number)![1])).sort((a, b) => a - b);
  assert.deepEqual(seqs, Array.from({ length: 40 }, (_, i) => i + 1));
  assert.ok(results.every((r) => r.number.startsWith('Մ-2091/')));

  const out = await registerDocument(db, tenant.communityId, letter('Պատասխան', { journal: 'outgoing' }), SYSTEM_ACTOR);
  assert.equal(out.number, 'Ե-2091/000001', 'the outgoing journal counts on its own');
  const nextYear = await registerDocument(db, tenant.communityId, letter('Նոր տարի', { date: '2092-01-05' }), SYSTEM_ACTOR);
  assert.equal(nextYear.number, 'Մ-2092/000001', 'a new year starts again at 1');

  await assert.rejects(registerDocument(db, tenant.communityId, letter('Առանց ֆայլի', {
    files: [{ sha256: 'f'.repeat(64), name: 'scan.pdf', mediaType: 'application/pdf', bytes: 10 }],
  }), SYSTEM_ACTOR), UnknownFileError);
  const after = await registerDocument(db, tenant.communityId, letter('Հաջորդը'), SYSTEM_ACTOR);
  assert.equal(after.number, 'Մ-2091/000041', 'the failed registration gave its number back');
  assert.deepEqual(await documentFiles(db, tenant.communityId, after.id), []);

  const sisian = await tenantOf(env.services, 'sisian');
  const other = await registerDocument(db, sisian.communityId, letter('Սիսիան'), SYSTEM_ACTOR);
  assert.equal(other.number, 'Մ-2091/000001', 'each community numbers its own journals');
  assert.deepEqual(await documentFiles(db, sisian.communityId, after.id), [], 'another community sees none of its files');
});
