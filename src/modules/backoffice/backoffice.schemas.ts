// Inputs of the staff & roles forms.
import { z } from 'zod';
import { COMMUNITY_ROLES } from '../../platform/policy/roles.ts';

const roleFields = {
  role: z.enum(COMMUNITY_ROLES, { error: 'field.required' }),
  settlement_id: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0), 'field.invalid'),
};

/** A settlement head answers for one settlement; every other role is community-wide. */
function settlementRule(v: { role: string; settlement_id: number | null }, ctx: z.RefinementCtx) {
  if (v.role === 'settlement_head' && v.settlement_id === null) {
    ctx.addIssue({ code: 'custom', path: ['settlement_id'], message: 'backoffice.error.settlementRequired' });
  }
}

export const grantRoleForm = z.object(roleFields).superRefine(settlementRule);

export const addStaffForm = z
  .object({
    email: z
      .string({ error: 'field.required' })
      .trim()
      .toLowerCase()
      .min(1, 'field.required')
      .max(254, 'field.tooLong')
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'field.invalid'),
    full_name: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(200, 'field.tooLong'),
    ...roleFields,
  })
  .superRefine(settlementRule);

export type GrantRoleInput = z.infer<typeof grantRoleForm>;
export type AddStaffInput = z.infer<typeof addStaffForm>;

export const staffParams = z.object({ slug: z.string() });
export const personParams = z.object({ slug: z.string(), userId: z.coerce.number().int().positive() });
export const assignmentParams = personParams.extend({ assignmentId: z.coerce.number().int().positive() });
