// Use-cases of the import pages: keep an upload (content-addressed) between preview and
// confirm, preview the first rows, run the import, and find a run and its report.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../../platform/http/context.ts';
import { checkFile, runImport, type ImportResult } from './pipeline.ts';
import { IMPORTERS } from './registers.ts';
import type { Register, RowError } from './types.ts';

const storeDir = (ctx: Ctx) => path.join(ctx.services.config.filesDir, 'imports');

/** Stores the upload under its SHA-256 and returns the hash. */
export function storeUpload(ctx: Ctx, data: Buffer): string {
  const sha = crypto.createHash('sha256').update(data).digest('hex');
  fs.mkdirSync(storeDir(ctx), { recursive: true });
  const file = path.join(storeDir(ctx), sha);
  if (!fs.existsSync(file)) fs.writeFileSync(file, data);
  return sha;
}

export function loadUpload(ctx: Ctx, sha: string): Buffer | null {
  if (!/^[0-9a-f]{64}$/.test(sha)) return null;
  try {
    return fs.readFileSync(path.join(storeDir(ctx), sha));
  } catch {
    return null;
  }
}

export interface PreviewRow {
  line: number;
  cells: string[];
  errors: RowError[];
}

export interface Preview {
  columns: string[];
  rows: PreviewRow[];
  total: number;
  valid: number;
  rejected: number;
}

export const PREVIEW_ROWS = 20;

/** Checks the whole file without writing; shows the first rows. Throws FileUnusable. */
export async function previewImport(ctx: Ctx, register: Register, data: Buffer): Promise<Preview> {
  const importer = IMPORTERS[register]();
  const checked = await checkFile(ctx.tenant(), importer, data);
  const byLine = new Map<number, RowError[]>();
  for (const e of checked.errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  const columns = importer.columns.filter((c) => checked.table.columns.includes(c));
  return {
    columns,
    rows: checked.table.rows.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, cells: columns.map((c) => r.cells[c] ?? ''), errors: byLine.get(r.line) ?? [] })),
    total: checked.table.rows.length,
    valid: checked.valid.length,
    rejected: byLine.size,
  };
}

export async function confirmImport(ctx: Ctx, register: Register, data: Buffer, fileName: string): Promise<ImportResult> {
  return runImport({
    db: ctx.db, communityId: ctx.requireCommunity().id, actor: ctx.auditActor(), register, file: data, fileName,
    locale: ctx.locale, filesDir: ctx.services.config.filesDir,
  });
}

export async function findRun(ctx: Ctx, id: number) {
  return ctx.tenant().selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
}
