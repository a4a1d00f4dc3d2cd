// Reading an uploaded plan or Treasury execution report: CSV (UTF-8, comma or semicolon,
// told from the header line) or XLSX (the first sheet), into rows of cells named by the
// column mapping (budget.columns.ts). A file that cannot be used at all throws BadFile.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { stripControls } from '../../../platform/http/controls.ts';

export class BadFile extends Error {
  constructor(readonly messageKey: MessageKey, readonly params: Record<string, string> = {}) {
    super(messageKey);
  }
}

export interface FileRow {
  /** The line (CSV) or row (XLSX) number in the file; 1 is the header. */
  line: number;
  cells: Record<string, string>;
}

/** Column name → the header spellings taken for it (lower case, spaces as _). */
export type ColumnMap<C extends string> = Record<C, readonly string[]>;

async function records(buf: Buffer): Promise<{ cells: string[]; line: number }[]> {
  // XLSX is a ZIP: told by its content, not its name.
  if (buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new BadFile('finance.budget.file.unreadable');
    }
    const sheet = wb.worksheets[0];
    const out: { cells: string[]; line: number }[] = [];
    sheet?.eachRow((row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(xlsxText(row.getCell(c).value));
      out.push({ cells, line: n });
    });
    return out;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new BadFile('finance.budget.file.encoding');
  }
  const head = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = head.split(';').length > head.split(',').length ? ';' : ',';
  try {
    const parsed = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map((p) => ({ cells: p.record, line: p.info.lines }));
  } catch {
    throw new BadFile('finance.budget.file.unreadable');
  }
}

function xlsxText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined ? '' : String(v.result as unknown);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    return '';
  }
  return String(v);
}

const headerKey = (h: string) => stripControls(h).trim().toLowerCase().replace(/\s+/g, '_');

/** The rows with cells named by `map`; every mapped column must be in the header. */
export async function readMapped<C extends string>(buf: Buffer, map: ColumnMap<C>): Promise<FileRow[]> {
  if (buf.length === 0) throw new BadFile('finance.budget.file.empty');
  const [header, ...body] = await records(buf);
  if (!header || header.cells.every((c) => !c.trim())) throw new BadFile('finance.budget.file.empty');
  const keys = header.cells.map(headerKey);
  const index = {} as Record<C, number>;
  const missing: string[] = [];
  for (const [name, spellings] of Object.entries(map) as [C, readonly string[]][]) {
    const at = keys.findIndex((k) => k === name || spellings.includes(k));
    if (at < 0) missing.push(name);
    index[name] = at;
  }
  if (missing.length) throw new BadFile('finance.budget.file.missingColumns', { columns: missing.join(', ') });
  return body
    .map((r) => {
      const cells = {} as Record<string, string>;
      for (const name of Object.keys(map) as C[]) cells[name] = stripControls(r.cells[index[name]] ?? '').trim();
      return { line: r.line, cells };
    })
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
}

/** Whole drams: digits with optional spaces or thin separators as a thousands mark; a minus allowed. */
export function parseDrams(raw: string, allowNegative = false): number | null {
  const s = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^-?\d{1,15}$/.test(s)) return null;
  const n = Number(s);
  if (!Number.isSafeInteger(n) || (n < 0 && !allowNegative)) return null;
  return n === 0 ? 0 : n;
}
