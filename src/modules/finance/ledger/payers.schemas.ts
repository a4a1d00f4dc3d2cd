// Inputs of the ledger's staff pages: path parameters, query strings and the correction
// forms. Forms are parsed in the handlers (parseForm), so a bad value re-renders the page
// with field errors; days are typed dd.mm.yyyy (or YYYY-MM-DD) and read with parseDay.
import { z } from 'zod';
import { parseDay } from '../../../platform/i18n/index.ts';

/** A row id: a positive integer that fits the column (a longer one would be a database error, not a 404). */
const rowId = z.coerce.number().int().positive().max(2_147_483_647);
const formRowId = z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(12, 'field.invalid')
  .regex(/^\d+$/, 'field.invalid').transform(Number).refine((n) => n > 0 && n <= 2_147_483_647, 'field.invalid');

export const residentPayerParams = z.object({ slug: z.string(), residentId: rowId });
export const organizationPayerParams = z.object({ slug: z.string(), organizationId: rowId });

/** A day typed by a person: dd.mm.yyyy or YYYY-MM-DD, read as YYYY-MM-DD. */
const typedDay = (message: 'finance.ledger.error.day') => z.string().max(10, message).transform((v, c) => {
  const day = parseDay(v);
  if (!day) {
    c.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return day;
});

export const payerSearchQuery = z.object({ q: z.string().max(100).optional() });

export const DONE = ['relief', 'write_off', 'refund', 'transfer', 'reverse'] as const;
export const payerPageQuery = z.object({
  from: typedDay('finance.ledger.error.day').optional(),
  to: typedDay('finance.ledger.error.day').optional(),
  done: z.enum(DONE).optional(),
});
export type PayerPageQuery = z.infer<typeof payerPageQuery>;

export const statementQuery = z.object({
  from: typedDay('finance.ledger.error.day'),
  to: typedDay('finance.ledger.error.day'),
  lang: z.enum(['hy', 'en', 'ru']).optional(),
});

const amount = z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(15, 'finance.ledger.error.amount')
  .transform((v) => v.replace(/[\s\u00a0,]/g, '')).refine((v) => /^\d+$/.test(v) && Number(v) > 0 && Number.isSafeInteger(Number(v)), 'finance.ledger.error.amount')
  .transform(Number);
const note = z.string().max(500, 'field.tooLong').optional().transform((v) => v?.trim() || null);

export const reliefForm = z.object({
  obligation: formRowId,
  component: z.enum(['principal', 'penalty'], { error: 'field.required' }),
  amount,
  legal_ground: z.string({ error: 'finance.ledger.error.legalGround' }).trim().min(1, 'finance.ledger.error.legalGround').max(500, 'field.tooLong'),
  note,
});
export type ReliefFormInput = z.infer<typeof reliefForm>;

export const refundForm = z.object({
  amount,
  note: z.string({ error: 'finance.ledger.error.refundNote' }).trim().min(1, 'finance.ledger.error.refundNote').max(500, 'field.tooLong'),
});

export const transferForm = z.object({
  payment: formRowId,
  /** 'credit' or an obligation id. */
  from: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(12, 'field.invalid').regex(/^(credit|\d+)$/, 'field.invalid'),
  to: formRowId,
  note,
});

export const reverseForm = z.object({
  entry: formRowId,
  note: z.string({ error: 'finance.ledger.error.reverseNote' }).trim().min(1, 'finance.ledger.error.reverseNote').max(500, 'field.tooLong'),
});

export const reportsQuery = z.object({
  year: z.coerce.number().int().min(2000, 'finance.ledger.error.year').max(2100, 'finance.ledger.error.year').optional(),
});
