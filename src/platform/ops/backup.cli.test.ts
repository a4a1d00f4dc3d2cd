import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, type TestContext } from 'node:test';
import pino from 'pino';
import { sql } from 'kysely';
import { bothEngines, freshDatabaseUrl, setup } from '../../../test/helpers.ts';
import { loadConfig } from '../../config.ts';
import { MODULES } from '../../modules/index.ts';
import { createServices } from '../http/services.ts';
import { type Services } from '../module/contract.ts';
import type { Engine } from '../db/connect.ts';
import { appendAudit } from '../audit/audit.ts';
import { verifyAuditChains, formatVerifyResult } from '../audit/verify.ts';
import { describeTables } from './tables.ts';
import { BACKUP_FORMAT, RestoreRefused, backupTo, restoreFrom } from './backup.cli.ts';

/** Services over a fresh, empty database (no migrations: restore runs them). */
async function emptyDatabase(t: TestContext, engine: Engine): Promise<Services> {
  const db = await freshDatabaseUrl(engine);
  const config = loadConfig({ DATABASE_URL: db.url, MMIS_LOG_LEVEL: 'silent', MMIS_FILES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-files-')) });
  const services = createServices(config, MODULES, { log: pino({ level: 'silent' }) });
  t.after(async () => {
    await services.close();
    await db.drop();
  });
  return services;
}

function tempFile(t: TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-backup-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'nightly.jsonl.gz');
}

/** The demo plus audited changes with Armenian text, JSON and nulls. */
async function addChanges(services: Services): Promise<void> {
  const db = services.db.kysely;
  const sisian = await db.selectFrom('communities').select('id').where('slug', '=', 'sisian').executeTakeFirstOrThrow();
  for (let i = 0; i < 30; i++) {
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('communities').set({ phone: `+374 285 ${String(20000 + i)}` }).where('id', '=', sisian.id).execute();
      await appendAudit(tx, { userId: null, label: 'Աշխատակից', ip: '192.0.2.7', requestId: `req-${i}` }, {
        communityId: i % 3 === 0 ? null : sisian.id,
        action: 'community.update',
        entityType: 'community',
        entityId: sisian.id,
        before: { phone: 'old', note: 'Սիսիան «հին»' },
        after: { phone: `+374 285 ${String(20000 + i)}`, list: [1, 2, null] },
      });
    });
  }
}

/** Every table's rows in primary-key order. */
async function contents(services: Services): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await describeTables(services.db)) {
    const order = (t.primaryKey.length ? t.primaryKey : t.columns).map((c) => sql.ref(c));
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} order by ${sql.join(order)}`.execute(services.db.kysely);
    out[t.name] = r.rows;
  }
  return out;
}

function assertSameContents(a: Record<string, unknown[]>, b: Record<string, unknown[]>): void {
  assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), 'the same tables');
  for (const table of Object.keys(a)) {
    assert.equal(b[table]!.length, a[table]!.length, `${table}: row count`);
    assert.deepEqual(b[table], a[table], `${table}: contents`);
  }
}

async function roundTrip(t: TestContext, from: Engine, to: Engine): Promise<void> {
  const { services: source } = await setup(t, from);
  await addChanges(source);
  const file = tempFile(t);
  const written = await backupTo(source, file, { progress: false });
  assert.ok(fs.existsSync(file));
  assert.ok(!fs.readdirSync(path.dirname(file)).some((f) => f.includes('.partial')), 'no partial file left behind');

  // The file is gzip'ed JSON lines: a header, then per-table chunks.
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const header = lines[0] as { format: string; version: number; migrations: string[]; tables: { name: string; rows: number }[] };
  assert.equal(header.format, BACKUP_FORMAT);
  assert.equal(header.version, 1);
  assert.ok(header.migrations.includes('20261126_0310_audit_append_only'));
  const order = header.tables.map((x) => x.name);
  assert.ok(order.indexOf('communities') < order.indexOf('settlements'), 'parents before children');
  assert.ok(order.indexOf('users') < order.indexOf('role_assignments'));
  assert.ok(lines.slice(1).every((l) => typeof l.table === 'string' && Array.isArray(l.rows)));

  const target = await emptyDatabase(t, to);
  const restored = await restoreFrom(target, file, { progress: false });
  assert.equal(restored.rows, written.rows);
  assert.deepEqual(restored.droppedColumns, []);

  assertSameContents(await contents(source), await contents(target));
  const verified = await verifyAuditChains(target.db.kysely);
  assert.ok(verified.ok, formatVerifyResult(verified));
  assert.equal(verified.events, (await verifyAuditChains(source.db.kysely)).events);

  // Sequences continue after the restored ids: new rows and new audit events just work.
  const db = target.db.kysely;
  const sisian = await db.selectFrom('communities').select('id').where('slug', '=', 'sisian').executeTakeFirstOrThrow();
  const maxSettlement = await db.selectFrom('settlements').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
  const inserted = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('settlements')
      .values({ community_id: sisian.id, name_hy: 'Նոր', name_en: 'New', name_ru: 'Новый', kind: 'village', postcode: null, is_centre: 0, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, { userId: null, label: 'after restore', ip: null, requestId: null }, { communityId: sisian.id, action: 'settlement.create', entityType: 'settlement', entityId: row.id });
    return row;
  });
  assert.ok(inserted.id > Number(maxSettlement.m));
  assert.ok((await verifyAuditChains(db)).ok, 'the chain continues after a restore');

  // A database with data is never restored into.
  await assert.rejects(restoreFrom(target, file, { progress: false }), (err: unknown) => err instanceof RestoreRefused && /empty database/.test(err.message));
}

bothEngines('backup and restore: every table comes back the same and the audit chains verify', async (t, engine) => {
  await roundTrip(t, engine, engine);
});

test('backup and restore: a SQLite backup restores into PostgreSQL', async (t) => {
  await roundTrip(t, 'sqlite', 'postgres');
});

test('restore refuses files that are not MMIS backups', async (t) => {
  const target = await emptyDatabase(t, 'sqlite');
  const file = tempFile(t);
  fs.writeFileSync(file, zlib.gzipSync('{"format":"something-else"}\n'));
  await assert.rejects(restoreFrom(target, file, { progress: false }), /not an MMIS backup/);
  fs.writeFileSync(file, zlib.gzipSync(`${JSON.stringify({ format: BACKUP_FORMAT, version: 1, createdAt: '', engine: 'sqlite', migrations: ['29990101_0000_future_thing'], tables: [] })}\n`));
  await assert.rejects(restoreFrom(target, file, { progress: false }), /newer version/);
  await assert.rejects(restoreFrom(target, path.join(path.dirname(file), 'missing.gz'), { progress: false }), /does not exist/);
  fs.writeFileSync(file, 'plain text, not gzip\n');
  await assert.rejects(restoreFrom(target, file, { progress: false }), /not a readable MMIS backup/);
});
