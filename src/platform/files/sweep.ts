// The daily sweep of the file store. Bytes are written before the change that refers to
// them commits (store.ts), so a change that rolls back leaves bytes with no stored_files
// row; a row whose last reference was deleted, or that was stored outside the referring
// change, stays with nothing referring to it. Both are removed once they are a day old:
// - stored_files rows older than a day that no declared column refers to (each module's
//   manifest lists its columns holding file hashes in `fileRefs`; the platform names none),
//   with their bytes;
// - bytes in the store's fan-out folders (ab/cd/<sha256>) with no row, and temporary files
//   of interrupted writes, last touched more than a day ago.
// Anything else under the files folder (other stores kept there) is left alone.
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Expression, type SqlBool } from 'kysely';
import { unscoped } from '../db/tenant.ts';
import type { FileRef, Services } from '../module/contract.ts';

export const KEEP_UNREFERENCED_FILES_MS = 24 * 3600_000;
const BATCH = 500;
const SHA256 = /^[0-9a-f]{64}$/;
const FAN_OUT = /^[0-9a-f]{2}$/;
/** store.ts's temporary names: `<sha256>.<pid>.<random>.tmp`. */
const TEMP = /^[0-9a-f]{64}\.\d+\.[0-9a-f]+\.tmp$/;

/** The columns that hold file hashes, from every module's manifest (each checked to be a plain name). */
export function fileRefsOf(services: Services): FileRef[] {
  const refs = services.modules.flatMap((m) => m.fileRefs ?? []);
  for (const r of refs) {
    if (!/^[a-z_][a-z0-9_]*$/.test(r.table) || !/^[a-z_][a-z0-9_]*$/.test(r.column)) throw new Error(`fileRefs: ${r.table}.${r.column} is not a plain table and column name`);
  }
  return refs;
}

/** No declared column holds this row's hash. */
function unreferenced(refs: FileRef[]): Expression<SqlBool> {
  const none = refs.map((r) => sql<SqlBool>`not exists (select 1 from ${sql.table(r.table)} where ${sql.ref(`${r.table}.${r.column}`)} = stored_files.sha256)`);
  return none.length ? sql<SqlBool>`${sql.join(none, sql` and `)}` : sql<SqlBool>`1 = 1`;
}

const REASON = 'the file store is global: a file is swept when no row of any community refers to it';

/**
 * Deletes stored_files rows older than the cutoff that nothing refers to, with their bytes.
 * Each batch's delete re-checks age and references in the same statement, and the bytes are
 * unlinked before that transaction commits: content stored again meanwhile (store.ts renews
 * the row first) is either kept or written anew, never left as a row without bytes.
 */
async function sweepRows(services: Services, refs: FileRef[], cutoff: string): Promise<number> {
  const db = services.db.kysely;
  let removed = 0;
  let after = '';
  for (;;) {
    const batch = await unscoped(db, REASON)
      .selectFrom('stored_files').select('sha256')
      .where('created_at', '<', cutoff).where('sha256', '>', after).where(unreferenced(refs))
      .orderBy('sha256').limit(BATCH).execute();
    if (batch.length === 0) return removed;
    after = batch[batch.length - 1]!.sha256;
    removed += await db.transaction().execute(async (tx) => {
      const gone = await unscoped(tx, REASON)
        .deleteFrom('stored_files')
        .where('sha256', 'in', batch.map((b) => b.sha256)).where('created_at', '<', cutoff).where(unreferenced(refs))
        .returning('sha256').execute();
      for (const { sha256 } of gone) await removeBytes(services.config.filesDir, sha256);
      return gone.length;
    });
  }
}

async function removeBytes(filesDir: string, sha256: string): Promise<void> {
  await fs.promises.rm(path.join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256), { force: true });
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && FAN_OUT.test(e.name)).map((e) => path.join(dir, e.name));
}

/** Last touched before the cutoff, looked at again just before removing. */
async function stale(file: string, cutoffMs: number): Promise<boolean> {
  const stat = await fs.promises.stat(file).catch(() => null);
  return stat !== null && stat.isFile() && stat.mtimeMs < cutoffMs;
}

/** Removes bytes with no stored_files row, and temporary files, older than the cutoff. */
async function sweepDisk(services: Services, cutoffMs: number): Promise<number> {
  const db = services.db.kysely;
  let removed = 0;
  for (const outer of await subfolders(services.config.filesDir)) {
    for (const inner of await subfolders(outer)) {
      const names = await fs.promises.readdir(inner);
      for (const name of names.filter((n) => TEMP.test(n))) {
        if (await stale(path.join(inner, name), cutoffMs)) {
          await fs.promises.rm(path.join(inner, name), { force: true });
          removed++;
        }
      }
      const hashes = names.filter((n) => SHA256.test(n));
      for (let i = 0; i < hashes.length; i += BATCH) {
        const slice = hashes.slice(i, i + BATCH);
        const known = new Set((await unscoped(db, REASON).selectFrom('stored_files').select('sha256').where('sha256', 'in', slice).execute()).map((r) => r.sha256));
        for (const sha256 of slice.filter((h) => !known.has(h))) {
          if (await stale(path.join(inner, sha256), cutoffMs)) {
            await removeBytes(services.config.filesDir, sha256);
            removed++;
          }
        }
      }
    }
  }
  return removed;
}

/** The sweep: what it removed, as counts of index rows (with their bytes) and of files without a row. */
export async function sweepFiles(services: Services, now = new Date()): Promise<{ rows: number; files: number }> {
  const cutoffMs = now.getTime() - KEEP_UNREFERENCED_FILES_MS;
  const rows = await sweepRows(services, fileRefsOf(services), new Date(cutoffMs).toISOString());
  const files = await sweepDisk(services, cutoffMs);
  if (rows || files) services.log.info({ rows, files }, 'unreferenced stored files removed');
  return { rows, files };
}
