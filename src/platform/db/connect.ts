// Opens the database named by the configuration: better-sqlite3 (WAL, foreign keys on)
// or a pg pool. Everything above this file speaks Kysely and does not care which.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DatabaseTarget } from '../../config.ts';
import type { Database } from './schema.ts';
import { optimizeSqlite } from './statistics.ts';

export type Engine = DatabaseTarget['engine'];

export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  /** The SQLite file when engine is sqlite (used by backup). */
  sqliteFile?: string;
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

const SQLITE_HANDLES = new WeakMap<Kysely<Database>, SqliteDatabase.Database>();

/**
 * The better-sqlite3 handle under a Kysely instance opened by connect(), or undefined on
 * PostgreSQL. Kysely's SQLite transactions run on this same single connection, so raw
 * statements run inside a Kysely transaction's callback are part of that transaction
 * (bulk writers such as the registry importers use it for cached prepared statements).
 */
export function sqliteHandleOf(kysely: Kysely<Database>): SqliteDatabase.Database | undefined {
  return SQLITE_HANDLES.get(kysely);
}

// pg returns BIGINT/NUMERIC as strings by default; our counters fit in JS numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export function connect(target: DatabaseTarget, opts: { poolSize?: number } = {}): Db {
  if (target.engine === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Planner statistics where they are missing or stale (statistics.ts).
    optimizeSqlite(sqlite);
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    SQLITE_HANDLES.set(kysely, sqlite);
    return {
      kysely,
      engine: 'sqlite',
      sqliteFile: target.file,
      sqlite,
      close: async () => {
        // SQLite's advice for every connection: refresh the statistics of what it used before closing.
        if (sqlite.open && !sqlite.readonly) optimizeSqlite(sqlite, 'tables used');
        await kysely.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: opts.poolSize ?? 10 });
  // An idle connection can be cut by the server (restart, failover, admin). pg reports that
  // on the pool; without a listener it would end the process. The next query reconnects.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, engine: 'postgres', close: () => kysely.destroy() };
}

/**
 * Kysely prepares every query anew; preparing was the largest single cost of a page view
 * in a profile. Kysely compiles the same SQL text for the same query shape, so prepared
 * statements are kept by text (bounded) and reused.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const cached = Object.create(sqlite) as SqliteDatabase.Database;
  cached.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = sqlite.prepare(source);
      if (cache.size >= 1000) cache.delete(cache.keys().next().value as string);
      cache.set(source, stmt);
    }
    return stmt;
  }) as SqliteDatabase.Database['prepare'];
  return cached;
}

/** True when the database answers a trivial query (used by /healthz). */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
