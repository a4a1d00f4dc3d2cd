// The job queue and runner on both engines: the outbox pattern, retries with backoff,
// reclaiming a crashed runner's job, two runners never running a job twice, schedules
// enqueued once per slot, and a runner that starts and stops cleanly.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import pino from 'pino';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { MODULES } from '../../modules/index.ts';
import { createServices } from '../http/services.ts';
import { type Services } from '../module/contract.ts';
import type { ModuleManifest } from '../module/contract.ts';
import { claimJobs, enqueueJob, jobBackoffMs, LOCK_MS } from './queue.ts';
import { runDueJobs, startJobRunner } from './runner.ts';
import { enqueueScheduled, slotOf } from './schedules.ts';
import { purgeJobs } from './housekeeping.ts';
import { jobsKindIndexMigrations } from './migrations-2.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { sql } from 'kysely';

const at = (iso: string) => new Date(iso);
const later = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** What the test handlers saw, by job id. */
class Recorder {
  runs = new Map<number, number>();
  payloads: unknown[] = [];
  flakyFailures = 1;
  ticks = 0;
  record(id: number) {
    this.runs.set(id, (this.runs.get(id) ?? 0) + 1);
  }
}

function testModule(rec: Recorder): ModuleManifest {
  return {
    name: 'jobs-test',
    jobs: {
      'test.record': async (_s, payload, job) => {
        rec.record(job.id);
        rec.payloads.push(payload);
        // Long enough for a second runner to try the same rows meanwhile.
        await new Promise((r) => setTimeout(r, 3));
      },
      'test.fail': async () => {
        throw new Error('the handler broke');
      },
      'test.flaky': async (_s, _p, job) => {
        rec.record(job.id);
        if (rec.flakyFailures-- > 0) throw new Error('not yet');
      },
      'test.tick': async () => {
        rec.ticks++;
      },
    },
    schedules: [{ kind: 'test.tick', everySeconds: 60 }],
  };
}

/** Another set of services on the same database, with the test module's handlers (another "process"). */
function runnerOn(t: TestContext, base: Services, rec: Recorder): Services {
  const services = createServices(base.config, [...MODULES, testModule(rec)], { log: pino({ level: 'silent' }) });
  t.after(() => services.close());
  return services;
}

