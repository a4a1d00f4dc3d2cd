// The shape every register's importer has: its columns, how a row is checked, and how a
// batch of checked rows is written. The pipeline (pipeline.ts) does the rest.
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { SourceRow } from './read.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { SqliteWriter } from './sqlite.ts';

export const REGISTERS = ['residents', 'households', 'parcels', 'buildings', 'ownership', 'organizations'] as const;
export type Register = (typeof REGISTERS)[number];

export interface RowError {
  line: number;
  column: string;
  reason: MessageKey;
}

export type Checked<R> = { ok: true; rec: R } | { ok: false; errors: RowError[] };

export interface Valid<R> {
  line: number;
  rec: R;
}

export interface WriteContext {
  tx: TenantDb;
  raw: Transaction<Database>;
  gazetteer: Gazetteer;
  actorUserId: number | null;
  now: string;
  /** SQLite only: prepared-statement writes on the connection running `raw` (sqlite.ts). */
  sqlite?: SqliteWriter;
}

export interface Importer<R> {
  register: Register;
  /** The template's columns, in order. */
  columns: readonly string[];
  /** Columns without which the file cannot be used. */
  required: readonly string[];
  /** Loads whatever the row checks need (once per run). */
  prepare(tenant: TenantDb): Promise<void>;
  check(row: SourceRow, gazetteer: Gazetteer): Checked<R>;
  /** The column a duplicate natural key is reported on. */
  keyColumn?: string;
  /** Natural key for duplicates inside the file (later rows rejected); null: no check. */
  key(rec: R): string | null;
  /** Rows that belong together (one household, one object's owners): checked and written together. */
  group?(rec: R): string;
  checkGroup?(rows: Valid<R>[]): RowError[];
  write(ctx: WriteContext, rows: Valid<R>[]): Promise<{ imported: number; unchanged: number; rejected: RowError[] }>;
}

export const err = (line: number, column: string, reason: MessageKey): RowError => ({ line, column, reason });

/** Empty cells become null. */
export const opt = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

/** A whole non-negative number (money in AMD, counts); spaces as thousands separators allowed. */
export function intOrNull(v: string | undefined): number | null | 'bad' {
  const s = opt(v)?.replace(/[\s\u00a0]/g, '');
  if (s === null || s === undefined) return null;
  return /^\d+$/.test(s) ? Number(s) : 'bad';
}

export function numOrNull(v: string | undefined): number | null | 'bad' {
  const s = opt(v)?.replace(',', '.');
  if (s === null || s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : 'bad';
}

export function boolOrNull(v: string | undefined): number | null | 'bad' {
  const s = opt(v)?.toLowerCase();
  if (s === null || s === undefined) return null;
  if (['1', 'yes', 'true', 'այո', 'да'].includes(s)) return 1;
  if (['0', 'no', 'false', 'ոչ', 'нет'].includes(s)) return 0;
  return 'bad';
}
