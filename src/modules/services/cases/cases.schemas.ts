// Inputs of the staff case pages (inbox, case page, workflow actions, notes, fee, upload)
// and of the front desk. Query strings are forgiving (a bad filter is dropped, not an
// error page); posted forms are checked and come back with field errors.
import { z } from 'zod';
import { publicServiceNumber, taxId } from '../../registry/index.ts';
import { stripControls } from '../../../platform/http/controls.ts';

export const INBOX_VIEWS = ['mine', 'unassigned', 'open', 'overdue', 'at_risk', 'submitted', 'closed', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const INBOX_PAGE_SIZE = 25;

const clean = (v: unknown) => (typeof v === 'string' ? stripControls(v) : v);
const blank = (v: unknown) => {
  const c = clean(v);
  return typeof c === 'string' && c.trim() === '' ? undefined : c;
};
const optionalId = z.preprocess(blank, z.coerce.number().int().positive().max(2 ** 31 - 1).optional());
const stateKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const inboxQuery = z.object({
  view: z.enum(INBOX_VIEWS).optional(),
  service: optionalId,
  state: z.preprocess(blank, stateKey.optional()),
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export interface InboxFilters {
  view: InboxView;
  serviceId?: number | undefined;
  state?: string | undefined;
  q?: string | undefined;
  page: number;
  /** Whose "mine" view (the signed-in staff member). */
  userId: number | null;
}

export const caseParams = z.object({ slug: z.string(), caseId: z.coerce.number().int().positive().max(2 ** 31 - 1) });
export const attachmentParams = caseParams.extend({ attachmentId: z.coerce.number().int().positive().max(2 ** 31 - 1) });

export const casePageQuery = z.object({ done: stateKey.optional() });

/** Many checkboxes of one name arrive as an array, one as a string, none as nothing. */
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(stateKey).max(60));
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max, 'services.form.error.tooLong').optional());

/**
 * A workflow action posted from the case page. Each action's form prefixes its own inputs
 * with the action key ("reject-reason") so several forms on one page never share an id;
 * the route reads them back through actionInputs().
 */
export const actForm = z.object({
  action: stateKey,
  version: z.coerce.number().int().positive().max(2 ** 31 - 1),
});

export const actionInputs = z.object({
  assignee: optionalId,
  department: text(200),
  reason: text(4000),
  message: text(4000),
  fields: list,
  documents: list,
});
export type ActionInputs = z.infer<typeof actionInputs>;

/** The inputs of action `key` in a posted body: "reject-reason" → reason. */
export function inputsOf(body: unknown, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!body || typeof body !== 'object') return out;
  const prefix = `${key}-`;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

export const noteForm = z.object({
  body: z.preprocess(clean, z.string({ error: 'services.form.error.required' }).trim().min(1, 'services.form.error.required').max(4000, 'services.form.error.tooLong')),
  to_applicant: z.preprocess((v) => (v === undefined ? '0' : v), z.enum(['0', '1'])).transform((v) => v === '1'),
});

export const feeForm = z.object({
  status: z.enum(['paid', 'waived'], { error: 'services.casePage.fee.choose' }),
  version: z.coerce.number().int().positive().max(2 ** 31 - 1),
});

export const uploadForm = z.object({
  document_key: z.preprocess(blank, stateKey.optional()),
  file: z.object({ filename: z.string().max(1000), data: z.instanceof(Buffer) }, 'services.casePage.upload.fileRequired')
    .refine((f) => f.data.length > 0, 'services.casePage.upload.fileRequired'),
});

// ---- The front desk ----

export const deskQuery = z.object({
  ticket: optionalId,
});

/** Step one (a GET form): the service, and the applicant's PSN or tax ID to look up. */
export const deskNewQuery = z.object({
  service: z.preprocess(blank, z.coerce.number({ error: 'services.desk.error.service' }).int().positive().max(2 ** 31 - 1)),
  psn: z.preprocess(blank, publicServiceNumber.optional()),
  tax_id: z.preprocess(blank, taxId.optional()),
  ticket: optionalId,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** The applicant part of the desk form; the service's own fields are checked by checkForm. */
export const deskForm = z
  .object({
    service: z.coerce.number({ error: 'services.desk.error.service' }).int().positive().max(2 ** 31 - 1),
    ticket: optionalId,
    applicant_kind: z.enum(['person', 'organization'], { error: 'services.form.error.option' }),
    applicant_name: z.preprocess(clean, z.string({ error: 'services.form.error.required' }).trim().min(1, 'services.form.error.required').max(300, 'services.form.error.tooLong')),
    applicant_psn: z.preprocess(blank, publicServiceNumber.optional()),
    applicant_tax_id: z.preprocess(blank, taxId.optional()),
    applicant_email: z.preprocess(blank, z.string().trim().max(254, 'services.form.error.tooLong').regex(EMAIL, 'services.form.error.email').optional()),
    // Stored as the engine stores phone fields: digits and a leading +.
    applicant_phone: z.preprocess(blank, z.string().trim().max(20, 'services.form.error.tooLong').regex(PHONE, 'services.form.error.phone').optional()).transform((v) => v?.replace(/[ ()-]/g, '')),
    applicant_locale: z.enum(['hy', 'en', 'ru'], { error: 'services.form.error.option' }),
  })
  .superRefine((v, ctx) => {
    if (v.applicant_kind === 'organization' && !v.applicant_tax_id) ctx.addIssue({ code: 'custom', path: ['applicant_tax_id'], message: 'services.form.error.required' });
  });
export type DeskInput = z.infer<typeof deskForm>;

/** Service fields on the desk form are named f_<key>, apart from the applicant's inputs. */
export const FIELD_PREFIX = 'f_';

// ---- The JSON API ----

export const apiInboxQuery = inboxQuery;

export const apiCase = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  serviceId: z.number().int(),
  service: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  applicantName: z.string(),
  assigneeUserId: z.number().int().nullable(),
  assignee: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  atRisk: z.boolean(),
  paused: z.boolean(),
  updatedAt: z.string(),
});

export const apiInbox = z.object({
  view: z.enum(INBOX_VIEWS),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  counts: z.record(z.enum(INBOX_VIEWS), z.number().int()),
  items: z.array(apiCase),
});