async function jobRow(services: Services, id: number) {
  return services.db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

bothEngines('jobs: enqueued in the transaction of the change (a rollback leaves none), run once, payload intact', async (t, engine) => {
  const { services: base } = await setup(t, engine, { demo: false });
  const rec = new Recorder();
  const services = runnerOn(t, base, rec);
  const db = services.db.kysely;

  await assert.rejects(db.transaction().execute(async (tx) => {
    await enqueueJob(tx, { kind: 'test.record', payload: { n: 1 } });
    throw new Error('the change failed');
  }));
  assert.equal((await db.selectFrom('jobs').select('id').execute()).length, 0, 'a rolled-back change leaves no job');

  const id = await db.transaction().execute((tx) => enqueueJob(tx, { kind: 'test.record', payload: { n: 2, text: 'Սիսիան' } }));
  const future = await enqueueJob(db, { kind: 'test.record', runAt: later(new Date(), 3600_000) });
  assert.equal(await runDueJobs(services), 1, 'only the due job is claimed');
  assert.equal(await runDueJobs(services), 0);
  assert.deepEqual(rec.payloads, [{ n: 2, text: 'Սիսիան' }]);
  const done = await jobRow(services, id);
  assert.equal(done.status, 'done');
  assert.equal(done.attempts, 1);
  assert.ok(done.finished_at);
  assert.equal((await jobRow(services, future)).status, 'pending');
  await assert.rejects(enqueueJob(db, { kind: 'Not A Kind' }), /Invalid job kind/);
});

bothEngines('jobs: a failing job is retried with growing backoff, then failed; an unknown kind fails at once', async (t, engine) => {
  const { services: base } = await setup(t, engine, { demo: false });
  const rec = new Recorder();
  const services = runnerOn(t, base, rec);
  const db = services.db.kysely;
  const t0 = at('2026-03-01T08:00:00.000Z');

  const id = await enqueueJob(db, { kind: 'test.fail', maxAttempts: 3, runAt: t0 });
  assert.equal(await runDueJobs(services, { now: t0 }), 1);
  let row = await jobRow(services, id);
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 1);
  assert.equal(row.last_error, 'the handler broke');
  const retryAt = Date.parse(row.run_at);
  assert.ok(Math.abs(retryAt - (Date.now() + 30_000)) < 5_000, `first retry about 30 s later (run_at ${row.run_at})`);

  assert.equal(await runDueJobs(services, { now: new Date(retryAt - 1000) }), 0, 'not before its time');
  assert.equal(await runDueJobs(services, { now: new Date(retryAt) }), 1);
  row = await jobRow(services, id);
  assert.equal(row.attempts, 2);
  assert.ok(Math.abs(Date.parse(row.run_at) - (Date.now() + 60_000)) < 5_000, 'second retry about 1 min later');

  assert.equal(await runDueJobs(services, { now: later(new Date(), 120_000) }), 1);
  row = await jobRow(services, id);
  assert.equal(row.status, 'failed', 'after max_attempts the job fails for good');
  assert.equal(row.attempts, 3);
  assert.ok(row.finished_at);
  assert.deepEqual([1, 2, 3, 7, 8, 20].map(jobBackoffMs), [30_000, 60_000, 120_000, 1_920_000, 3_600_000, 3_600_000], 'doubling, capped at an hour');

  const flaky = await enqueueJob(db, { kind: 'test.flaky' });
  await runDueJobs(services);
  await runDueJobs(services, { now: later(new Date(), 31_000) });
  assert.equal((await jobRow(services, flaky)).status, 'done', 'succeeds on the second attempt');
  assert.equal(rec.runs.get(flaky), 2);

  const unknown = await enqueueJob(db, { kind: 'nobody.handles' });
  await runDueJobs(services);
  row = await jobRow(services, unknown);
  assert.equal(row.status, 'failed');
  assert.equal(row.attempts, 1, 'not retried');
  assert.match(row.last_error ?? '', /no handler for job kind "nobody\.handles"/);
});

bothEngines('jobs: a runner that died leaves its job locked until the lock expires, then another runner takes it', async (t, engine) => {
  const { services: base } = await setup(t, engine, { demo: false });
  const rec = new Recorder();
  const services = runnerOn(t, base, rec);
  const db = services.db.kysely;
  const id = await enqueueJob(db, { kind: 'test.record', payload: 'crash' });
  const lastChance = await enqueueJob(db, { kind: 'test.record', maxAttempts: 1 });
  const now = new Date();
  // A runner claims both and dies before finishing.
  const claimed = await claimJobs(db, services.db.engine, 10, now);
  assert.deepEqual(claimed.map((j) => j.id).sort(), [id, lastChance].sort());
  assert.equal((await jobRow(services, id)).status, 'running');

  assert.equal(await runDueJobs(services, { now: later(now, LOCK_MS - 1000) }), 0, 'still locked');
  assert.equal(await runDueJobs(services, { now: later(now, LOCK_MS + 1000) }), 2, 'reclaimed after the lock');
  const row = await jobRow(services, id);
  assert.equal(row.status, 'done');
  assert.equal(row.attempts, 2);
  assert.equal(rec.runs.get(id), 1, 'the handler ran once (the dead runner never finished)');
  const failed = await jobRow(services, lastChance);
  assert.equal(failed.status, 'failed', 'a job whose last attempt died is not run again');
  assert.match(failed.last_error ?? '', /runner stopped during the last attempt/);
  assert.equal(rec.runs.get(lastChance), undefined);
});

