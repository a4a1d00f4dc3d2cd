// Inputs and outputs of the catalogue routes: path parameters, the small forms (install,
// status, new service) and the public API's answer. The editor's big form is parsed in
// catalogue-editor.form.ts because it becomes a ServiceSpec, not a flat record.
import { z } from 'zod';
import { DOCUMENT_TYPES, FIELD_TYPES, SERVICE_GROUPS } from './spec.ts';
import { SERVICE_CODE } from './catalogue.service.ts';

export const serviceParams = z.object({ slug: z.string(), serviceId: z.coerce.number().int().positive() });

export const SERVICE_STATUSES = ['draft', 'published', 'archived'] as const;

export const statusForm = z.object({ status: z.enum(SERVICE_STATUSES, { error: 'field.invalid' }) });

/** Checkboxes post one value as a string and several as an array. */
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(60, 'field.tooLong')).max(100));

export const installForm = z
  .object({ scope: z.enum(['all', 'chosen'], { error: 'field.required' }), codes: list })
  .refine((v) => v.scope === 'all' || v.codes.length > 0, { message: 'services.catalogue.error.chooseTemplates', path: ['codes'] });

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max, 'field.tooLong').optional()).transform((v) => v ?? '');

export const newServiceForm = z.object({
  code: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(60, 'field.tooLong').regex(SERVICE_CODE, 'services.catalogue.error.code'),
  name_hy: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(2000, 'field.tooLong'),
  name_en: text(2000),
  name_ru: text(2000),
  group: z.enum(SERVICE_GROUPS, { error: 'field.required' }),
  /** Copy this service's current version; empty: start from an empty service. */
  from: z.preprocess(blank, z.coerce.number({ error: 'field.invalid' }).int('field.invalid').positive('field.invalid').optional()),
});
export type NewServiceInput = z.infer<typeof newServiceForm>;

export const DONE = ['installed', 'saved', 'status', 'created'] as const;
export const doneQuery = z.object({
  done: z.enum(DONE).optional(),
  count: z.coerce.number().int().min(0).max(1000).optional(),
});

const localizedOut = z.object({ hy: z.string(), en: z.string(), ru: z.string() });

export const catalogueItem = z.object({
  id: z.number().int(),
  code: z.string(),
  /** The version new applications use; it changes with every save in the editor. */
  version: z.number().int(),
  group: z.enum(SERVICE_GROUPS),
  name: localizedOut,
  description: localizedOut,
  applicants: z.array(z.enum(['person', 'organization'])),
  channels: z.enum(['online', 'office', 'both']),
  fee: z.object({
    kind: z.enum(['none', 'fixed', 'table', 'per_unit']),
    amount: z.number().int().optional(),
    field: z.string().optional(),
    rows: z.array(z.object({ value: z.string(), amount: z.number().int() })).optional(),
    default: z.number().int().optional(),
    rate: z.string().optional().describe('AMD per unit of `field`, an exact decimal'),
    base: z.number().int().optional(),
    min: z.number().int().optional(),
  }),
  deadline: z.object({ days: z.number().int(), unit: z.enum(['working', 'calendar']) }),
  documents: z.array(z.object({ key: z.string(), label: localizedOut, required: z.boolean(), types: z.array(z.enum(DOCUMENT_TYPES)) })),
  fields: z.array(z.object({ key: z.string(), type: z.enum(FIELD_TYPES), required: z.boolean(), label: localizedOut })),
});

export const catalogueResponse = z.object({ items: z.array(catalogueItem) });
