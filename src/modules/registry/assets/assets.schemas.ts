// Inputs of community assets and their leases.
import { z } from 'zod';
import { cadastralCode, day } from '../identifiers.ts';
import { optionalAmd, optionalId } from '../property/property.schemas.ts';

export const ASSET_KINDS = ['land', 'building', 'premises', 'equipment', 'vehicle', 'other'] as const;
export const LEASE_STATUSES = ['draft', 'active', 'ended', 'terminated'] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];
export const TENANT_TYPES = ['resident', 'organization', 'other'] as const;

/** Which status changes are allowed: draft → active → ended / terminated. */
export const LEASE_TRANSITIONS: Record<LeaseStatus, LeaseStatus[]> = {
  draft: ['active', 'terminated'],
  active: ['ended', 'terminated'],
  ended: [],
  terminated: [],
};

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const assetForm = z.object({
  name: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(300, 'field.tooLong'),
  kind: z.enum(ASSET_KINDS, { error: 'field.required' }),
  parcel_code: z.preprocess(blank, cadastralCode.optional()).transform((v) => v ?? null),
  structure_code: z.preprocess(blank, cadastralCode.optional()).transform((v) => v ?? null),
  address_id: optionalId,
  book_value: optionalAmd,
  acquired_on: z.preprocess(blank, day.optional()).transform((v) => v ?? null),
  notes: z.preprocess(blank, z.string().trim().max(2000, 'field.tooLong').optional()).transform((v) => v ?? null),
});
export type AssetInput = z.infer<typeof assetForm>;

export const leaseForm = z
  .object({
    tenant_type: z.enum(TENANT_TYPES, { error: 'field.required' }),
    tenant_ref: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(300, 'field.tooLong'),
    starts_on: z.string({ error: 'field.required' }).pipe(day),
    ends_on: z.string({ error: 'field.required' }).pipe(day),
    rent: z.preprocess(
      (v) => (typeof v === 'string' ? (blank(v.replace(/[\s\u00a0]/g, '')) ?? '') : v),
      z.coerce.number({ error: 'field.required' }).int('registry.asset.error.rent').positive('registry.asset.error.rent').max(1e12, 'field.invalid'),
    ),
    rent_period: z.enum(['month', 'year'], { error: 'field.required' }),
    status: z.enum(['draft', 'active'], { error: 'field.required' }),
  })
  .refine((v) => v.ends_on > v.starts_on, { path: ['ends_on'], message: 'registry.asset.error.endBeforeStart' });
export type LeaseInput = z.infer<typeof leaseForm>;

export const leaseStatusForm = z.object({ status: z.enum(LEASE_STATUSES, { error: 'field.required' }) });

export const assetListQuery = z.object({
  kind: z.enum(ASSET_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  done: z.string().max(20).optional(),
});
export type AssetListQuery = z.infer<typeof assetListQuery>;

export const assetParams = z.object({ slug: z.string(), assetId: z.coerce.number().int().positive() });
export const leaseParams = assetParams.extend({ leaseId: z.coerce.number().int().positive() });
