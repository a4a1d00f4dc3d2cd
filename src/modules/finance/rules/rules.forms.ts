// The editors' forms as posted: a rule's content (values as JSON, reference, source, mark),
// a new period's first day, the rule row being corrected, a community's relief cap.
import { z } from 'zod';
import { RULE_KINDS } from './rules.types.ts';

const isJson = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'finance.rules.error.day');

export const ruleContentForm = z.object({
  data: z.string().trim().min(1).max(50_000).refine(isJson, 'finance.rules.error.json'),
  legal_ref: z.string().trim().min(1).max(500),
  source: z.string().trim().max(4_000).optional().transform((s) => (s ? s : null)),
  verification: z.enum(['verified', 'to_check']),
});

export const newPeriodForm = ruleContentForm.extend({ kind: z.enum(RULE_KINDS), valid_from: day });

export const correctForm = ruleContentForm.extend({ rule: z.string().regex(/^\d{1,12}$/, 'field.invalid').transform(Number) });

export const reliefForm = z.object({
  valid_from: day,
  pct: z.string().trim().regex(/^\d{1,3}([.,]\d{1,2})?$/, 'finance.rules.relief.error.pct').transform((s) => Number(s.replace(',', '.'))),
  legal_ref: z.string().trim().min(1).max(500),
});

export const kindQuery = z.object({ kind: z.enum(RULE_KINDS) });
export const ruleQuery = z.object({ rule: z.coerce.number().int().positive().max(999_999_999_999) });
export const doneQuery = z.object({ done: z.enum(['added', 'corrected']).optional() });

/** The posted strings (not the CSRF token), to show a refused form again as it was sent. */
export function postedValues(body: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>;
}
