import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { storedFilePath, storeFile } from './store.ts';
import { fileRefsOf, sweepFiles } from './sweep.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');
const DAY_MS = 24 * 3600_000;

/** A PNG no other test stores: the 1-pixel picture with bytes of its own after its end. */
function uniquePng(): Buffer {
  return Buffer.concat([PNG, crypto.randomBytes(16)]);
}

bothEngines('file sweep: a day-old stored file nothing refers to goes, with bytes left by a rolled-back change; referenced files and fresh ones stay', async (t, engine) => {
  const { services } = await setup(t, engine, { demo: true });
  const db = services.db.kysely;
  const dir = services.config.filesDir;
  assert.deepEqual(fileRefsOf(services).map((r) => `${r.table}.${r.column}`).sort(), ['case_attachments.sha256', 'doc_versions.sha256', 'fin_receipts.sha256', 'issued_documents.sha256', 'web_attachments.sha256', 'web_posts.image_sha256'], 'the services, finance, website and documents manifests declare their columns');

  const referenced = [
    ...(await db.selectFrom('case_attachments').select('sha256').execute()),
    ...(await db.selectFrom('issued_documents').select('sha256').execute()),
    ...(await db.selectFrom('web_attachments').select('sha256').execute()),
  ].map((r) => r.sha256);
  assert.ok(referenced.length > 0, 'the demo has attachments and documents');

  const stored = (await db.selectFrom('stored_files').select('sha256').execute()).map((r) => r.sha256);
  const unusedByDemo = stored.filter((h) => !referenced.includes(h)).length;
  const orphan = await storeFile(db, dir, uniquePng(), { allowed: ['png'], maxBytes: 1_000_000 });
  // A change that stored its file and then rolled back leaves bytes without a row.
  const rolledBack = uniquePng();
  await assert.rejects(db.transaction().execute(async (tx) => {
    await storeFile(tx, dir, rolledBack, { allowed: ['png'], maxBytes: 1_000_000 });
    throw new Error('the change fails after storing its file');
  }));
  const rolledBackHash = crypto.createHash('sha256').update(rolledBack).digest('hex');
  assert.ok(fs.existsSync(storedFilePath(dir, rolledBackHash)), 'its bytes were written');
  const temp = `${storedFilePath(dir, rolledBackHash)}.123.abcdef.tmp`;
  fs.writeFileSync(temp, 'interrupted write');
  const other = path.join(dir, 'operator-notes.txt');
  fs.writeFileSync(other, 'not the store\'s');

  // Today nothing is a day old: everything stays.
  assert.deepEqual(await sweepFiles(services), { rows: 0, files: 0 });
  assert.ok(fs.existsSync(storedFilePath(dir, orphan.sha256)));

  // Two days on, the demo's referenced files are still there and the others are gone.
  const later = new Date(Date.now() + 2 * DAY_MS);
  for (const f of [storedFilePath(dir, rolledBackHash), temp]) fs.utimesSync(f, new Date(Date.now() - 2 * DAY_MS), new Date(Date.now() - 2 * DAY_MS));
  const swept = await sweepFiles(services, later);
  assert.deepEqual(swept, { rows: unusedByDemo + 1, files: 2 }, 'the unreferenced rows (ours and any sample the demo stored unused); the rolled-back bytes and the temporary file');
  assert.equal(fs.existsSync(storedFilePath(dir, orphan.sha256)), false, 'the unreferenced file is removed');
  assert.equal(await db.selectFrom('stored_files').select('sha256').where('sha256', '=', orphan.sha256).executeTakeFirst(), undefined);
  assert.equal(fs.existsSync(storedFilePath(dir, rolledBackHash)), false);
  assert.equal(fs.existsSync(temp), false);
  assert.ok(fs.existsSync(other), 'files outside the store\'s folders are left alone');
  for (const sha256 of new Set(referenced)) {
    assert.ok(fs.existsSync(storedFilePath(dir, sha256)), `referenced file ${sha256.slice(0, 8)} is kept`);
    assert.ok(await db.selectFrom('stored_files').select('sha256').where('sha256', '=', sha256).executeTakeFirst(), 'with its row');
  }

  // Storing the same content again renews it: the sweep spares it for another day.
  const again = await storeFile(db, dir, PNG, { allowed: ['png'], maxBytes: 1_000_000 });
  await sweepFiles(services, new Date(Date.now() + 12 * 3600_000));
  assert.ok(fs.existsSync(storedFilePath(dir, again.sha256)), 'content stored again is fresh');
});
