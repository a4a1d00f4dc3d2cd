// What a service is, as data (ARCHITECTURE rule 9: configuration, not code). A community's
// IT administrator edits this through the catalogue pages; each save is a new immutable
// version, and a case keeps the version it started with. The engine (cases.service.ts)
// interprets the workflow; the portal and the desk render the form from `fields`.
import { z } from 'zod';
import { COMMUNITY_ROLES } from '../../../platform/policy/roles.ts';

/** Text in the three languages of the system; Armenian is required, the others fall back to it. */
export const localized = z.object({
  hy: z.string().trim().min(1).max(2000),
  en: z.string().trim().max(2000).default(''),
  ru: z.string().trim().max(2000).default(''),
});
export type Localized = z.infer<typeof localized>;

/** Picks the reader's language, falling back to Armenian. */
export function pick(text: Localized, locale: string): string {
  const v = (text as Record<string, string>)[locale];
  return v && v.trim() ? v : text.hy;
}

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a key: lower-case letters, digits and _');

export const FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'checkbox', 'psn', 'tax_id', 'cadastral_code', 'email', 'phone'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const fieldSpec = z.object({
  key,
  label: localized,
  help: localized.optional(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  /** For select: the allowed values and their labels. */
  options: z.array(z.object({ value: z.string().min(1).max(60), label: localized })).max(50).optional(),
  /** For number: inclusive bounds. For text/textarea: maxLength bounds length. */
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().max(10000).optional(),
});
export type FieldSpec = z.infer<typeof fieldSpec>;

export const DOCUMENT_TYPES = ['pdf', 'jpeg', 'png'] as const;

export const documentSpec = z.object({
  key,
  label: localized,
  required: z.boolean().default(true),
  /** Accepted kinds, checked by sniffing the bytes, not by the file name. */
  types: z.array(z.enum(DOCUMENT_TYPES)).min(1).default(['pdf', 'jpeg', 'png']),
  maxMb: z.number().positive().max(20).default(10),
});
export type DocumentSpec = z.infer<typeof documentSpec>;

/** Integer AMD (rule 7). `rate` of per_unit is an exact decimal string ("150" or "12.5"). */
export const feeSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('fixed'), amount: z.number().int().min(0) }),
  /** The fee depends on a select field's value; `default` when the value is not in the table. */
  z.object({
    kind: z.literal('table'),
    field: key,
    rows: z.array(z.object({ value: z.string().min(1), amount: z.number().int().min(0) })).min(1).max(50),
    default: z.number().int().min(0).default(0),
  }),
  /** base + rate × a number field (e.g. floor area in m²), rounded half up to a dram, at least `min`. */
  z.object({
    kind: z.literal('per_unit'),
    field: key,
    rate: z.string().regex(/^\d{1,9}(\.\d{1,4})?$/, 'an exact decimal such as 150 or 12.5'),
    base: z.number().int().min(0).default(0),
    min: z.number().int().min(0).default(0),
  }),
]);
export type FeeSpec = z.infer<typeof feeSpec>;

export const deadlineSpec = z.object({
  days: z.number().int().min(1).max(365),
  unit: z.enum(['working', 'calendar']),
});
export type DeadlineSpec = z.infer<typeof deadlineSpec>;

/**
 * What each action does is fixed by its kind (the engine knows it); which states it
 * leads from and to, and who may take it, is data. `applicant` is the person who applied.
 */
export const ACTION_KINDS = ['submit', 'register', 'assign', 'request_info', 'resume', 'move', 'approve', 'reject', 'deliver', 'withdraw'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTOR_ROLES = [...COMMUNITY_ROLES, 'applicant'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const stateSpec = z.object({
  key,
  label: localized,
  /** Working days a case may stay in this state before it counts as late here; none: no limit. */
  days: z.number().int().min(1).max(365).optional(),
  /** The applicant sees this label; internal states can show a broader one. */
  publicLabel: localized.optional(),
  final: z.boolean().default(false),
});
export type StateSpec = z.infer<typeof stateSpec>;

export const actionSpec = z.object({
  key,
  kind: z.enum(ACTION_KINDS),
  label: localized,
  from: z.array(key).min(1),
  to: key,
  roles: z.array(z.enum(ACTOR_ROLES)).min(1),
});
export type ActionSpec = z.infer<typeof actionSpec>;

export const workflowSpec = z
  .object({ states: z.array(stateSpec).min(2).max(30), actions: z.array(actionSpec).min(1).max(60) })
  .superRefine((w, ctx) => {
    const states = new Set(w.states.map((s) => s.key));
    if (states.size !== w.states.length) ctx.addIssue({ code: 'custom', message: 'state keys must be unique', path: ['states'] });
    const actions = new Set(w.actions.map((a) => a.key));
    if (actions.size !== w.actions.length) ctx.addIssue({ code: 'custom', message: 'action keys must be unique', path: ['actions'] });
    for (const [i, a] of w.actions.entries()) {
      for (const s of [...a.from, a.to]) {
        if (!states.has(s)) ctx.addIssue({ code: 'custom', message: `unknown state ${s}`, path: ['actions', i] });
      }
    }
    for (const required of ['draft', 'submitted']) {
      if (!states.has(required)) ctx.addIssue({ code: 'custom', message: `the workflow needs a "${required}" state`, path: ['states'] });
    }
  });
export type WorkflowSpec = z.infer<typeof workflowSpec>;

/** Output templates the PDF renderer knows (platform/pdf + services/documents). */
export const OUTPUT_TEMPLATES = ['none', 'residence_certificate', 'household_certificate', 'permit', 'decision_letter'] as const;
export type OutputTemplate = (typeof OUTPUT_TEMPLATES)[number];

export const SERVICE_GROUPS = ['certificates', 'permits', 'land', 'social', 'notary', 'reception', 'requests'] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];

export const serviceSpec = z.object({
  name: localized,
  description: localized,
  group: z.enum(SERVICE_GROUPS),
  applicants: z.array(z.enum(['person', 'organization'])).min(1),
  channels: z.enum(['online', 'office', 'both']),
  fields: z.array(fieldSpec).max(40),
  documents: z.array(documentSpec).max(20),
  fee: feeSpec,
  deadline: deadlineSpec,
  workflow: workflowSpec,
  output: z.object({
    template: z.enum(OUTPUT_TEMPLATES),
    /** Title printed on the document (defaults to the service name). */
    title: localized.optional(),
    /** Body text for permit and decision templates; {field_key} is replaced by form values. */
    body: localized.optional(),
  }),
});
export type ServiceSpec = z.infer<typeof serviceSpec>;

/** Parses a stored version (trusted: it was validated when saved). */
export function parseStoredSpec(json: string): ServiceSpec {
  return serviceSpec.parse(JSON.parse(json));
}
