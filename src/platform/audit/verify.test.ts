import assert from 'node:assert/strict';
import { sql, type Insertable } from 'kysely';
import { bothEngines, setup } from '../../../test/helpers.ts';
import type { Services } from '../module/contract.ts';
import type { Executor } from '../db/tenant.ts';
import { migrationTools } from '../db/migrations.ts';
import { SYSTEM_ACTOR, appendAudit, type AuditActor } from './audit.ts';
import { hashEvent } from './chain.ts';
import { auditMigrations } from './migrations.ts';
import type { AuditEventsTable } from './audit.table.ts';
import { formatVerifyResult, verifyAuditChains, type ProblemKind } from './verify.ts';

const actor: AuditActor = { userId: null, label: 'verify test', ip: '127.0.0.1', requestId: 'req-verify-test' };

async function communityId(db: Executor, slug: string): Promise<number> {
  return (await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** Real changes, each audited in its own transaction, on top of what the demo seed recorded. */
async function addEvents(services: Services, community: number | null, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await services.db.kysely.transaction().execute((tx) =>
      appendAudit(tx, actor, { communityId: community, action: 'test.change', entityType: 'widget', entityId: i, before: { n: i }, after: { n: i + 1, name: 'Սիսիան' } }),
    );
  }
}

/** What someone with database rights would do first: get the append-only triggers out of the way. */
async function disableTriggers(services: Services): Promise<void> {
  const db = services.db.kysely;
  if (services.db.engine === 'sqlite') {
    await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`drop trigger audit_events_no_delete`.execute(db);
  } else {
    await sql`alter table audit_events disable trigger user`.execute(db);
  }
}

async function enableTriggers(services: Services): Promise<void> {
  if (services.db.engine === 'sqlite') {
    await auditMigrations['20261126_0310_audit_append_only']!.up(services.db.kysely, migrationTools('sqlite'));
  } else {
    await sql`alter table audit_events enable trigger user`.execute(services.db.kysely);
  }
}

type Found = { chain: string; seq: number; kind: ProblemKind }[];

async function problems(services: Services): Promise<Found> {
  const r = await verifyAuditChains(services.db.kysely);
  return r.problems.map((p) => ({ chain: p.chain, seq: p.seq, kind: p.kind }));
}

async function eventAt(db: Executor, chain: string, seq: number) {
  return db.selectFrom('audit_events').selectAll().where('chain', '=', chain).where('seq', '=', seq).executeTakeFirstOrThrow();
}

bothEngines('audit verify: an intact log passes, and every kind of tampering is found', async (t, engine) => {
  const { services } = await setup(t, engine, { auditVocabulary: false });
  const db = services.db.kysely;
  const sisian = await communityId(db, 'sisian');
  const jermuk = await communityId(db, 'jermuk');
  await addEvents(services, sisian, 5);
  // More than the verifier's look-around window, so its buffer slides.
  await addEvents(services, jermuk, 150);
  await addEvents(services, null, 3);

  const intact = await verifyAuditChains(db);
  const total = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.ok(intact.ok, formatVerifyResult(intact));
  assert.equal(intact.events, Number(total.n));
  assert.equal(intact.chains, 3, 'Sisian, Jermuk and the national chain');
  assert.equal(formatVerifyResult(intact), `audit chain OK: ${intact.events} events in 3 chains`);

  // The database itself refuses changes to the log.
  await assert.rejects(db.updateTable('audit_events').set({ action: 'x' }).where('chain', '=', `c:${sisian}`).execute(), /append-only/);
  await assert.rejects(db.deleteFrom('audit_events').where('chain', '=', `c:${sisian}`).execute(), /append-only/);
  if (engine === 'postgres') await assert.rejects(sql`truncate audit_events`.execute(db), /append-only/);
  assert.ok((await verifyAuditChains(db)).ok, 'refused changes left the log intact');

  await disableTriggers(services);
  const s = `c:${sisian}`;
  const j = `c:${jermuk}`;
  const sisianLast = (await db.selectFrom('audit_heads').select('seq').where('chain', '=', s).executeTakeFirstOrThrow()).seq;
  assert.ok(sisianLast >= 8);

  // 1. A field edited in place.
  const original = await eventAt(db, s, 3);
  await db.updateTable('audit_events').set({ actor_label: 'someone else' }).where('id', '=', original.id).execute();
  assert.deepEqual(await problems(services), [{ chain: s, seq: 3, kind: 'edited' }]);
  await db.updateTable('audit_events').set({ actor_label: original.actor_label }).where('id', '=', original.id).execute();
  assert.deepEqual(await problems(services), []);

  // 1b. Edited and re-hashed: its own hash fits, but the next event no longer links to it.
  const { id: _id, hash: _hash, ...fields } = original;
  const forged = { ...fields, after_json: JSON.stringify({ role: 'head' }) };
  await db.updateTable('audit_events').set({ after_json: forged.after_json, hash: hashEvent(forged) }).where('id', '=', original.id).execute();
  assert.deepEqual(await problems(services), [{ chain: s, seq: 3, kind: 'edited' }]);
  await db.updateTable('audit_events').set({ after_json: original.after_json, hash: original.hash }).where('id', '=', original.id).execute();

  // 2. A row removed from the middle.
  const middle = await eventAt(db, j, 100);
  await db.deleteFrom('audit_events').where('id', '=', middle.id).execute();
  assert.deepEqual(await problems(services), [{ chain: j, seq: 100, kind: 'removed' }]);
  await db.insertInto('audit_events').values(middle as Insertable<AuditEventsTable>).execute();
  assert.deepEqual(await problems(services), []);

  // 3. Two rows' seq swapped (the unique (chain, seq) needs a parking value).
  const a = await eventAt(db, 'national', 2);
  const b = await eventAt(db, 'national', 3);
  const far = [await eventAt(db, j, 110), await eventAt(db, j, 140)] as const;
  const swap = async (x: typeof a, y: typeof a) => {
    await db.updateTable('audit_events').set({ seq: -1 }).where('id', '=', x.id).execute();
    await db.updateTable('audit_events').set({ seq: x.seq }).where('id', '=', y.id).execute();
    await db.updateTable('audit_events').set({ seq: y.seq }).where('id', '=', x.id).execute();
  };
  await swap(a, b);
  assert.deepEqual(await problems(services), [
    { chain: 'national', seq: 2, kind: 'reordered' },
    { chain: 'national', seq: 3, kind: 'reordered' },
  ]);
  await swap({ ...a, seq: 3 }, { ...b, seq: 2 });
  assert.deepEqual(await problems(services), []);
  await swap(far[0], far[1]);
  assert.deepEqual(await problems(services), [
    { chain: j, seq: 110, kind: 'reordered' },
    { chain: j, seq: 140, kind: 'reordered' },
  ]);
  await swap({ ...far[0], seq: 140 }, { ...far[1], seq: 110 });
  assert.deepEqual(await problems(services), []);

  // 4. The last row removed (a cut tail): only the head still knows it existed.
  const last = await eventAt(db, s, sisianLast);
  await db.deleteFrom('audit_events').where('id', '=', last.id).execute();
  assert.deepEqual(await problems(services), [{ chain: s, seq: sisianLast, kind: 'removed' }]);
  const broken = await verifyAuditChains(db);
  assert.equal(broken.ok, false);
  assert.match(formatVerifyResult(broken), new RegExp(`${s} seq ${sisianLast}: removed`));
  await db.insertInto('audit_events').values(last as Insertable<AuditEventsTable>).execute();

  // 5. A row added behind the writer's back (past the head).
  const forgedNext = { ...fields, seq: sisianLast + 1, prev_hash: last.hash, action: 'forged' };
  await db.insertInto('audit_events').values({ ...forgedNext, hash: hashEvent(forgedNext) }).execute();
  assert.deepEqual(await problems(services), [{ chain: s, seq: sisianLast + 1, kind: 'head_mismatch' }]);
  await db.deleteFrom('audit_events').where('chain', '=', s).where('seq', '=', sisianLast + 1).execute();

  await enableTriggers(services);
  assert.ok((await verifyAuditChains(db)).ok, 'every tampering undone: the chains are intact again');
  await assert.rejects(db.deleteFrom('audit_events').execute(), /append-only/, 'the triggers are back');
});

bothEngines('appendAudit runs only inside a transaction and rolls back with the change', async (t, engine) => {
  const { services } = await setup(t, engine, { auditVocabulary: false });
  const db = services.db.kysely;
  const sisian = await communityId(db, 'sisian');
  const count = async () => Number((await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const head = () => db.selectFrom('audit_heads').selectAll().where('chain', '=', `c:${sisian}`).executeTakeFirstOrThrow();

  const before = { events: await count(), head: await head() };
  await assert.rejects(
    appendAudit(db, SYSTEM_ACTOR, { communityId: sisian, action: 'test.outside', entityType: 'widget' }),
    /inside the transaction/,
  );
  assert.equal(await count(), before.events, 'nothing written outside a transaction');

  await assert.rejects(
    db.transaction().execute(async (tx) => {
      await tx.updateTable('communities').set({ phone: '+374 00 000000' }).where('id', '=', sisian).execute();
      await appendAudit(tx, actor, { communityId: sisian, action: 'community.update', entityType: 'community', entityId: sisian, after: { phone: '+374 00 000000' } });
      throw new Error('the change fails after its audit event was written');
    }),
    /the change fails/,
  );
  const community = await db.selectFrom('communities').select('phone').where('id', '=', sisian).executeTakeFirstOrThrow();
  assert.notEqual(community.phone, '+374 00 000000', 'the change rolled back');
  assert.equal(await count(), before.events, 'its audit event rolled back with it');
  assert.deepEqual(await head(), before.head, 'the chain head did not move');

  // The next append continues the chain where it was.
  await db.transaction().execute((tx) => appendAudit(tx, actor, { communityId: sisian, action: 'test.after', entityType: 'widget' }));
  assert.equal((await head()).seq, before.head.seq + 1);
  assert.ok((await verifyAuditChains(db)).ok);
});
