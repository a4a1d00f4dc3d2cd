// Core commands: start (serve), migrate, seed demo.
import type { Command } from 'commander';
import type { Services } from '../platform/module/contract.ts';
import { migrateToLatest } from '../platform/db/migrations.ts';
import { MODULES } from '../modules/index.ts';
import { buildApp } from '../app.ts';
import { spawnSync } from 'node:child_process';
import { demoSignIns, isEmpty, seedDemo } from '../demo/seed.ts';
import { startBackgroundWork, type BackgroundWork } from '../platform/jobs/worker.cli.ts';

/**
 * Seeds the demo with `mmis seed demo` in a child process: the tens of thousands of rows
 * it writes would otherwise stay in the server's heap as idle memory it never returns.
 */
function seedInChildProcess(): void {
  const r = spawnSync(process.execPath, [process.argv[1]!, 'seed', 'demo', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
  if (r.status !== 0) throw new Error(`seeding the demo failed (exit code ${String(r.status)})`);
}

export async function migrate(services: Services): Promise<string[]> {
  const { applied } = await migrateToLatest(services.db, MODULES.map((m) => m.migrations ?? {}));
  return applied;
}

export function registerCoreCommands(program: Command, open: (o?: { demoDefault?: boolean }) => Promise<Services>) {
  program
    .command('start')
    .description('migrate the database and serve the web application (seeds the demo into an empty database in demo mode)')
    .option('--demo-default', 'seed the demo unless MMIS_DEMO says otherwise (what `npm start` uses)')
    .action(async (opts: { demoDefault?: boolean }) => {
      const services = await open({ demoDefault: Boolean(opts.demoDefault) });
      const { config, log } = services;
      await migrate(services);
      if (config.demo && (await isEmpty(services))) {
        log.info('empty database: seeding the demo');
        seedInChildProcess();
      }
      const app = await buildApp(services);
      let background: BackgroundWork | null = null;
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        log.info({ signal }, 'shutting down: finishing requests in flight');
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        await app.close();
        await background?.stop();
        await services.close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      process.on('SIGINT', () => void shutdown('SIGINT'));
      await app.listen({ port: config.port, host: config.host });
      // Jobs, the outbox and schedules (unless MMIS_WORKER=off: separate `mmis worker` processes).
      background = await startBackgroundWork(services);
      // Last, so the sign-ins stay on screen (requests are logged at debug only).
      console.log(`MMIS is serving ${config.publicUrl}`);
      if (config.demo) console.log(demoSignIns(services));
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const applied = await migrate(await open());
      console.log(applied.length ? `applied ${applied.length} migrations:\n  ${applied.join('\n  ')}` : 'the database is up to date');
    });

  const seed = program.command('seed').description('fill the database with data');
  seed
    .command('demo')
    .description('the demo communities, staff for every role and citizen accounts (empty database only)')
    .option('--quiet', 'print nothing (used by `start`, which prints the sign-ins itself)')
    .action(async (opts: { quiet?: boolean }) => {
      const services = await open();
      await migrate(services);
      await seedDemo(services);
      if (opts.quiet) return;
      console.log('demo seeded');
      console.log(demoSignIns(services));
    });
}
