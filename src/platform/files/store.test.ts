import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { AppError } from '../http/errors.ts';
import { readStoredFile, sniffType, storedFilePath, storeFile } from './store.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
  const err = await p.then(() => null, (e: unknown) => e);
  assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
  assert.equal(err.status, 400);
  return err.fields;
}

bothEngines('file store: content-addressed, deduplicated, sniffed by content, bounded, no path tricks', async (t, engine) => {
  const { services } = await setup(t, engine, { demo: false });
  const db = services.db.kysely;
  const dir = services.config.filesDir;
  const png = await QRCode.toBuffer('https://example.am', { type: 'png' });

  assert.deepEqual(await sniffType(png), { ext: 'png', mime: 'image/png' });
  assert.deepEqual(await sniffType(PDF), { ext: 'pdf', mime: 'application/pdf' });
  assert.equal((await sniffType(JPEG))?.mime, 'image/jpeg');
  assert.equal(await sniffType(Buffer.from('just some text, maybe named photo.jpg')), null);

  // The same bytes twice: one file on disk, one index row, the same answer.
  const a = await db.transaction().execute((tx) => storeFile(tx, dir, PDF, { allowed: ['pdf'], maxBytes: 1024 }));
  const b = await db.transaction().execute((tx) => storeFile(tx, dir, Buffer.from(PDF), { allowed: ['pdf', 'png'], maxBytes: 1024 }));
  assert.deepEqual(a, b);
  assert.equal(a.sha256, crypto.createHash('sha256').update(PDF).digest('hex'));
  assert.deepEqual({ mime: a.mime, size: a.size }, { mime: 'application/pdf', size: PDF.length });
  assert.deepEqual(filesUnder(dir), [path.join(dir, a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256)], 'one file, fanned out by hash, no temporary left');
  assert.equal((await db.selectFrom('stored_files').selectAll().execute()).length, 1);
  assert.deepEqual(await readStoredFile(dir, a.sha256), PDF);

  // A PNG is a PNG whatever it is called: refused where only PDF is allowed, accepted as PNG.
  assert.deepEqual(await refusal(storeFile(db, dir, png, { allowed: ['pdf'], maxBytes: 1_000_000 })), { file: 'files.error.type' });
  assert.equal((await storeFile(db, dir, png, { allowed: ['jpeg', 'png'], maxBytes: 1_000_000 })).mime, 'image/png');
  assert.equal((await storeFile(db, dir, JPEG, { allowed: ['jpeg'], maxBytes: 1_000_000 })).mime, 'image/jpeg');
  assert.deepEqual(await refusal(storeFile(db, dir, Buffer.from('<html>not a pdf</html>'), { allowed: ['pdf'], maxBytes: 1024 })), { file: 'files.error.type' });

  // Empty and oversize files are refused before anything is written; the field name is the caller's.
  const before = filesUnder(dir).length;
  assert.deepEqual(await refusal(storeFile(db, dir, Buffer.alloc(0), { allowed: ['pdf'], maxBytes: 1024 })), { file: 'files.error.empty' });
  assert.deepEqual(await refusal(storeFile(db, dir, PDF, { allowed: ['pdf'], maxBytes: PDF.length - 1, field: 'passport' })), { passport: 'files.error.tooLarge' });
  assert.equal(filesUnder(dir).length, before);
  assert.equal((await db.selectFrom('stored_files').selectAll().execute()).length, 3);

  // Only a lower-case sha256 names a file: nothing else becomes a path.
  for (const bad of ['../../etc/passwd', `${a.sha256.slice(0, 62)}/.`, a.sha256.toUpperCase(), `${a.sha256}0`, '', `../${a.sha256.slice(3)}`]) {
    assert.deepEqual(await refusal(readStoredFile(dir, bad)), { sha256: 'files.error.hash' }, bad);
    assert.throws(() => storedFilePath(dir, bad), AppError);
  }
});
