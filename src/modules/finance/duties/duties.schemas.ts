// Inputs of the duties pages: a year's rate, copying a year, a payer, the catalogue editor.
import { z } from 'zod';
import { isExactDecimal } from './duties.amount.ts';
import { SHIPPED_DUTY_KINDS } from './duty-kinds.data.ts';

export const PERIODICITIES = ['one_off', 'monthly', 'quarterly', 'yearly'] as const;
export const MEASURES = ['unit', 'area_m2', 'person', 'household'] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const nbsp = (v: unknown) => (typeof v === 'string' ? v.replace(/[\s\u00a0]/g, '') : v);
const text = (max: number) => z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(max, 'field.tooLong');
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max, 'field.tooLong').optional()).transform((v) => v ?? '');
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const day = z.string({ error: 'field.required' }).trim().refine(isDay, 'finance.duties.error.day');
const optionalDay = z.preprocess(blank, day.optional()).transform((v) => v ?? null);
const decimal = z.string().trim().refine(isExactDecimal, 'finance.duties.error.decimal');
const optionalDecimal = z.preprocess((v) => blank(nbsp(v)), decimal.optional()).transform((v) => v ?? null);
const wholeDrams = z.preprocess((v) => blank(nbsp(v)) ?? '', z.string().regex(/^\d{1,10}$/, 'finance.duties.error.wholeDrams').transform(Number));
const year = z.coerce.number({ error: 'field.required' }).int('field.invalid').min(2000, 'field.invalid').max(2100, 'field.invalid');
const id = z.coerce.number({ error: 'field.required' }).int('field.required').positive('field.required').max(2_147_483_647, 'field.invalid');

export const rateForm = z.object({
  year,
  kind_id: id,
  variant: optionalText(100),
  revenue_line: z.string({ error: 'field.required' }).trim().regex(/^\d{3,8}$/, 'finance.duties.error.revenueLine'),
  treasury_account: z.preprocess(nbsp, z.string({ error: 'field.required' }).regex(/^900\d{9}$/, 'finance.duties.error.treasuryAccount')),
  rate: wholeDrams,
  periodicity: z.enum(PERIODICITIES, { error: 'field.required' }),
  measure: z.enum(MEASURES, { error: 'field.required' }),
  zone_coefficient: z.preprocess((v) => blank(nbsp(v)) ?? '1', decimal),
  decision_number: text(40),
  decision_date: day,
  council_decision_id: z.preprocess(blank, id.optional()).transform((v) => v ?? null),
});
export type RateInput = z.infer<typeof rateForm>;

export const copyForm = z.object({ from_year: year, to_year: year, decision_number: text(40), decision_date: day })
  .refine((v) => v.to_year > v.from_year, { path: ['to_year'], message: 'finance.duties.error.copyYear' });
export type CopyInput = z.infer<typeof copyForm>;

export const payerForm = z.object({
  rate_id: id,
  /** A resident's public service number (10 digits) or an organization's tax ID (8 digits). */
  payer_ref: z.preprocess(nbsp, z.string({ error: 'field.required' }).regex(/^(\d{8}|\d{10})$/, 'finance.duties.error.payerRef')),
  quantity: optionalDecimal,
  area_m2: optionalDecimal,
  place: text(300),
  starts_on: day,
  ends_on: optionalDay,
}).refine((v) => v.ends_on === null || v.ends_on >= v.starts_on, { path: ['ends_on'], message: 'finance.duties.error.endBeforeStart' });
export type PayerInput = z.infer<typeof payerForm>;

export const accrueForm = z.object({ as_of: day });

export const kindForm = z.object({
  limit_amount: z.preprocess((v) => blank(nbsp(v)), z.string().regex(/^\d{1,10}$/, 'finance.duties.error.wholeDrams').transform(Number).optional()).transform((v) => v ?? null),
  revenue_line: z.preprocess(blank, z.string().trim().regex(/^\d{3,8}$/, 'finance.duties.error.revenueLine').optional()).transform((v) => v ?? null),
  legal_ref: text(500),
  source: optionalText(1000),
  verification: z.enum(['verified', 'to_check'], { error: 'field.required' }),
});
export type KindInput = z.infer<typeof kindForm>;

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), done: z.string().max(20).optional() });
export const payersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  done: z.string().max(20).optional(),
});
export const newPayerQuery = z.object({
  /** A name, PSN or tax ID to look the payer up in the registers. */
  find: z.string().trim().min(1).max(100).optional(),
  ref: z.string().regex(/^(\d{8}|\d{10})$/).optional(),
});
export const doneQuery = z.object({ done: z.string().max(20).optional() });
export const rateParams = z.object({ slug: z.string(), rateId: z.coerce.number().int().positive() });
export const payerParams = z.object({ slug: z.string(), payerId: z.coerce.number().int().positive() });
/** Kinds are the law's list as shipped: the national administrator edits them, never adds one. */
export const kindParams = z.object({ code: z.enum(SHIPPED_DUTY_KINDS.map((k) => k.code) as [string, ...string[]]) });
