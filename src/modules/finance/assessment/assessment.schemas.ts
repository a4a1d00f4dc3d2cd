// Inputs of the assessment pages.
import { z } from 'zod';
import { todayInYerevan } from '../../../platform/i18n/index.ts';

/** The years a run may be started for: the current one and the five before (corrections of past years). */
export function assessableYears(today = todayInYerevan()): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => year - i);
}

export const startRunForm = z.object({
  year: z.coerce.number({ error: 'field.required' }).int('field.invalid').refine((y) => assessableYears().includes(y), 'field.invalid'),
  kind: z.enum(['assessment', 'recalculation'], { error: 'field.required' }),
});

export const runParams = z.object({ slug: z.string(), runId: z.coerce.number().int().positive() });
export const doneQuery = z.object({ done: z.enum(['started', 'approved']).optional() });
