// Inputs of the organizations register.
import { z } from 'zod';
import { taxId } from '../identifiers.ts';
import { optionalId } from '../property/property.schemas.ts';

export const LEGAL_FORMS = ['llc', 'cjsc', 'ojsc', 'entrepreneur', 'foundation', 'ngo', 'cooperative', 'other'] as const;
export const ORG_STATUSES = ['active', 'closed'] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max, 'field.tooLong').optional()).transform((v) => v ?? null);

export const organizationForm = z.object({
  tax_id: z.string({ error: 'field.required' }).pipe(taxId),
  name: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(300, 'field.tooLong'),
  legal_form: z.enum(LEGAL_FORMS, { error: 'field.required' }),
  /** A checkbox: present ("1") or absent. */
  is_entrepreneur: z.preprocess((v) => (v === undefined ? '0' : v), z.enum(['0', '1'], { error: 'field.invalid' })).transform((v) => Number(v)),
  settlement_id: optionalId,
  address_id: optionalId,
  activity: optionalText(500),
  phone: z.preprocess(blank, z.string().trim().max(20, 'field.tooLong').regex(/^\+?[\d\s()-]{5,20}$/, 'field.invalid').optional()).transform((v) => v ?? null),
  email: z.preprocess(blank, z.string().trim().max(254, 'field.tooLong').regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'field.invalid').optional()).transform((v) => v ?? null),
  status: z.enum(ORG_STATUSES, { error: 'field.required' }),
});
export type OrganizationInput = z.infer<typeof organizationForm>;

export const organizationListQuery = z.object({
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  legal_form: z.enum(LEGAL_FORMS).optional(),
  status: z.enum(ORG_STATUSES).optional(),
  settlement: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  done: z.string().max(20).optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;

export const organizationParams = z.object({ slug: z.string(), organizationId: z.coerce.number().int().positive() });
