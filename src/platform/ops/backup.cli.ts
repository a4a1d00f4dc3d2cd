// `mmis backup <file>` and `mmis restore <file>`: an engine-independent copy of the
// whole database. The file is gzip'ed JSON lines: a header
//   {"format":"mmis-backup","version":1,"createdAt":…,"engine":…,"migrations":[…],"tables":[{"name":…,"rows":n}]}
// then, for every table in foreign-key order, chunks {"table":…,"rows":[…]} (an empty
// table has one chunk with no rows). Rows are read in pages inside one snapshot, so the
// copy is consistent while the application keeps running. Restore goes only into an
// empty database, in one transaction, and resets PostgreSQL's sequences afterwards.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { sql, type Kysely } from 'kysely';
import type { Services } from '../module/contract.ts';
import type { Engine } from '../db/connect.ts';
import type { Executor } from '../db/tenant.ts';
import { mergeMigrations, migrateToLatest } from '../db/migrations.ts';
import { appliedMigrations, describeTables, type TableInfo } from './tables.ts';

export const BACKUP_FORMAT = 'mmis-backup';
export const BACKUP_VERSION = 1;
/** Rows per page read and per chunk written. */
const CHUNK = 500;
/** Bound parameters per INSERT, well under SQLite's and PostgreSQL's limits. */
const MAX_PARAMS = 10_000;

type Row = Record<string, unknown>;
/** Tables by name, columns by name: how backup and restore see a database whose tables they discover. */
type Loose = Kysely<Record<string, Row>>;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: Engine;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

interface Chunk {
  table: string;
  rows: Row[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
}

export interface ProgressOptions {
  /** Draw a progress bar on stderr; by default only when stderr is a terminal. */
  progress?: boolean;
}

export class RestoreRefused extends Error {}

function progressBar(enabled: boolean, total: number, verb: string): cliProgress.SingleBar | null {
  if (!enabled || total === 0) return null;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${verb} [{bar}] {percentage}% | {value}/{total} rows | {table}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { table: '' });
  return bar;
}

/** Values JSON cannot carry as they are: bytes, dates and big integers. */
function encodeValue(v: unknown): unknown {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $base64: Buffer.from(v).toString('base64') };
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v;
}

function decodeValue(v: unknown, engine: Engine): unknown {
  if (v && typeof v === 'object') {
    const b64 = (v as { $base64?: unknown }).$base64;
    if (typeof b64 === 'string' && Object.keys(v).length === 1) return Buffer.from(b64, 'base64');
    // JSON columns of PostgreSQL come back as objects; SQLite keeps JSON as text.
    return engine === 'sqlite' ? JSON.stringify(v) : v;
  }
  return v;
}

function orderColumns(t: TableInfo): string[] {
  return t.primaryKey.length ? t.primaryKey : t.columns;
}

async function* pagesOf(tx: Loose, t: TableInfo): AsyncGenerator<Row[]> {
  const order = orderColumns(t);
  const keyset = t.primaryKey.length === 1 ? t.primaryKey[0]! : null;
  let last: unknown = undefined;
  let offset = 0;
  for (;;) {
    let q = tx.selectFrom(t.name).selectAll();
    for (const c of order) q = q.orderBy(c);
    if (keyset) {
      if (last !== undefined) q = q.where(keyset, '>', last);
    } else {
      q = q.offset(offset);
    }
    const rows = await q.limit(CHUNK).execute();
    if (rows.length) yield rows;
    if (rows.length < CHUNK) return;
    offset += rows.length;
    if (keyset) last = rows[rows.length - 1]![keyset];
  }
}

async function countRows(executor: Executor, table: string): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(executor);
  return Number(r.rows[0]?.n ?? 0);
}

