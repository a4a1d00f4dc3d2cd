// The content-addressed file store (ARCHITECTURE: files). Bytes live under
// filesDir/ab/cd/<sha256>, named by their hash, so the same content is stored once however
// many cases or documents refer to it, and a stored file never changes. The global table
// stored_files indexes what is there. The type is decided by sniffing the bytes, never by
// the name a browser sent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { unscoped, type Executor } from '../db/tenant.ts';
import { AppError } from '../http/errors.ts';
import type { MessageKey } from '../i18n/index.ts';

export const STORABLE_TYPES = ['pdf', 'jpeg', 'png'] as const;
export type StorableType = (typeof STORABLE_TYPES)[number];

const MIME: Record<StorableType, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' };

/** The media types the store keeps at all: what an attachment route may accept. */
export const STORABLE_MIME_TYPES: readonly string[] = Object.values(MIME);
const SHA256 = /^[0-9a-f]{64}$/;

export interface SniffedType {
  ext: string;
  mime: string;
}

/** What the bytes are (magic numbers), or null when file-type does not recognise them. */
export async function sniffType(bytes: Uint8Array): Promise<SniffedType | null> {
  const found = await fileTypeFromBuffer(bytes);
  return found ? { ext: found.ext, mime: found.mime } : null;
}

export interface StoredFile {
  sha256: string;
  mime: string;
  size: number;
}

/** A refused upload: 400 with the reason on the field (default "file"). */
function refused(field: string, key: MessageKey): AppError {
  return new AppError(400, 'validation', 'error.validation', { [field]: key });
}

/** Where the bytes of `sha256` live: two levels of fan-out keep directories small. */
export function storedFilePath(filesDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new AppError(400, 'validation', 'error.validation', { sha256: 'files.error.hash' });
  return path.join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Checks and stores a file. Refuses (400, translated) an empty file, one over `maxBytes`,
 * and one whose sniffed type is not in `allowed`, whatever its name says. Writing is
 * atomic (a temporary file renamed into place); content already stored is not written
 * again. `db` should be the transaction of the change that refers to the file: if it rolls
 * back, the index row goes with it and the bytes are left for the daily sweep (sweep.ts),
 * which also removes stored files no declared column (a manifest's `fileRefs`) refers to.
 */
export async function storeFile(
  db: Executor,
  filesDir: string,
  bytes: Uint8Array,
  opts: { allowed: readonly StorableType[]; maxBytes: number; field?: string },
): Promise<StoredFile> {
  const field = opts.field ?? 'file';
  if (bytes.length === 0) throw refused(field, 'files.error.empty');
  if (bytes.length > opts.maxBytes) throw refused(field, 'files.error.tooLarge');
  const sniffed = await sniffType(bytes);
  // By MIME type: file-type calls JPEG "jpg".
  const type = STORABLE_TYPES.find((t) => MIME[t] === sniffed?.mime);
  if (!type || !opts.allowed.includes(type)) throw refused(field, 'files.error.type');

  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const mime = MIME[type];
  const now = new Date();
  // The row first, stamped now even when the content was stored before: the sweep
  // (sweep.ts) removes only rows older than a day, and on PostgreSQL its delete waits for
  // this row's lock until this transaction ends, so content stored again is never swept
  // from under the change that is about to refer to it.
  await unscoped(db, 'stored_files is the global index of the content-addressed store: the same bytes may belong to any community')
    .insertInto('stored_files')
    .values({ sha256, size: bytes.length, mime, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('sha256').doUpdateSet({ created_at: now.toISOString() }))
    .execute();
  const target = storedFilePath(filesDir, sha256);
  if (fs.existsSync(target)) {
    // Fresh again for the sweep of bytes without a row, too.
    await fs.promises.utimes(target, now, now);
  } else {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.promises.writeFile(temp, bytes, { flag: 'wx' });
    // rename() replaces atomically; two writers of the same content both end with the same bytes.
    await fs.promises.rename(temp, target);
  }
  return { sha256, mime, size: bytes.length };
}

/** The bytes of a stored file. The hash is checked first, so no path can be smuggled in. */
export async function readStoredFile(filesDir: string, sha256: string): Promise<Buffer> {
  return fs.promises.readFile(storedFilePath(filesDir, sha256));
}
