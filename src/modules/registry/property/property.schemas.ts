// Inputs of the property register: parcels, structures (buildings and apartments) and
// their owner sets. Forms post strings; these turn them into typed values or field errors.
import { z } from 'zod';
import { cadastralCode, day, share } from '../identifiers.ts';

export const LAND_PURPOSES = ['agricultural', 'residential', 'public', 'industrial', 'commercial', 'energy', 'transport', 'forest', 'water', 'special', 'other'] as const;
export const STRUCTURE_PURPOSES = ['residential', 'public', 'industrial', 'commercial', 'agricultural', 'other'] as const;
export const STRUCTURE_KINDS = ['building', 'apartment'] as const;
export const OWNER_TYPES = ['resident', 'organization', 'community', 'other'] as const;
export const TENURES = ['shared', 'joint'] as const;
/** Rows in the owner-set form. */
export const OWNER_ROWS = 6;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional positive row id from a select ("" = none). */
export const optionalId = z.preprocess(blank, z.coerce.number({ error: 'field.invalid' }).int().positive().optional()).transform((v) => v ?? null);

/** Whole dram, 0 or more; empty = unknown. */
export const optionalAmd = z
  .preprocess((v) => (typeof v === 'string' ? blank(v.replace(/[\s\u00a0]/g, '')) : v), z.coerce.number({ error: 'field.invalid' }).int('registry.property.error.amd').min(0, 'registry.property.error.amd').max(1e13).optional())
  .transform((v) => v ?? null);

export const area = z.preprocess(
  (v) => (typeof v === 'string' ? (blank(v.replace(',', '.')) ?? '') : v),
  z.coerce.number({ error: 'field.required' }).refine((n) => Number.isFinite(n) && n > 0, 'registry.property.error.area').refine((n) => n < 1e10, 'field.invalid'),
);

const coordinate = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? blank(v.replace(',', '.')) : v), z.coerce.number({ error: 'field.invalid' }).min(min, 'field.invalid').max(max, 'field.invalid').optional()).transform((v) => v ?? null);

const coordinates = { lat: coordinate(-90, 90), lon: coordinate(-180, 180) };

function bothOrNeither(v: { lat: number | null; lon: number | null }, ctx: z.RefinementCtx) {
  if ((v.lat === null) !== (v.lon === null)) ctx.addIssue({ code: 'custom', path: [v.lat === null ? 'lat' : 'lon'], message: 'registry.property.error.coordinates' });
}

export const parcelForm = z
  .object({
    cadastral_code: z.string({ error: 'field.required' }).pipe(cadastralCode),
    settlement_id: optionalId,
    address_id: optionalId,
    area_m2: area,
    purpose: z.enum(LAND_PURPOSES, { error: 'field.required' }),
    inside_settlement: z.enum(['1', '0'], { error: 'field.required' }).transform((v) => Number(v)),
    cadastral_value: optionalAmd,
    net_income: optionalAmd,
    ...coordinates,
  })
  .superRefine((v, ctx) => {
    if (v.net_income !== null && v.purpose !== 'agricultural') ctx.addIssue({ code: 'custom', path: ['net_income'], message: 'registry.property.error.netIncome' });
    bothOrNeither(v, ctx);
  });
export type ParcelInput = z.infer<typeof parcelForm>;

export const structureForm = z
  .object({
    kind: z.enum(STRUCTURE_KINDS, { error: 'field.required' }),
    cadastral_code: z.string({ error: 'field.required' }).pipe(cadastralCode),
    /** The land parcel it stands on, by cadastral code. */
    parcel_code: z.preprocess(blank, cadastralCode.optional()).transform((v) => v ?? null),
    address_id: optionalId,
    /** An apartment's number at the address (address_units). */
    unit: z.preprocess(blank, z.string().trim().max(20, 'field.tooLong').optional()).transform((v) => v ?? null),
    area_m2: area,
    purpose: z.enum(STRUCTURE_PURPOSES, { error: 'field.required' }),
    cadastral_value: optionalAmd,
    market_value: optionalAmd,
    ...coordinates,
  })
  .superRefine((v, ctx) => {
    if (v.unit !== null && v.address_id === null) ctx.addIssue({ code: 'custom', path: ['address_id'], message: 'registry.property.error.unitNeedsAddress' });
    bothOrNeither(v, ctx);
  });