/** Writes the whole database to `file` (gzip'ed JSON lines). The file appears only when complete. */
export async function backupTo(services: Services, file: string, opts: ProgressOptions = {}): Promise<BackupSummary> {
  const { db } = services;
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };

  let begin = db.kysely.transaction();
  // One snapshot for every table: PostgreSQL's repeatable read; SQLite's read transaction does the same in WAL mode.
  if (db.engine === 'postgres') begin = begin.setIsolationLevel('repeatable read').setAccessMode('read only');
  let summary: BackupSummary;
  try {
    summary = await begin.execute(async (tx) => {
      const tables = await describeTables(db, tx);
      const counts = await Promise.all(tables.map(async (t) => ({ name: t.name, rows: await countRows(tx, t.name) })));
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine: db.engine,
        migrations: await appliedMigrations(tx),
        tables: counts,
      };
      await write(header);
      const total = counts.reduce((s, c) => s + c.rows, 0);
      const bar = progressBar(opts.progress ?? Boolean(process.stderr.isTTY), total, 'backup ');
      let done = 0;
      try {
        for (const t of tables) {
          let wrote = false;
          for await (const rows of pagesOf(tx as unknown as Loose, t)) {
            const encoded = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, encodeValue(v)])));
            await write({ table: t.name, rows: encoded } satisfies Chunk);
            wrote = true;
            done += rows.length;
            bar?.update(done, { table: t.name });
          }
          if (!wrote) await write({ table: t.name, rows: [] } satisfies Chunk);
        }
      } finally {
        bar?.stop();
      }
      return { file: target, tables: tables.length, rows: done };
    });
    gzip.end();
    await finished(out);
    fs.renameSync(partial, target);
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return summary;
}

