// The report of rejected rows: a CSV (UTF-8 with BOM) of line, column, reason.
import fs from 'node:fs';
import type { Translate } from '../../../platform/i18n/index.ts';
import { toCsv } from '../exports/export.ts';
import type { RowError } from './types.ts';

export function reportCsv(errors: RowError[], t: Translate): string {
  return toCsv(
    [
      { key: 'line', label: 'line' },
      { key: 'column', label: 'column' },
      { key: 'reason', label: 'reason' },
    ],
    errors.map((e) => ({ line: e.line, column: e.column, reason: t(e.reason) })),
  );
}

export function writeReport(file: string, errors: RowError[], t: Translate): void {
  fs.writeFileSync(file, reportCsv(errors, t));
}
