// One statement row → the values a payment needs, or the reasons it cannot be one. The
// rules a bank's row must meet: a real date, a positive whole number of drams (the dram
// has no minor unit in use: "1 500.00" is taken, "1 500.50" is not), the bank's
// transaction id, and no cells beyond the header's columns.
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { FIELDS, REQUIRED_FIELDS, normalizeHeader, type StatementField, type StatementMapping } from './mappings.ts';
import { Unreadable, type RawRow, type RawTable } from './read.ts';

export interface Problem {
  reason: MessageKey;
  params?: Record<string, string>;
}

export interface ParsedLine {
  line: number;
  /** The mapped cells as read, by the header's own spelling. */
  raw: Record<string, string>;
  txnId: string | null;
  paidOn: string | null;
  amount: number | null;
  payerName: string | null;
  /** Digits only: 10 a public service number (ՀԾՀ), 8 a tax ID (ՀՎՀՀ). */
  payerId: string | null;
  purpose: string | null;
  problems: Problem[];
}

/** Field → column index in the file, or the file is refused naming the missing columns. */
export function columnsOf(table: RawTable, mapping: StatementMapping): Partial<Record<StatementField, number>> {
  const header = table.header.map(normalizeHeader);
  const found: Partial<Record<StatementField, number>> = {};
  for (const field of FIELDS) {
    const i = header.findIndex((h) => mapping.columns[field].some((name) => normalizeHeader(name) === h));
    if (i >= 0) found[field] = i;
  }
  const missing = REQUIRED_FIELDS.filter((f) => found[f] === undefined).map((f) => mapping.columns[f][0]!);
  if (missing.length) throw new Unreadable('finance.statements.file.missingColumns', { columns: missing.join(', ') });
  return found;
}

const DATE_SHAPES: Record<StatementMapping['dateFormat'], RegExp> = {
  'DD.MM.YYYY': /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})(?:[ T].*)?$/,
  'DD/MM/YYYY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})(?:[ T].*)?$/,
  'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[ T].*)?$/,
};

/** YYYY-MM-DD of a real day, or null. */
export function parseStatementDate(text: string, format: StatementMapping['dateFormat']): string | null {
  const g = (DATE_SHAPES[format].exec(text) ?? DATE_SHAPES['YYYY-MM-DD'].exec(text))?.groups;
  if (!g) return null;
  const [y, m, d] = [Number(g.y), Number(g.m), Number(g.d)];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}

const MAX_AMOUNT = 2 ** 31 - 1;

/** Whole drams, or the reason the text is not an amount we take. */
export function parseStatementAmount(text: string, decimal: ',' | '.'): { amount: number } | Problem {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return { reason: 'finance.statements.row.noAmount' };
  s = decimal === ',' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { reason: 'finance.statements.row.badAmount', params: { value: text } };
  if (m[1]) return { reason: 'finance.statements.row.negative', params: { value: text } };
  if (m[3] && /[1-9]/.test(m[3])) return { reason: 'finance.statements.row.notWhole', params: { value: text } };
  const amount = Number(m[2]);
  // The ledger stores drams in a 32-bit integer column on both engines.
  if (amount > MAX_AMOUNT) return { reason: 'finance.statements.row.tooLarge', params: { value: text } };
  if (amount === 0) return { reason: 'finance.statements.row.noAmount' };
  return { amount };
}

export function parseRow(row: RawRow, table: RawTable, cols: Partial<Record<StatementField, number>>, mapping: StatementMapping): ParsedLine {
  const cell = (f: StatementField) => (cols[f] === undefined ? '' : (row.cells[cols[f]] ?? ''));
  const raw: Record<string, string> = {};
  for (const f of FIELDS) if (cols[f] !== undefined) raw[table.header[cols[f]]!] = cell(f);
  const problems: Problem[] = [];
  const extra = row.cells.slice(table.header.length).filter((c) => c);
  if (extra.length) problems.push({ reason: 'finance.statements.row.extraCells', params: { count: String(extra.length) } });

  const dateText = cell('date');
  const paidOn = dateText ? parseStatementDate(dateText, mapping.dateFormat) : null;
  if (!dateText) problems.push({ reason: 'finance.statements.row.noDate' });
  else if (!paidOn) problems.push({ reason: 'finance.statements.row.badDate', params: { value: dateText, format: mapping.dateFormat } });

  const amountResult = parseStatementAmount(cell('amount'), mapping.decimal);
  if ('reason' in amountResult) problems.push(amountResult);

  const txnId = cell('txnId').slice(0, 100) || null;
  if (!txnId) problems.push({ reason: 'finance.statements.row.noTxnId' });

  const id = cell('payerId').replace(/[\s-]/g, '');
  return {
    line: row.line,
    raw,
    txnId,
    paidOn,
    amount: 'amount' in amountResult ? amountResult.amount : null,
    payerName: cell('payerName').slice(0, 300) || null,
    payerId: id ? id.slice(0, 20) : null,
    purpose: cell('purpose').slice(0, 1000) || null,
    problems,
  };
}