async function* readLines(file: string): AsyncGenerator<unknown> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  const rl = readline.createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  // readline does not pass on its input's errors: keep them, stop reading, report below.
  let failure: Error | null = null;
  const stop = (err: Error) => {
    failure ??= err;
    rl.close();
  };
  source.on('error', stop);
  gunzip.on('error', stop);
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      if (!line.trim()) continue;
      try {
        yield JSON.parse(line) as unknown;
      } catch {
        throw new RestoreRefused(`${file}: line ${n} is not JSON; the backup is damaged`);
      }
    }
    if (failure) throw failure;
  } catch (err) {
    if (err instanceof RestoreRefused) throw err;
    throw new RestoreRefused(`${file} is not a readable MMIS backup (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    // Also when the caller stops early (a refused header): release the file at once.
    rl.close();
    source.destroy();
    gunzip.destroy();
  }
}

function checkHeader(file: string, h: unknown): BackupHeader {
  const header = h as Partial<BackupHeader> | undefined;
  if (!header || header.format !== BACKUP_FORMAT) throw new RestoreRefused(`${file} is not an MMIS backup`);
  if (header.version !== BACKUP_VERSION) throw new RestoreRefused(`${file} is a version ${String(header.version)} backup; this program reads version ${BACKUP_VERSION}`);
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw new RestoreRefused(`${file}: the header is incomplete`);
  return header as BackupHeader;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** Backup columns the current schema no longer has (their values were left out). */
  droppedColumns: string[];
}

/** Restores `file` into the configured database, which must be empty (it is migrated first). */
export async function restoreFrom(services: Services, file: string, opts: ProgressOptions = {}): Promise<RestoreSummary> {
  if (!fs.existsSync(file)) throw new RestoreRefused(`${file} does not exist`);
  const lines = readLines(file);
  try {
    return await restoreLines(services, file, lines, opts);
  } finally {
    await lines.return(undefined);
  }
}

async function restoreLines(services: Services, file: string, lines: AsyncGenerator<unknown>, opts: ProgressOptions): Promise<RestoreSummary> {
  const { db } = services;
  const first = await lines.next();
  const header = checkHeader(file, first.done ? undefined : first.value);

  // The backup must come from this version of the program or an older one.
  const known = new Set(Object.keys(mergeMigrations(services.modules.map((m) => m.migrations ?? {}))));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new RestoreRefused(`The backup was made by a newer version of MMIS (unknown migrations: ${unknown.join(', ')}). Upgrade first, then restore.`);
  }
  await migrateToLatest(db, services.modules.map((m) => m.migrations ?? {}));

  const occupied: string[] = [];
  for (const table of ['communities', 'users', 'audit_events']) {
    const n = await countRows(db.kysely, table);
    if (n > 0) occupied.push(`${n} ${table}`);
  }
  if (occupied.length) {
    throw new RestoreRefused(
      `Restore needs an empty database, and this one has ${occupied.join(', ')}. ` +
        'Create a new database, point DATABASE_URL at it and run the restore again.',
    );
  }

  const tables = await describeTables(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const missing = header.tables.map((t) => t.name).filter((n) => !byName.has(n));
  if (missing.length) throw new RestoreRefused(`The backup has tables this version of MMIS does not: ${missing.join(', ')}`);
  const inBackup = new Set(header.tables.map((t) => t.name));
  const total = header.tables.reduce((s, t) => s + t.rows, 0);
  const dropped = new Set<string>();

  const rows = await db.kysely.transaction().execute(async (trx) => {
    const tx = trx as unknown as Loose;
    // Parents come before children in the file; deferring the checks to commit also covers self-references.
    if (db.engine === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
    // Reference data the migrations just inserted (marzes…) is replaced by the backup's copy.
    for (const t of [...tables].reverse()) {
      if (inBackup.has(t.name) && (await countRows(trx, t.name)) > 0) await tx.deleteFrom(t.name).execute();
    }

    const bar = progressBar(opts.progress ?? Boolean(process.stderr.isTTY), total, 'restore');
    let done = 0;
    try {
      for await (const item of lines) {
        const chunk = item as Partial<Chunk>;
        const info = typeof chunk.table === 'string' ? byName.get(chunk.table) : undefined;
        if (!info || !Array.isArray(chunk.rows)) throw new RestoreRefused(`${file}: a chunk names an unknown table (${String(chunk.table)})`);
        if (!inBackup.has(info.name)) throw new RestoreRefused(`${file}: table ${info.name} is not in the header`);
        if (chunk.rows.length === 0) continue;
        const columns = new Set(info.columns);
        const values = chunk.rows.map((r) => {
          const out: Row = {};
          for (const [k, v] of Object.entries(r)) {
            if (columns.has(k)) out[k] = decodeValue(v, db.engine);
            else dropped.add(`${info.name}.${k}`);
          }
          return out;
        });
        const width = Math.max(1, Object.keys(values[0]!).length);
        const batch = Math.max(1, Math.floor(MAX_PARAMS / width));
        for (let i = 0; i < values.length; i += batch) {
          await tx.insertInto(info.name).values(values.slice(i, i + batch)).execute();
        }
        done += values.length;
        bar?.update(done, { table: info.name });
      }
    } finally {
      bar?.stop();
    }
    if (done !== total) throw new RestoreRefused(`${file} is incomplete: the header promises ${total} rows, the file has ${done}`);

    if (db.engine === 'postgres') {
      for (const t of tables) {
        for (const col of t.autoIncrement) {
          await sql`
            select setval(pg_get_serial_sequence(${t.name}, ${col}), coalesce((select max(${sql.ref(col)}) from ${sql.table(t.name)}), 0) + 1, false)
            where pg_get_serial_sequence(${t.name}, ${col}) is not null`.execute(trx);
        }
      }
    }
    return done;
  });
  return { tables: header.tables.length, rows, droppedColumns: [...dropped].sort() };
}

export function registerBackupCommands(program: Command, open: () => Promise<Services>): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup (gzip’ed JSON lines, e.g. mmis-2026-11-26.jsonl.gz)')
    .description('copy the whole database to a file that either engine can restore (safe while MMIS runs)')
    .action(async (file: string) => {
      const s = await backupTo(await open(), file);
      console.log(`backup written: ${s.file} (${s.rows} rows in ${s.tables} tables)`);
    });

  program
    .command('restore')
    .argument('<file>', 'a file written by `mmis backup`')
    .description('restore a backup into an EMPTY database (migrates it first; refuses if it has any community or user)')
    .action(async (file: string) => {
      try {
        const s = await restoreFrom(await open(), file);
        console.log(`restored ${s.rows} rows in ${s.tables} tables`);
        if (s.droppedColumns.length) console.log(`columns no longer in the schema were left out: ${s.droppedColumns.join(', ')}`);
      } catch (err) {
        if (err instanceof RestoreRefused) {
          console.error(`restore refused: ${err.message}`);
          process.exitCode = 1;
          return;
        }
        throw err;
      }
    });
}
