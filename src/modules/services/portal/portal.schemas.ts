// Inputs of the citizen portal. The service's own form fields are not here: they are data
// (spec.fields) and are checked by the engine's checkForm; their inputs are named f_<key>
// so they never collide with the portal's own fields (version, step, …).
import { z } from 'zod';
import { publicServiceNumber, taxId } from '../../registry/index.ts';

const rowId = z.coerce.number().int().positive().max(2 ** 31 - 1);

export const serviceParams = z.object({ slug: z.string(), serviceId: rowId });
export const caseParams = z.object({ slug: z.string(), caseId: rowId });
export const caseDocumentParams = caseParams.extend({ documentId: rowId });
export const caseAttachmentParams = caseParams.extend({ attachmentId: rowId });

/** The steps of the guided form; the first happens before the draft exists. */
export const STEPS = ['applicant', 'details', 'documents', 'review'] as const;
export type Step = (typeof STEPS)[number];
export const EDIT_STEPS = ['details', 'documents', 'review'] as const;

export const editQuery = z.object({
  step: z.enum(STEPS).optional(),
  done: z.string().max(20).optional(),
});
export const doneQuery = z.object({ done: z.string().max(20).optional() });

/** Input name of a service field. */
export const fieldInput = (key: string) => `f_${key}`;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const text = (max: number) => z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(max, 'field.tooLong');

/** Step 1: who applies. A person's verified PSN comes from the account, not from this form. */
export const applyForm = z
  .object({
    applicant_kind: z.enum(['person', 'organization'], { error: 'field.required' }),
    name: text(300),
    psn: optional(publicServiceNumber),
    tax_id: optional(taxId),
    org_name: optional(z.string().trim().max(300, 'field.tooLong')),
    email: optional(z.string().trim().max(254, 'field.tooLong').regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'services.form.error.email')),
    phone: optional(z.string().trim().max(20, 'field.tooLong').regex(/^\+?[0-9 ()-]{6,20}$/, 'services.form.error.phone')),
  })
  .superRefine((v, ctx) => {
    if (v.applicant_kind === 'person' && !v.psn) ctx.addIssue({ code: 'custom', path: ['psn'], message: 'field.required' });
    if (v.applicant_kind === 'organization') {
      if (!v.tax_id) ctx.addIssue({ code: 'custom', path: ['tax_id'], message: 'field.required' });
      if (!v.org_name) ctx.addIssue({ code: 'custom', path: ['org_name'], message: 'field.required' });
    }
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'services.portal.error.contact' });
  });
export type ApplyInput = z.infer<typeof applyForm>;

const version = z.coerce.number({ error: 'field.invalid' }).int('field.invalid').min(1, 'field.invalid').max(2 ** 31 - 1, 'field.invalid');

/** Saving a step of the draft; the field values are read by name (f_<key>). */
export const draftForm = z.object({
  version,
  step: z.enum(EDIT_STEPS, { error: 'field.invalid' }),
  go: z.enum(['save', 'continue'], { error: 'field.invalid' }).default('save'),
});

export const versionForm = z.object({ version });

export const respondForm = z.object({
  version,
  message: optional(z.string().trim().max(4000, 'services.form.error.tooLong')),
});

export const messageForm = z.object({ body: text(4000) });

export const withdrawForm = z.object({
  version,
  reason: optional(z.string().trim().max(4000, 'services.form.error.tooLong')),
});

export const ratingForm = z.object({
  rating: z.enum(['1', '2', '3', '4', '5'], { error: 'services.cases.error.rating' }).transform(Number),
  comment: z.preprocess((v) => v ?? '', z.string().trim().max(2000, 'services.form.error.tooLong')),
});

export const uploadForm = z.object({
  document_key: optional(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'field.invalid')),
  file: z.object({ filename: z.string(), data: z.instanceof(Buffer) }, { error: 'services.portal.error.fileRequired' })
    .refine((f) => f.data.length > 0, 'services.portal.error.fileRequired'),
});