bothEngines('jobs: two runners (two services on one database) working at once never run a job twice', async (t, engine) => {
  const { services: base } = await setup(t, engine, { demo: false });
  const rec = new Recorder();
  const a = runnerOn(t, base, rec);
  const b = runnerOn(t, base, rec);
  const ids: number[] = [];
  await a.db.kysely.transaction().execute(async (tx) => {
    for (let i = 0; i < 60; i++) ids.push(await enqueueJob(tx, { kind: 'test.record', payload: i }));
  });
  const drain = async (s: Services) => {
    let total = 0;
    for (let n = -1; n !== 0; total += n) n = await runDueJobs(s, { limit: 4 });
    return total;
  };
  const claimed = await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
  t.diagnostic(`claimed per drain loop: ${claimed.join(' + ')}`);
  assert.equal(claimed.reduce((x, y) => x + y, 0), 60, 'every job claimed once');
  for (const id of ids) assert.equal(rec.runs.get(id), 1, `job ${id} ran exactly once`);
  const statuses = await a.db.kysely.selectFrom('jobs').select('status').distinct().execute();
  assert.deepEqual(statuses.map((s) => s.status), ['done']);
});

bothEngines('schedules: one job per slot however many runners ask at once; finished jobs are purged later', async (t, engine) => {
  const { services: base } = await setup(t, engine, { demo: false });
  const rec = new Recorder();
  const a = runnerOn(t, base, rec);
  const b = runnerOn(t, base, rec);
  const schedule = { kind: 'test.record', everySeconds: 60 };
  const now = at('2026-03-01T08:00:30.000Z');

  const results = await Promise.all([a, b, a, b].map((s) => enqueueScheduled(s, schedule, now)));
  assert.equal(results.filter(Boolean).length, 1, 'exactly one runner enqueued the slot');
  const rows = await a.db.kysely.selectFrom('jobs').select(['run_at', 'max_attempts']).execute();
  assert.deepEqual(rows, [{ run_at: slotOf(schedule, now).start.toISOString(), max_attempts: 1 }]);
  assert.equal(await enqueueScheduled(b, schedule, later(now, 20_000)), false, 'same slot');
  assert.equal(await enqueueScheduled(b, schedule, later(now, 40_000)), true, 'the next slot');

  await runDueJobs(a, { now: later(now, 60_000) });
  assert.equal(await purgeJobs(a), 0, 'recently finished jobs are kept');
  assert.equal(await purgeJobs(a, later(new Date(), 8 * 24 * 3600_000)), 2, 'a week later they are gone');
});

bothEngines('runner: started, it enqueues schedules and runs due jobs; stop waits for the job in hand', async (t, engine) => {
  const { services: base } = await setup(t, engine, { demo: false });
  const rec = new Recorder();
  const services = runnerOn(t, base, rec);
  const id = await enqueueJob(services.db.kysely, { kind: 'test.record', payload: 'from the runner' });
  const runner = startJobRunner(services, { pollMs: 20 });
  const deadline = Date.now() + 10_000;
  while ((!rec.runs.get(id) || !rec.ticks) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await runner.stop();
  assert.equal(rec.runs.get(id), 1);
  assert.equal((await jobRow(services, id)).status, 'done');
  assert.equal(rec.ticks, 1, "the test module's schedule was enqueued for this slot and ran");
  const count = await services.db.kysely.selectFrom('jobs').select('id').execute();
  await new Promise((r) => setTimeout(r, 100));
  assert.equal((await services.db.kysely.selectFrom('jobs').select('id').execute()).length, count.length, 'nothing happens after stop');
});

bothEngines('jobs: the (kind, run_at) index migration applies on both engines', async (t, engine) => {
  const { services } = await setup(t, engine, { demo: false });
  // Applied with the platform's migrations once the manifest lists it; applied here otherwise.
  await migrateToLatest(services.db, [...MODULES.map((m) => m.migrations ?? {}), ...(MODULES.some((m) => m.migrations?.['20261127_0110_platform_jobs_kind_run_at']) ? [] : [jobsKindIndexMigrations])]);
  const found = engine === 'sqlite'
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name = 'jobs_kind_run_at'`.execute(services.db.kysely)
    : await sql<{ name: string }>`select indexname as name from pg_indexes where indexname = 'jobs_kind_run_at'`.execute(services.db.kysely);
  assert.equal(found.rows.length, 1);
});
