// Inputs of the budget's pages: the year in the query and paths, the staff forms.
import { z } from 'zod';
import { parseDay } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/errors.ts';

const id = z.coerce.number().int().positive().max(2 ** 31 - 1);
export const yearValue = z.coerce.number().int().min(2000, 'finance.budget.error.year').max(2100, 'finance.budget.error.year');

export const yearQuery = z.object({ year: yearValue.optional() });
export const staffQuery = z.object({ year: yearValue.optional(), done: z.enum(['created', 'plan', 'adopted', 'amended']).optional() });
export const budgetParams = z.object({ slug: z.string(), budgetId: id });
export const importParams = z.object({ slug: z.string(), budgetId: id, importId: id });
export const csvParams = z.object({ slug: z.string(), budgetId: id, file: z.enum(['datapackage.json', 'budget-revenue.csv', 'budget-expenditure.csv']) });

export const createForm = z.object({ year: yearValue });

const decisionFields = {
  decision_number: z.string().trim().min(1, 'field.required').max(40, 'field.tooLong'),
  decision_date: z.string().trim().min(1, 'field.required').transform((s, c) => parseDay(s) ?? (c.addIssue({ code: 'custom', message: 'finance.budget.error.date' }), z.NEVER)),
};
export const adoptForm = z.object(decisionFields);

export const uploadForm = z.object({
  file: z.object({ filename: z.string(), data: z.instanceof(Buffer) }, 'finance.budget.error.fileRequired')
    .refine((f) => f.data.length > 0, 'finance.budget.error.fileRequired'),
});

/** A line's change: whole drams with a sign (the minus may be typed as −), blank for none. */
const DELTA = /^[-+−]?\d{1,13}$/;

export const amendForm = z.object({
  ...decisionFields,
  note: z.string().trim().max(500, 'field.tooLong').optional(),
});

/** The `line_<id>` fields of an amendment form as line id → change, and the fields that are not a change. */
export function deltasOf(body: Record<string, unknown>): { deltas: Map<number, number>; errors: FieldErrors } {
  const deltas = new Map<number, number>();
  const errors: FieldErrors = {};
  for (const [k, v] of Object.entries(body)) {
    const m = /^line_(\d{1,10})$/.exec(k);
    if (!m || typeof v !== 'string' || !v.trim()) continue;
    const s = v.replace(/[\s\u00a0]/g, '');
    if (DELTA.test(s)) deltas.set(Number(m[1]), Number(s.replace('−', '-').replace('+', '')));
    else errors[k] = 'finance.budget.error.delta';
  }
  return { deltas, errors };
}
