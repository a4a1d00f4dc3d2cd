// Reading an import file into rows of named cells: CSV (UTF-8 with or without BOM, comma
// or semicolon detected from the header line) or XLSX (the first sheet). Anything that
// makes the whole file unusable throws FileUnusable with a message key.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { stripControls } from '../../../platform/http/controls.ts';

export class FileUnusable extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly params: Record<string, string> = {},
  ) {
    super(messageKey);
  }
}

export interface SourceRow {
  /** The line of the file (1 is the header). */
  line: number;
  cells: Record<string, string>;
}

export interface SourceTable {
  columns: string[];
  rows: SourceRow[];
}

const normalizeHeader = (h: string) => stripControls(h).trim().toLowerCase().replace(/\s+/g, '_');

function isXlsx(buf: Buffer): boolean {
  return buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

function readCsv(buf: Buffer): SourceTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new FileUnusable('registry.import.file.encoding');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.trim()) throw new FileUnusable('registry.import.file.empty');
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  if (!text.includes('"')) {
    // No quoting: a plain split is several times faster than the full parser on big files.
    const records: string[][] = [];
    const lines: number[] = [];
    text.split(/\r?\n/).forEach((l, i) => {
      if (!l.trim()) return;
      records.push(l.split(delimiter).map((c) => c.trim()));
      lines.push(i + 1);
    });
    return toTable(records, lines);
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof parsed;
  } catch {
    throw new FileUnusable('registry.import.file.unreadable');
  }
  return toTable(parsed.map((p) => p.record), parsed.map((p) => p.info.lines));
}

async function readXlsx(buf: Buffer): Promise<SourceTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new FileUnusable('registry.import.file.unreadable');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new FileUnusable('registry.import.file.empty');
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    records[row.number - 1] = cells;
  });
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return toTable(records, records.map((_, i) => i + 1));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return v.result === undefined ? '' : String(v.result as unknown).trim();
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    return '';
  }
  return String(v).trim();
}

function toTable(records: string[][], lines: number[]): SourceTable {
  const header = records[0];
  if (!header || header.every((h) => !h.trim())) throw new FileUnusable('registry.import.file.empty');
  const columns = header.map(normalizeHeader);
  const rows: SourceRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i]!;
    const cells: Record<string, string> = {};
    let empty = true;
    for (let j = 0; j < columns.length; j++) {
      // A legacy file's NUL or other control character would stop PostgreSQL (and be stored by SQLite).
      const v = stripControls(rec[j] ?? '').trim();
      if (v) empty = false;
      cells[columns[j]!] = v;
    }
    // Cells beyond the header count too when telling an empty row.
    for (let j = columns.length; empty && j < rec.length; j++) if (rec[j]?.trim()) empty = false;
    if (empty) continue;
    rows.push({ line: lines[i] ?? i + 1, cells });
  }
  return { columns, rows };
}

/** Parses the file; the format is told by its content (XLSX is a ZIP), not its name. */
export async function readSource(buf: Buffer): Promise<SourceTable> {
  if (buf.length === 0) throw new FileUnusable('registry.import.file.empty');
  return isXlsx(buf) ? readXlsx(buf) : readCsv(buf);
}

/** Throws when a required column is missing, naming them all. */
export function requireColumns(table: SourceTable, required: readonly string[]): void {
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length) throw new FileUnusable('registry.import.file.missingColumns', { columns: missing.join(', ') });
}
