// The migrator: every module (and platform part) brings its own migrations; this file
// merges them by name and runs them with Kysely's Migrator on either engine.
import { Migrator, type Kysely, type Migration as KyselyMigration, type CreateTableBuilder } from 'kysely';
import type { Db, Engine } from './connect.ts';
import { optimizeSqlite } from './statistics.ts';

export interface MigrationTools {
  engine: Engine;
  /** Adds an auto-incrementing integer primary key named `id`, the right way for each engine. */
  id<T extends string, C extends string>(tb: CreateTableBuilder<T, C>): CreateTableBuilder<T, C | 'id'>;
}

export interface Migration {
  // Migrations see the schema as it was then, so they are typed loosely on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, tools: MigrationTools): Promise<void>;
}

/** Names sort globally (YYYYMMDD_NNNN_module_what), so modules interleave by date. */
export type MigrationSet = Record<string, Migration>;

export function migrationTools(engine: Engine): MigrationTools {
  return {
    engine,
    id: (tb) =>
      engine === 'postgres'
        ? tb.addColumn('id', 'serial', (c) => c.primaryKey())
        : tb.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
  };
}

export function mergeMigrations(sets: MigrationSet[]): MigrationSet {
  const merged: MigrationSet = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (merged[name]) throw new Error(`Two modules define the migration ${name}`);
      merged[name] = migration;
    }
  }
  return merged;
}

export async function migrateToLatest(db: Db, sets: MigrationSet[]): Promise<{ applied: string[] }> {
  const tools = migrationTools(db.engine);
  const all = mergeMigrations(sets);
  const migrations: Record<string, KyselyMigration> = {};
  for (const [name, m] of Object.entries(all)) migrations[name] = { up: (k) => m.up(k, tools) };
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  // New tables and indexes have no statistics yet (statistics.ts).
  if (db.sqlite && results?.length) optimizeSqlite(db.sqlite);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
