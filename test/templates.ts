// Database templates for the test run: every database test starts from a freshly migrated
// database, most with the demo seeded. Migrating and seeding each one took most of a
// test's time; the runner builds each kind once per run (test/build-templates.ts) and a test
// gets a copy: a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. A copy is
// what a fresh migrate-and-seed gives, made with the same code in the same run.
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../src/platform/db/connect.ts';

export type TemplateKind = 'empty' | 'demo';

/** Where the runner left the templates, or null when tests run without it (each builds its own). */
export function templateDir(): string | null {
  const dir = process.env.MMIS_TEST_TEMPLATES;
  return dir && fs.existsSync(path.join(dir, 'ready')) ? dir : null;
}

export function sqliteTemplate(dir: string, kind: TemplateKind): string {
  return path.join(dir, `${kind}.sqlite`);
}

/** The files the demo stored (issued documents), copied with the database. */
/** Each engine's template has its own files: issued PDFs differ (numbers, times), and a test of the file store sees exactly the rows' files. */
export function filesTemplate(dir: string, engine: Engine, kind: TemplateKind): string {
  return path.join(dir, `${engine}-${kind}-files`);
}

export function pgTemplateName(kind: TemplateKind): string {
  return `mmis_template_${kind}`;
}

export const templateEngines: Engine[] = ['sqlite', 'postgres'];
