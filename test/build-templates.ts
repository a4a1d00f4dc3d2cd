// Builds the run's database templates (see templates.ts): for each engine, one database
// migrated and one migrated with the demo seeded, with the files the demo stored.
// Run by test/run.ts before the tests, with MMIS_TEST_PG_URL and MMIS_TEST_TEMPLATES set.
import fs from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { MODULES } from '../src/modules/index.ts';
import { createServices } from '../src/platform/http/services.ts';
import { migrate } from '../src/cli/core.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { DEMO_PASSWORD } from './helpers.ts';
import { filesTemplate, pgTemplateName, sqliteTemplate, type TemplateKind } from './templates.ts';
import type { Engine } from '../src/platform/db/connect.ts';

const dir = process.env.MMIS_TEST_TEMPLATES!;
const pgBase = process.env.MMIS_TEST_PG_URL!;

async function build(url: string, engine: Engine, kind: TemplateKind): Promise<void> {
  const filesDir = filesTemplate(dir, engine, kind);
  fs.mkdirSync(filesDir, { recursive: true });
  const config = loadConfig({ DATABASE_URL: url, MMIS_DEMO_PASSWORD: DEMO_PASSWORD, MMIS_FILES_DIR: filesDir, MMIS_LOG_LEVEL: 'silent' });
  const services = createServices(config, MODULES, { log: pino({ level: 'silent' }) });
  try {
    await migrate(services);
    if (kind === 'demo') await seedDemo(services);
  } finally {
    await services.close();
  }
}

async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: pgBase });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const started = Date.now();
for (const kind of ['empty', 'demo'] as const) {
  await build(`file:${sqliteTemplate(dir, kind)}`, 'sqlite', kind);
  const name = pgTemplateName(kind);
  await pgAdmin((c) => c.query(`create database ${name}`));
  await build(pgBase.replace(/\/[^/]*$/, `/${name}`), 'postgres', kind);
}
fs.writeFileSync(`${dir}/ready`, new Date().toISOString());
console.log(`test templates built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
