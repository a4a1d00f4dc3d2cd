// The query planner's statistics. SQLite never gathers them by itself: without ANALYZE its
// planner guesses how selective each index is and sometimes picks the worse one. SQLite's
// advice for long-lived connections (https://sqlite.org/pragma.html#pragma_optimize) is
// followed: `PRAGMA optimize=0x10002` when a connection opens and after migrations, again
// every few hours (the `db.optimize` schedule in jobs/housekeeping.ts), and `PRAGMA optimize`
// before it closes. Each runs ANALYZE only on tables whose statistics are missing or stale,
// reading a bounded sample (SQLite sets analysis_limit for it), so even a register of
// millions of rows costs milliseconds. PostgreSQL's autovacuum runs ANALYZE by itself.
import type SqliteDatabase from 'better-sqlite3';

/** 0x10000: look at every table, not only those this connection used; 0x02: run ANALYZE where needed. */
const EVERY_TABLE = 0x10002;
/** 0x01: only say what would be done. */
const REPORT = 0x01;

/** Brings SQLite's statistics up to date; returns the ANALYZE statements it ran (for the log). */
export function optimizeSqlite(sqlite: SqliteDatabase.Database, scope: 'every table' | 'tables used' = 'every table'): string[] {
  const mask = scope === 'every table' ? EVERY_TABLE : 0xfffe;
  const planned = (sqlite.pragma(`optimize=${mask | REPORT}`) as { optimize: string }[]).map((r) => r.optimize);
  if (planned.length) sqlite.pragma(`optimize=${mask}`);
  return planned;
}