export type StructureInput = z.infer<typeof structureForm>;

/** "1/2" → {num: 1, den: 2}; the range rule (0 < share ≤ 1) is identifiers.ts `share`. */
export function parseShare(text: string): { num: number; den: number } | null {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text) ?? /^\s*(1)\s*$/.exec(text);
  if (!m) return null;
  return { num: Number(m[1]), den: m[2] === undefined ? 1 : Number(m[2]) };
}

export interface OwnerRowInput {
  owner_type: (typeof OWNER_TYPES)[number];
  /** PSN for a resident, tax ID for an organization, a name for "other"; empty for the community. */
  ref: string;
  num: number;
  den: number;
  /** Default shared. */
  tenure?: (typeof TENURES)[number];
}

export interface OwnerSetInput {
  valid_from: string;
  owners: OwnerRowInput[];
}

/** The owner-set form: rows owner_type_i / owner_ref_i / share_i, plus one valid_from day. */
function buildOwnerSetForm(): z.ZodType<OwnerSetInput> {
  const row = (i: number) => ({
    [`owner_type_${i}`]: z.preprocess(blank, z.enum(OWNER_TYPES, { error: 'field.invalid' }).optional()),
    [`owner_ref_${i}`]: z.preprocess(blank, z.string().trim().max(200, 'field.tooLong').optional()),
    [`share_${i}`]: z.preprocess(blank, z.string().max(20).optional()),
    [`tenure_${i}`]: z.preprocess(blank, z.enum(TENURES, { error: 'field.invalid' }).optional()),
  });
  const shape: Record<string, z.ZodType> = { valid_from: z.string({ error: 'field.required' }).pipe(day) };
  for (let i = 0; i < OWNER_ROWS; i++) Object.assign(shape, row(i));
  return z.object(shape).transform((v, ctx) => {
    const owners: OwnerRowInput[] = [];
    let problems = 0;
    const issue = (path: string, message: string) => {
      problems++;
      ctx.addIssue({ code: 'custom', path: [path], message });
    };
    for (let i = 0; i < OWNER_ROWS; i++) {
      const type = v[`owner_type_${i}`] as OwnerRowInput['owner_type'] | undefined;
      const ref = (v[`owner_ref_${i}`] as string | undefined) ?? '';
      const shareText = v[`share_${i}`] as string | undefined;
      if (!type && !ref && !shareText) continue;
      if (!type) {
        issue(`owner_type_${i}`, 'field.required');
        continue;
      }
      if (type !== 'community' && !ref) issue(`owner_ref_${i}`, 'field.required');
      const s = shareText ? parseShare(shareText) : null;
      if (!s || !share.safeParse(s).success) {
        issue(`share_${i}`, 'registry.error.share');
        continue;
      }
      owners.push({ owner_type: type, ref, ...s, tenure: (v[`tenure_${i}`] as OwnerRowInput['tenure']) ?? 'shared' });
    }
    if (owners.length === 0 && problems === 0) issue('owner_type_0', 'registry.property.error.noOwners');
    return { valid_from: v.valid_from as string, owners };
  }) as unknown as z.ZodType<OwnerSetInput>;
}

export const ownerSetForm = buildOwnerSetForm();

const listFilter = {
  settlement: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
};

export const parcelListQuery = z.object({
  ...listFilter,
  purpose: z.enum(LAND_PURPOSES).optional(),
  inside: z.enum(['1', '0']).optional(),
  done: z.string().max(20).optional(),
});
export type ParcelListQuery = z.infer<typeof parcelListQuery>;

export const structureListQuery = z.object({
  ...listFilter,
  kind: z.enum(STRUCTURE_KINDS).optional(),
  done: z.string().max(20).optional(),
});
export type StructureListQuery = z.infer<typeof structureListQuery>;

export const doneQuery = z.object({ done: z.string().max(20).optional() });
export const parcelParams = z.object({ slug: z.string(), parcelId: z.coerce.number().int().positive() });
export const structureParams = z.object({ slug: z.string(), structureId: z.coerce.number().int().positive() });
