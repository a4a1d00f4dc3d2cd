// Bulk inserts of an assessment chunk. On SQLite: cached multi-row prepared statements on
// the better-sqlite3 handle under Kysely (as the registry importers do — its transactions
// run on that one connection, so these statements are part of the chunk's transaction;
// compiling a Kysely AST of rows × columns costs more than SQLite's own work). Each row is
// stamped with the tenant's community id here: the tenant scope, done by hand. On
// PostgreSQL: Kysely multi-row inserts through the tenant handle.
import type SqliteDatabase from 'better-sqlite3';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { TenantTable } from '../../../platform/db/schema.ts';

type Row = Record<string, unknown>;

/** Rows per statement on SQLite (25 columns × 200 stays far under its bound-parameter limit). */
const SQLITE_ROWS = 200;
/** Rows per statement on PostgreSQL (25 columns × 1,000 under its 65,535). */
const PG_ROWS = 1000;

export interface Bulk {
  insert(tx: TenantDb, table: TenantTable, rows: Row[], returning?: string[]): Promise<Row[]>;
}

export function bulkFor(sqlite: SqliteDatabase.Database | undefined): Bulk {
  return sqlite ? sqliteBulk(sqlite) : pgBulk;
}

const pgBulk: Bulk = {
  async insert(tx, table, rows, returning) {
    const out: Row[] = [];
    for (let i = 0; i < rows.length; i += PG_ROWS) {
      const part = rows.slice(i, i + PG_ROWS);
      // The row shapes are the table's insertable columns; the generic table name hides that from the types.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const q = tx.insertInto(table, part as any);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      if (returning) out.push(...((await (q as any).returning(returning).execute()) as Row[]));
      else await q.execute();
    }
    return out;
  },
};

function sqliteBulk(db: SqliteDatabase.Database): Bulk {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const statement = (table: string, columns: string[], n: number, returning?: string[]) => {
    const key = `${table}|${columns.join(',')}|${n}|${returning?.join(',') ?? ''}`;
    let stmt = cache.get(key);
    if (!stmt) {
      const one = `(${['?', ...columns.map(() => '?')].join(', ')})`;
      const text = `insert into ${table} (community_id, ${columns.join(', ')}) values ${Array.from({ length: n }, () => one).join(', ')}${returning ? ` returning ${returning.join(', ')}` : ''}`;
      stmt = db.prepare(text);
      cache.set(key, stmt);
    }
    return stmt;
  };
  return {
    async insert(tx, table, rows, returning) {
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
        const stmt = statement(table, columns, part.length, returning);
        if (returning) out.push(...(stmt.all(values) as Row[]));
        else stmt.run(values);
      }
      return out;
    },
  };
}
