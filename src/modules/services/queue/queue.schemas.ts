// Inputs of the queue: the kiosk's ticket form, the windows forms, the statistics filter
// and the path parameters. Forms are parsed in the handlers (parseForm) so that a bad
// value re-renders the page with field errors.
import { z } from 'zod';
import { parseDay } from '../../registry/index.ts';
import { SERVICE_GROUPS, parseOfficeKey } from './queue.groups.ts';

const officeField = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, 'field.required')
  .max(12, 'queue.error.office')
  .refine((v) => parseOfficeKey(v) !== undefined, 'queue.error.office');

/** The kiosk's form: one submit button per group carries `group`. */
export const ticketForm = z.object({
  office: officeField,
  group: z.enum(SERVICE_GROUPS, { error: 'queue.error.group' }),
});
export type TicketInput = z.infer<typeof ticketForm>;

/** Checkboxes: absent → [], one → "x", several → ["x", "y"]; repeated values count once. */
const groupsField = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]),
  z.array(z.enum(SERVICE_GROUPS, { error: 'queue.error.group' })).min(1, 'queue.error.groupsRequired').max(SERVICE_GROUPS.length),
);

/** A checkbox: present ("1") or absent. */
const checkbox = z.preprocess((v) => (v === undefined ? '0' : v), z.enum(['0', '1'], { error: 'field.invalid' })).transform(Number);

export const windowCreateForm = z.object({
  office: officeField,
  label: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(10, 'field.tooLong'),
  groups: groupsField,
});
export type WindowCreateInput = z.infer<typeof windowCreateForm>;

export const windowUpdateForm = z.object({
  groups: groupsField,
  active: checkbox,
});
export type WindowUpdateInput = z.infer<typeof windowUpdateForm>;

/** ?office= on the kiosk and the display: parsed by the handler (an unknown office is a 400 page). */
export const officeQuery = z.object({
  office: z.string().max(12).optional(),
});

/** A day as YYYY-MM-DD that exists in the calendar. */
export const dayString = z.string().max(10).refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDay(v) === v, 'queue.error.day');

export const statsQuery = z.object({
  day: dayString.optional(),
  office: z.string().max(12).refine((v) => v === '' || parseOfficeKey(v) !== undefined, 'queue.error.office').optional(),
});
export type StatsQuery = z.infer<typeof statsQuery>;

/** ?done= after an action, to show what happened; anything else is ignored. */
export const doneQuery = z.object({
  done: z.enum(['called', 'served', 'done', 'no_show', 'recalled', 'empty', 'saved', 'created']).optional(),
});

/** A row id: a positive integer that fits the column (a longer one would be a database error, not a 404). */
const rowId = z.coerce.number().int().positive().max(2_147_483_647);
export const windowParams = z.object({ slug: z.string(), windowId: rowId });
export const ticketParams = z.object({ slug: z.string(), ticketId: rowId });
export const TICKET_ACTIONS = ['serve', 'done', 'no-show', 'recall'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];
