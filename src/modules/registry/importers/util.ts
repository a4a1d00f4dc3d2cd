// Small helpers shared by the importers.
import type { z } from 'zod';
import { issuesToFields } from '../../../platform/http/forms.ts';
import { err, type RowError } from './types.ts';

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One error per column from zod issues, with the message keys forms use. */
export function zodErrors(line: number, issues: z.core.$ZodIssue[]): RowError[] {
  return Object.entries(issuesToFields(issues)).map(([column, reason]) => err(line, column, reason));
}
