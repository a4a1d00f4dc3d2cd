import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { housekeepingSchedules } from './housekeeping.ts';
import { runDueJobs } from './runner.ts';
import { enqueueScheduled } from './schedules.ts';

/** Tables the demo fills with thousands of rows, whose indexes the planner chooses between. */
const BIG_TABLES = ['residents', 'search_keys', 'cases', 'case_events', 'audit_events'];

bothEngines('housekeeping: the statistics schedule gives SQLite\'s planner row counts for the big tables', async (t, engine) => {
  const { services } = await setup(t, engine);
  const schedule = housekeepingSchedules.find((s) => s.kind === 'db.optimize');
  assert.ok(schedule, 'the platform schedules it');
  assert.ok(schedule.everySeconds >= 3600 && schedule.everySeconds <= 12 * 3600, 'every few hours');
  const statsOf = async () => engine === 'sqlite'
    ? (await sql<{ tbl: string; stat: string }>`select tbl, stat from sqlite_stat1`.execute(services.db.kysely)).rows
    : [];
  if (engine === 'sqlite') {
    // The test database is a copy of a template that was optimised when it closed: forget
    // those statistics, so only the job can bring them back.
    const hasStats = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(services.db.kysely);
    if (Number(hasStats.rows[0]!.n) > 0) {
      await sql`delete from sqlite_stat1`.execute(services.db.kysely);
      await sql`analyze sqlite_schema`.execute(services.db.kysely); // the planner reloads (no) statistics
    }
  }
  const before = new Map((await statsOf()).map((r) => [r.tbl, r.stat]));
  if (engine === 'sqlite') assert.ok(!before.has('residents'), 'no statistics before the job');

  assert.equal(await enqueueScheduled(services, schedule), true);
  await runDueJobs(services);
  const job = await services.db.kysely.selectFrom('jobs').select(['status', 'last_error']).where('kind', '=', 'db.optimize').executeTakeFirstOrThrow();
  assert.deepEqual(job, { status: 'done', last_error: null }, 'it runs on both engines (on PostgreSQL autovacuum analyses; the job does nothing)');
  if (engine !== 'sqlite') return;

  const after = await statsOf();
  for (const table of BIG_TABLES) {
    const rows = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(services.db.kysely)).rows[0]!.n);
    const stat = after.find((r) => r.tbl === table);
    assert.ok(stat, `${table} has statistics`);
    assert.equal(Number(stat.stat.split(' ')[0]), rows, `${table}: the planner knows it has ${rows} rows (was ${before.get(table) ?? 'nothing'})`);
  }
});
