// Many events in one statement: appendAuditMany chains them exactly as appendAudit would one
// by one (the verifier cannot tell the difference), across chunk boundaries and chains, with
// concurrent writers queued on the chain head; tampering with one of them is still found.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { appendAudit, appendAuditMany, type AuditActor, type AuditEntry } from './audit.ts';
import { verifyAuditChains } from './verify.ts';

const actor: AuditActor = { userId: null, label: 'bulk test', ip: null, requestId: 'req-bulk' };

bothEngines('audit: many events in one append are one chain with the single ones, and verify', async (t, engine) => {
  const { services } = await setup(t, engine, { auditVocabulary: false }); // writes made-up events on purpose
  const db = services.db.kysely;
  const ids = (await db.selectFrom('communities').select('id').orderBy('id').execute()).map((c) => c.id);
  const [a, b] = [ids[0]!, ids[1]!];
  const seqOf = async (chain: string) => Number((await db.selectFrom('audit_heads').select('seq').where('chain', '=', chain).executeTakeFirstOrThrow()).seq);
  const before = { a: await seqOf(`c:${a}`), b: await seqOf(`c:${b}`) };

  const entries = (community: number, n: number, tag: string): AuditEntry[] =>
    Array.from({ length: n }, (_, i) => ({ communityId: community, action: 'resident.view', entityType: 'resident', entityId: i + 1, after: { via: tag } }));
  // More than one INSERT's worth for one chain, a few for another, interleaved, and singles around them.
  await db.transaction().execute((tx) => appendAudit(tx, actor, { communityId: a, action: 'test.single', entityType: 'widget', entityId: 1 }));
  await db.transaction().execute((tx) => appendAuditMany(tx, actor, [...entries(a, 1200, 'bulk'), ...entries(b, 3, 'bulk'), ...entries(a, 5, 'tail')]));
  await db.transaction().execute((tx) => appendAudit(tx, actor, { communityId: a, action: 'test.single', entityType: 'widget', entityId: 2 }));
  await db.transaction().execute((tx) => appendAuditMany(tx, actor, []));

  assert.equal(await seqOf(`c:${a}`), before.a + 1 + 1205 + 1);
  assert.equal(await seqOf(`c:${b}`), before.b + 3);
  const rows = await db.selectFrom('audit_events').select(['seq', 'entity_id', 'after_json']).where('chain', '=', `c:${a}`).where('seq', '>', before.a).orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => r.seq), rows.map((_, i) => before.a + 1 + i), 'consecutive, no gap at the chunk boundary');
  assert.deepEqual(rows.slice(1, 4).map((r) => r.entity_id), ['1', '2', '3'], 'in the order given');
  assert.equal(JSON.parse(rows.at(-2)!.after_json!).via, 'tail');
  assert.deepEqual((await verifyAuditChains(db)).problems, []);

  // Two writers at once on the same chain queue on its head (PostgreSQL locks it; SQLite serialises).
  await Promise.all([1, 2].map((k) => db.transaction().execute((tx) => appendAuditMany(tx, actor, entries(a, 50, `writer ${k}`)))));
  assert.equal(await seqOf(`c:${a}`), before.a + 1207 + 100);
  assert.deepEqual((await verifyAuditChains(db)).problems, []);

  // An event written in bulk is as tamper-evident as any other.
  if (engine === 'sqlite') await sql`drop trigger audit_events_no_update`.execute(db);
  else await sql`alter table audit_events disable trigger user`.execute(db);
  await sql`update audit_events set entity_id = '999' where chain = ${`c:${a}`} and seq = ${before.a + 600}`.execute(db);
  const found = (await verifyAuditChains(db)).problems.map((p) => [p.chain, p.seq, p.kind]);
  assert.deepEqual(found, [[`c:${a}`, before.a + 600, 'edited']]);
});
