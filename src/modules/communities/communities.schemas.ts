import { z } from 'zod';
import { MARZES } from './marzes.ts';
import { RESERVED_SLUGS } from '../../platform/http/tenancy.ts';
import { readableOnWhiteText } from '../../platform/ui/contrast.ts';

const name = z.string().trim().min(1, 'field.required').max(120, 'field.tooLong');
// nullish, so that parsing an already parsed input (null for "none") gives the same result.
const optionalText = (max: number) => z.string().trim().max(max, 'field.tooLong').nullish().transform((v) => (v ? v : null));
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'communities.error.colour');

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{1,40}[a-z0-9]$/, 'communities.error.slug')
  .refine((s) => !RESERVED_SLUGS.has(s), 'communities.error.slugReserved');

export const settlementInput = z.object({
  name_hy: name,
  name_en: name,
  name_ru: name,
  kind: z.enum(['town', 'village'], { error: 'field.invalid' }),
  postcode: z.string().trim().regex(/^\d{4}$/, 'communities.error.postcode').optional().or(z.literal('').transform(() => undefined)),
});

export const communityInput = z.object({
  slug: slugSchema,
  marz_id: z.enum(MARZES.map((m) => m.id) as [string, ...string[]], { error: 'field.invalid' }),
  name_hy: name,
  name_en: name,
  name_ru: name,
  phone: optionalText(40),
  email: z.email('field.invalid').optional().or(z.literal('').transform(() => undefined)),
  address_hy: optionalText(300),
  address_en: optionalText(300),
  address_ru: optionalText(300),
  reception_hours_hy: optionalText(500),
  reception_hours_en: optionalText(500),
  reception_hours_ru: optionalText(500),
  // White header text sits on the primary colour, so it must be dark enough to read.
  color_primary: colour.refine(readableOnWhiteText, 'communities.error.contrast').default('#1d4f91'),
  color_accent: colour.default('#c8102e'),
  coat_of_arms_svg: z.string().max(100_000, 'field.tooLong').optional(),
  domains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'communities.error.domain')).max(5).default([]),
  settlements: z.array(settlementInput).min(1, 'communities.error.noSettlements').max(200),
});

export type CommunityInput = z.infer<typeof communityInput>;

/** What the community's own staff may change: contacts, reception hours and colours. */
export const communitySettingsInput = communityInput.pick({
  phone: true,
  email: true,
  address_hy: true,
  address_en: true,
  address_ru: true,
  reception_hours_hy: true,
  reception_hours_en: true,
  reception_hours_ru: true,
  color_primary: true,
  color_accent: true,
});
export type CommunitySettingsInput = z.input<typeof communitySettingsInput>;

export const communitySummary = z.object({
  slug: z.string(),
  name: z.object({ hy: z.string(), en: z.string(), ru: z.string() }),
  marz: z.string(),
  settlements: z.array(
    z.object({
      id: z.number(),
      name: z.object({ hy: z.string(), en: z.string(), ru: z.string() }),
      kind: z.enum(['town', 'village']),
      postcode: z.string().nullable(),
    }),
  ),
});
