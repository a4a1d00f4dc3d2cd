// Inputs of the budget's pages: the year in the query and paths, the staff forms.
import { z } from 'zod';
import { parseDay } from '../../../platform/i18n/index.ts';

const id = z.coerce.number().int().positive().max(2 ** 31 - 1);
export const yearValue = z.coerce.number().int().min(2000, 'finance.budget.error.year').max(2100, 'finance.budget.error.year');

export const yearQuery = z.object({ year: yearValue.optional() });
export const staffQuery = z.object({ year: yearValue.optional(), done: z.enum(['created', 'plan', 'adopted', 'amended']).optional() });
export const budgetParams = z.object({ slug: z.string(), budgetId: id });
export const importParams = z.object({ slug: z.string(), budgetId: id, importId: id });
export const yearParams = z.object({ slug: z.string(), year: yearValue });
export const csvParams = z.object({ slug: z.string(), year: yearValue, file: z.enum(['budget-revenue.csv', 'budget-expenditure.csv']) });

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

/** A line's change: whole drams with a sign, blank for none. */
const delta = z.string().trim().regex(/^[-+−]?\d{1,13}$|^$/, 'finance.budget.error.delta').optional();

export const amendForm = z.object({
  ...decisionFields,
  note: z.string().trim().max(500, 'field.tooLong').optional(),
}).catchall(delta);

/** The `line_<id>` fields of an amendment form as line id → change. */
export function deltasOf(body: Record<string, unknown>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [k, v] of Object.entries(body)) {
    const m = /^line_(\d{1,10})$/.exec(k);
    if (m && typeof v === 'string' && v.trim()) out.set(Number(m[1]), Number(v.trim().replace('−', '-').replace('+', '')));
  }
  return out;
}
