// What the database itself says about its tables: columns, primary key, foreign keys,
// auto-increment columns, in an order where every table comes after the tables it
// references. Backup and restore use this, so a module's new table is included without
// anyone remembering to list it.
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Executor } from '../db/tenant.ts';

export interface TableInfo {
  name: string;
  columns: string[];
  /** Primary key columns in key order; empty when the table has none. */
  primaryKey: string[];
  /** Tables this one references (itself excluded). */
  references: string[];
  /** Columns filled by a sequence (PostgreSQL serial / identity, SQLite autoincrement). */
  autoIncrement: string[];
}

async function primaryKeyOf(db: Db, executor: Executor, table: string): Promise<string[]> {
  if (db.engine === 'sqlite') {
    const r = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(executor);
    return r.rows.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((c) => c.name);
  }
  const r = await sql<{ name: string }>`
    select a.attname as name
    from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = to_regclass(${table}) and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(executor);
  return r.rows.map((c) => c.name);
}

async function referencesOf(db: Db, executor: Executor, table: string): Promise<string[]> {
  const r =
    db.engine === 'sqlite'
      ? await sql<{ ref: string }>`select distinct "table" as ref from pragma_foreign_key_list(${table})`.execute(executor)
      : await sql<{ ref: string }>`
          select distinct c.relname as ref
          from pg_constraint k join pg_class c on c.oid = k.confrelid
          where k.contype = 'f' and k.conrelid = to_regclass(${table})`.execute(executor);
  return [...new Set(r.rows.map((x) => x.ref))].filter((ref) => ref !== table);
}

/** Orders tables so that each comes after those it references (ties by name). Cycles keep name order. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const pending = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (pending.length) {
    const i = pending.findIndex((t) => t.references.every((r) => done.has(r) || !byName.has(r)));
    const next = pending.splice(i >= 0 ? i : 0, 1)[0]!;
    done.add(next.name);
    out.push(next);
  }
  return out;
}

/** Every table of the application (not Kysely's migration bookkeeping), parents first. */
export async function describeTables(db: Db, executor: Executor = db.kysely): Promise<TableInfo[]> {
  const meta = await executor.introspection.getTables({ withInternalKyselyTables: false });
  const skip = new Set([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);
  const tables: TableInfo[] = [];
  for (const t of meta) {
    if (t.isView || skip.has(t.name) || t.name.startsWith('sqlite_')) continue;
    tables.push({
      name: t.name,
      columns: t.columns.map((c) => c.name),
      primaryKey: await primaryKeyOf(db, executor, t.name),
      references: await referencesOf(db, executor, t.name),
      autoIncrement: t.columns.filter((c) => c.isAutoIncrementing).map((c) => c.name),
    });
  }
  return dependencyOrder(tables);
}

/** The names of the migrations applied to the database, in order. */
export async function appliedMigrations(executor: Executor): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by name`.execute(executor);
  return r.rows.map((x) => x.name);
}
