// Running one import: read the file, check the columns and every row, write the valid rows
// in transactions of about BATCH rows (one audit event each), write the rejected rows to a
// report CSV and record the run in import_runs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { sqliteHandleOf } from '../../../platform/db/connect.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { readSource, requireColumns, type SourceTable } from './read.ts';
import { Gazetteer } from './gazetteer.ts';
import { SqliteWriter, deferCheckpoints } from './sqlite.ts';
import { IMPORTERS } from './registers.ts';
import { err, type Importer, type Register, type RowError, type Valid } from './types.ts';
export { IMPORTERS };
import { writeReport } from './report.ts';

export const BATCH = 1000;

export interface ImportOptions {
  db: Kysely<Database>;
  communityId: number;
  actor: AuditActor;
  register: Register;
  file: Buffer;
  fileName: string;
  locale: Locale;
  filesDir: string;
  /** Where to write the report; default filesDir/import-reports/<run>.csv. */
  reportPath?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  runId: number;
  imported: number;
  unchanged: number;
  rejected: number;
  total: number;
  reportPath: string | null;
  errors: RowError[];
}

export interface Checked {
  table: SourceTable;
  valid: Valid<unknown>[];
  errors: RowError[];
  gazetteer: Gazetteer;
}

/** Reads and checks the whole file without writing (used by the preview too). Throws FileUnusable. */
export async function checkFile(tenant: TenantDb, importer: Importer<unknown>, file: Buffer): Promise<Checked> {
  const table = await readSource(file);
  requireColumns(table, importer.required);
  const gazetteer = await Gazetteer.load(tenant);
  await importer.prepare(tenant);
  const errors: RowError[] = [];
  let valid: Valid<unknown>[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const checked = importer.check(row, gazetteer);
    if (!checked.ok) {
      errors.push(...checked.errors);
      continue;
    }
    const key = importer.key(checked.rec);
    if (key !== null) {
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push(err(row.line, importer.keyColumn ?? importer.required[0]!, 'registry.import.error.duplicate'));
        continue;
      }
      seen.set(key, row.line);
    }
    valid.push({ line: row.line, rec: checked.rec });
  }
  if (importer.group && importer.checkGroup) {
    const groups = groupRows(importer, valid);
    const bad = new Set<number>();
    for (const g of groups) for (const e of importer.checkGroup(g)) {
      errors.push(e);
      bad.add(e.line);
    }
    valid = valid.filter((v) => !bad.has(v.line));
  }
  errors.sort((a, b) => a.line - b.line);
  return { table, valid, errors, gazetteer };
}

function groupRows(importer: Importer<unknown>, rows: Valid<unknown>[]): Valid<unknown>[][] {
  const groups = new Map<string, Valid<unknown>[]>();
  for (const r of rows) {
    const k = importer.group!(r.rec);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()];
}

/** Batches of about BATCH rows that never split a group. */
function batches(importer: Importer<unknown>, rows: Valid<unknown>[]): Valid<unknown>[][] {
  const units = importer.group ? groupRows(importer, rows) : rows.map((r) => [r]);
  const out: Valid<unknown>[][] = [];
  let current: Valid<unknown>[] = [];
  for (const u of units) {
    current.push(...u);
    if (current.length >= BATCH) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

export async function runImport(o: ImportOptions): Promise<ImportResult> {
  const tenant = new TenantDb(o.db, o.communityId);
  const handle = sqliteHandleOf(o.db);
  const sqlite = handle ? new SqliteWriter(handle, o.communityId) : undefined;
  const importer = IMPORTERS[o.register]();
  const checked = await checkFile(tenant, importer, o.file);
  const errors = [...checked.errors];
  const now = new Date().toISOString();
  const sha256 = crypto.createHash('sha256').update(o.file).digest('hex');
  const run = await tenant
    .insertInto('import_runs', {
      register: o.register, file_name: path.basename(o.fileName), sha256, imported: 0, unchanged: 0, rejected: 0, report_path: null,
      actor_user_id: o.actor.userId, created_at: now,
    })
    .returning('id').executeTakeFirstOrThrow();
  let imported = 0;
  let unchanged = 0;
  let done = errors.length;
  const total = checked.table.rows.length;
  o.onProgress?.(done, total);
  const restoreCheckpoints = handle ? deferCheckpoints(handle) : undefined;
  try {
    for (const batch of batches(importer, checked.valid)) {
      await tenant.transaction(async (tx, raw) => {
        const r = await importer.write({ tx, raw, gazetteer: checked.gazetteer, actorUserId: o.actor.userId, now, sqlite }, batch);
        imported += r.imported;
        unchanged += r.unchanged;
        errors.push(...r.rejected);
        await appendAudit(raw, o.actor, {
          communityId: o.communityId, action: 'registry.import', entityType: 'import_run', entityId: run.id,
          after: { register: o.register, rows: r.imported + r.unchanged },
        });
      });
      done += batch.length;
      o.onProgress?.(done, total);
    }
  } finally {
    restoreCheckpoints?.();
  }
  errors.sort((a, b) => a.line - b.line);
  const rejectedLines = new Set(errors.map((e) => e.line)).size;
  let reportPath: string | null = null;
  if (errors.length) {
    reportPath = o.reportPath ?? path.join(o.filesDir, 'import-reports', `${o.communityId}-${run.id}-${o.register}.csv`);
    fs.mkdirSync(path.dirname(reportPath), { recursive: true });
    writeReport(reportPath, errors, translator(o.locale));
  }
  await tenant.updateTable('import_runs').set({ imported, unchanged, rejected: rejectedLines, report_path: reportPath }).where('id', '=', run.id).execute();
  return { runId: run.id, imported, unchanged, rejected: rejectedLines, total, reportPath, errors };
}
