// Inputs of the population register, the gazetteer and the residents API.
import { z } from 'zod';
import { birthDate, day, publicServiceNumber } from '../identifiers.ts';

const text = (max: number) => z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(max, 'field.tooLong');
const optText = (max: number) =>
  z.string().trim().max(max, 'field.tooLong').optional().transform((v) => (v ? v : null));
const optId = z
  .string()
  .max(12, 'field.invalid')
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0), 'field.invalid');
const id = z
  .string({ error: 'field.required' })
  .max(12, 'field.invalid')
  .transform((v) => Number(v))
  .refine((v) => Number.isInteger(v) && v > 0, 'field.required');

export const SEXES = ['M', 'F'] as const;
export const STATUSES = ['registered', 'moved_out', 'deceased'] as const;
export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'other'] as const;
export const EVENT_KINDS = ['moved_within', 'moved_out', 'died'] as const;

const personFields = {
  last_name: text(100),
  first_name: text(100),
  patronymic: optText(100),
  last_name_latin: optText(100),
  first_name_latin: optText(100),
  patronymic_latin: optText(100),
  birth_date: z.string({ error: 'field.required' }).max(20, 'field.tooLong').pipe(birthDate),
  sex: z.enum(SEXES, { error: 'field.required' }),
  public_service_number: z
    .string()
    .max(20, 'field.tooLong')
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(publicServiceNumber.nullable()),
  id_document: optText(40),
  phone: optText(20),
  email: z
    .string()
    .trim()
    .max(254, 'field.tooLong')
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'field.invalid'),
};

/** Registering someone in: the person and where they live. */
export const residentCreateForm = z.object({
  ...personFields,
  settlement_id: id,
  address_id: optId,
  /** The apartment number at the chosen address (not a row id); resolved to its unit on submit. */
  unit: optText(20),
  registered_on: z.string().max(20, 'field.tooLong').optional().transform((v) => (v?.trim() ? v : null)).pipe(day.nullable()),
});
export type ResidentCreateInput = z.infer<typeof residentCreateForm>;

/** A correction of the record: always with a reason. */
export const residentEditForm = z.object({ ...personFields, reason: text(500) });
export type ResidentEditInput = z.infer<typeof residentEditForm>;

export const lifeEventForm = z.object({
  kind: z.enum(EVENT_KINDS, { error: 'field.required' }),
  on_date: z.string({ error: 'field.required' }).max(20, 'field.tooLong').pipe(day),
  address_id: optId,
  unit: optText(20),
  reason: optText(500),
});
export type LifeEventInput = z.infer<typeof lifeEventForm>;

export const linkAccountForm = z.object({ contact: text(254) });

export const householdCreateForm = z.object({ resident_id: id });
export const householdMemberForm = z.object({
  public_service_number: z.string({ error: 'field.required' }).max(20, 'field.tooLong').pipe(publicServiceNumber),
  relationship: z.enum(RELATIONSHIPS, { error: 'field.required' }),
});

export const streetForm = z.object({ settlement_id: id, name_hy: text(120), name_en: optText(120), name_ru: optText(120) });
export type StreetInput = z.infer<typeof streetForm>;

const coord = (min: number, max: number) =>
  z
    .string()
    .max(30, 'field.tooLong')
    .optional()
    .transform((v) => (v?.trim() ? Number(v.trim().replace(',', '.')) : null))
    .refine((v) => v === null || (Number.isFinite(v) && v >= min && v <= max), 'registry.population.error.coord');

export const addressForm = z.object({
  settlement_id: id,
  street_id: optId,
  number: text(20),
  postcode: z.string().trim().max(10, 'field.tooLong').optional().transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{4}$/.test(v), 'registry.population.error.postcode'),
  lat: coord(38, 42),
  lon: coord(43, 47),
});
export type AddressInput = z.infer<typeof addressForm>;
export const unitForm = z.object({ number: text(20) });

const page = z.coerce.number().int().min(1).max(100000).optional();
const q = z.string().max(200).optional();

export const residentsQuery = z.object({
  q,
  settlement_id: z.coerce.number().int().positive().optional(),
  status: z.enum(STATUSES).optional(),
  sex: z.enum(SEXES).optional(),
  age_min: z.coerce.number().int().min(0).max(150).optional(),
  age_max: z.coerce.number().int().min(0).max(150).optional(),
  page,
  done: z.string().max(20).optional(),
});
export type ResidentsQuery = z.infer<typeof residentsQuery>;

export const doneQuery = z.object({ done: z.string().max(20).optional() });
export const addressesQuery = z.object({ settlement_id: z.coerce.number().int().positive().optional(), done: doneQuery.shape.done });

export const slugOnly = z.object({ slug: z.string() });
export const residentParams = z.object({ slug: z.string(), id: z.coerce.number().int().positive() });
export const memberParams = residentParams.extend({ residentId: z.coerce.number().int().positive() });

export const apiResidentsQuery = z.object({ q: z.string().max(200).optional(), page: z.coerce.number().int().min(1).max(100000).optional() });
export const apiResident = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  patronymic: z.string().nullable(),
  lastNameLatin: z.string(),
  firstNameLatin: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  publicServiceNumber: z.string().nullable(),
  settlement: z.object({ id: z.number(), name: z.string() }),
  status: z.string(),
});
