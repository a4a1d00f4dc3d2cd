// Bulk inserts of an assessment chunk. On SQLite: cached multi-row prepared statements on
// the better-sqlite3 handle under Kysely (as the registry importers do — its transactions
// run on that one connection, so these statements are part of the chunk's transaction;
// compiling a Kysely AST of rows × columns costs more than SQLite's own work). On
// PostgreSQL: one `insert … select * from unnest($1::int4[], $2::text[], …)` per chunk —
// one bound array per column, so the server parses and plans a short statement once per
// chunk instead of a VALUES list of thousands of rows (the multi-row VALUES inserts
// spent most of the run in the server's parser). Each row is stamped with the tenant's
// community id here: the tenant scope, done by hand.
import { sql } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { TenantTable } from '../../../platform/db/schema.ts';

type Row = Record<string, unknown>;

export interface InsertOptions {
  /** Columns of the inserted rows to return (only rows really inserted). */
  returning?: string[];
  /** Skip rows that would break a unique index (ON CONFLICT DO NOTHING) instead of failing. */
  ignoreConflicts?: boolean;
}

export interface Bulk {
  insert(tx: TenantDb, table: TenantTable, rows: Row[], options?: InsertOptions): Promise<Row[]>;
}

/** Rows per statement on SQLite (26 columns × 200 stays far under its bound-parameter limit). */
const SQLITE_ROWS = 200;
/** Rows per statement on PostgreSQL: the arrays have no parameter limit; this bounds one message's size. */
const PG_ROWS = 10_000;

export function bulkFor(sqlite: SqliteDatabase.Database | undefined): Bulk {
  return sqlite ? sqliteBulk(sqlite) : pgBulk();
}

const tail = (o: InsertOptions) => `${o.ignoreConflicts ? ' on conflict do nothing' : ''}${o.returning ? ` returning ${o.returning.join(', ')}` : ''}`;

function pgBulk(): Bulk {
  // The column types of each table (unnest needs typed arrays), read once per run.
  const types = new Map<string, Map<string, string>>();
  return {
    async insert(tx, table, rows, options = {}) {
      if (rows.length === 0) return [];
      // Inside the chunk's transaction `transaction` hands back the same executor; raw SQL
      // is needed for unnest, and the community id is stamped below.
      return tx.transaction(async (_scoped, raw) => {
        let typeOf = types.get(table);
        if (!typeOf) {
          const cols = await sql<{ column_name: string; udt_name: string }>`select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(raw);
          typeOf = new Map(cols.rows.map((c) => [c.column_name, c.udt_name]));
          types.set(table, typeOf);
        }
        const columns = ['community_id', ...Object.keys(rows[0]!)];
        const out: Row[] = [];
        for (let i = 0; i < rows.length; i += PG_ROWS) {
          const part = rows.slice(i, i + PG_ROWS);
          const arrays = columns.map((c) => {
            const type = typeOf.get(c);
            if (!type) throw new Error(`${table} has no column ${c}`);
            const values = c === 'community_id' ? part.map(() => tx.communityId) : part.map((r) => r[c] ?? null);
            return sql`${values}::${sql.raw(type)}[]`;
          });
          const q = sql<Row>`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})${sql.raw(tail(options))}`;
          const result = await q.execute(raw);
          if (options.returning) out.push(...result.rows);
        }
        return out;
      });
    },
  };
}

function sqliteBulk(db: SqliteDatabase.Database): Bulk {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const statement = (table: string, columns: string[], n: number, options: InsertOptions) => {
    const key = `${table}|${columns.join(',')}|${n}|${tail(options)}`;
    let stmt = cache.get(key);
    if (!stmt) {
      const one = `(${['?', ...columns.map(() => '?')].join(', ')})`;
      stmt = db.prepare(`insert into ${table} (community_id, ${columns.join(', ')}) values ${Array.from({ length: n }, () => one).join(', ')}${tail(options)}`);
      cache.set(key, stmt);
    }
    return stmt;
  };
  return {
    async insert(tx, table, rows, options = {}) {
      if (rows.length === 0) return [];
      const columns = Object.keys(rows[0]!);
      const out: Row[] = [];
      for (let i = 0; i < rows.length; i += SQLITE_ROWS) {
        const part = rows.slice(i, i + SQLITE_ROWS);
        const values: unknown[] = [];
        for (const r of part) {
          values.push(tx.communityId);
          for (const c of columns) values.push(r[c] ?? null);
        }
        const stmt = statement(table, columns, part.length, options);
        if (options.returning) out.push(...(stmt.all(values) as Row[]));
        else stmt.run(values);
      }
      return out;
    },
  };
}

/** SQLite's page cache during a run, in KiB (PRAGMA cache_size takes −KiB). */
const RUN_CACHE_KIB = 256 * 1024;

/**
 * Runs `fn` with a large SQLite page cache, then puts the connection's own back. A national
 * register's indexes (obligations by source key and payer, lines by payer) are written in
 * an order unrelated to their keys; with the default 2 MB cache each insert past the first
 * few hundred thousand rows rereads index pages from the file, and the run slows down as
 * it goes. The pages are allocated only as they are used.
 */
export async function withRunCache<R>(sqlite: SqliteDatabase.Database | undefined, fn: () => Promise<R>): Promise<R> {
  if (!sqlite) return fn();
  const own = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${RUN_CACHE_KIB}`);
  try {
    return await fn();
  } finally {
    sqlite.pragma(`cache_size = ${own}`);
  }
}
