// Reading a statement file into a header and rows of cells: XLSX (told by its ZIP
// signature, the first sheet) or CSV (comma or semicolon, told from the header line) in
// one of the encodings its mapping names. A file that cannot be read at all throws
// Unreadable with a message key, before anything is written.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { stripControls } from '../../../platform/http/controls.ts';
import type { StatementMapping } from './mappings.ts';

export class Unreadable extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly params: Record<string, string> = {},
  ) {
    super(messageKey);
  }
}

export interface RawRow {
  /** The line of the file (1 is the header). */
  line: number;
  cells: string[];
}

export interface RawTable {
  header: string[];
  rows: RawRow[];
}

const isZip = (buf: Buffer) => buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

function decode(buf: Buffer, mapping: StatementMapping): string {
  for (const encoding of mapping.encodings) {
    try {
      // fatal: a byte that is not valid in the encoding is an error, not a replacement character.
      const text = new TextDecoder(encoding, { fatal: true }).decode(buf);
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      // The next encoding the mapping allows.
    }
  }
  throw new Unreadable('finance.statements.file.encoding', { encodings: mapping.encodings.join(', ') });
}

function readCsv(buf: Buffer, mapping: StatementMapping): RawTable {
  const text = decode(buf, mapping);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof parsed;
  } catch {
    throw new Unreadable('finance.statements.file.unreadable');
  }
  return toTable(parsed.map((p) => ({ line: p.info.lines, cells: p.record })));
}

async function readXlsx(buf: Buffer, mapping: StatementMapping): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new Unreadable('finance.statements.file.unreadable');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Unreadable('finance.statements.file.empty');
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value, mapping));
    rows.push({ line: row.number, cells });
  });
  return toTable(rows);
}

/** A cell as the CSV of the same statement would write it, so one parser reads both. */
function cellText(v: ExcelJS.CellValue, mapping: StatementMapping): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v).replace('.', mapping.decimal);
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined || v.result === null ? '' : cellText(v.result as ExcelJS.CellValue, mapping);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    return '';
  }
  return String(v);
}

function toTable(records: RawRow[]): RawTable {
  const clean = records.map((r) => ({ line: r.line, cells: r.cells.map((c) => stripControls(c).trim()) }));
  const [head, ...rows] = clean;
  if (!head || head.cells.every((c) => !c)) throw new Unreadable('finance.statements.file.empty');
  return { header: head.cells, rows: rows.filter((r) => r.cells.some((c) => c)) };
}

/** Parses the file; the format is told by its content (XLSX is a ZIP), not its name. */
export async function readStatementFile(buf: Buffer, mapping: StatementMapping): Promise<RawTable> {
  if (buf.length === 0) throw new Unreadable('finance.statements.file.empty');
  return isZip(buf) ? readXlsx(buf, mapping) : readCsv(buf, mapping);
}
