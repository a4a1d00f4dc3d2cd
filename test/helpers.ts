// Test helpers: every database test runs once per engine (SQLite and PostgreSQL),
// each on a fresh database of its own with the migrations applied.
import { test, type TestContext } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { loadConfig, type Config } from '../src/config.ts';
import { MODULES } from '../src/modules/index.ts';
import { createServices } from '../src/platform/http/services.ts';
import type { ModuleManifest, Services } from '../src/platform/module/contract.ts';
import { migrate } from '../src/cli/core.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { buildApp, type App } from '../src/app.ts';
import { auditDictionary } from '../src/platform/audit/audit-names.ts';
import type { Engine } from '../src/platform/db/connect.ts';
import { filesTemplate, pgTemplateName, sqliteTemplate, templateDir, type TemplateKind } from './templates.ts';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];
export const DEMO_PASSWORD = 'test-demo-password';

function pgBaseUrl(): string {
  const url = process.env.MMIS_TEST_PG_URL;
  if (!url) throw new Error('MMIS_TEST_PG_URL is not set: run the tests with `npm test`, which starts a PostgreSQL cluster.');
  return url;
}

/**
 * A fresh database URL for one test: empty, or a copy of one of the run's templates
 * (migrated, or migrated with the demo) when the runner built them.
 */
export async function freshDatabaseUrl(engine: Engine, template?: { dir: string; kind: TemplateKind }): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-test-'));
    const file = path.join(dir, 'mmis.sqlite');
    if (template) fs.copyFileSync(sqliteTemplate(template.dir, template.kind), file);
    return { url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const base = pgBaseUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${pgTemplateName(template.kind)} strategy file_copy` : `create database ${name}`);
  await admin.end();
  return {
    url: base.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestEnv {
  engine: Engine;
  config: Config;
  services: Services;
  app: App;
}

/** Services and app over a fresh migrated database; `demo` seeds the demo communities. */
export async function setup(t: TestContext, engine: Engine, opts: {
    demo?: boolean;
    env?: Record<string, string>;
    modules?: readonly ModuleManifest[];
    /** Off only for tests that write made-up audit events on purpose (the chain's tamper tests). */
    auditVocabulary?: boolean;
  } = {}): Promise<TestEnv> {
  const demo = opts.demo ?? true;
  // Extra modules with tables of their own need a database migrated with them.
  const extraMigrations = (opts.modules ?? []).some((m) => !MODULES.includes(m) && m.migrations);
  const templates = extraMigrations ? null : templateDir();
  const template = templates ? { dir: templates, kind: demo ? ('demo' as const) : ('empty' as const) } : undefined;
  const db = await freshDatabaseUrl(engine, template);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-files-'));
  if (template) fs.cpSync(filesTemplate(template.dir, engine, template.kind), filesDir, { recursive: true });
  const config = loadConfig({
    DATABASE_URL: db.url,
    MMIS_DEMO_PASSWORD: DEMO_PASSWORD,
    MMIS_FILES_DIR: filesDir,
    MMIS_LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const services = createServices(config, opts.modules ?? MODULES, { log: pino({ level: 'silent' }) });
  if (!template) {
    await migrate(services);
    if (demo) await seedDemo(services);
  }
  const app = await buildApp(services, { logger: false });
  t.after(async () => {
    if (opts.auditVocabulary ?? true) await assertAuditVocabulary(services);
    await app.close();
    await services.close();
    await db.drop();
  });
  return { engine, config, services, app };
}

/**
 * Every audit action and subject type a test wrote is declared by some module's manifest,
 * so the audit pages name it in the reader's language (checked after every database test).
 */
async function assertAuditVocabulary(services: Services): Promise<void> {
  const d = auditDictionary(services);
  const rows = await services.db.kysely.selectFrom('audit_events').select(['action', 'entity_type']).distinct().execute();
  const unknown = [
    ...rows.filter((r) => !d.actions.has(r.action)).map((r) => `action ${r.action}`),
    ...rows.filter((r) => !d.subjects.has(r.entity_type)).map((r) => `subject ${r.entity_type}`),
  ];
  if (unknown.length) throw new Error(`Audit events no manifest declares (add them to the module's *.audit.messages.ts): ${[...new Set(unknown)].join(', ')}`);
}

/** Declares the same test once per engine: "name [sqlite]" and "name [postgres]". */
export function bothEngines(name: string, fn: (t: TestContext, engine: Engine) => Promise<void>): void {
  for (const engine of ENGINES) test(`${name} [${engine}]`, (t) => fn(t, engine));
}
