// Validating a service before it is saved: serviceSpec (spec.ts) plus the checks that
// need the whole spec (a fee computed from a field that exists and has the right type).
// Problems come back as a path and a message key, so the editor can show each one, in the
// reader's language, next to the control or the JSON it is about.
import type { z } from 'zod';
import { AppError } from '../../../platform/http/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { serviceSpec, type ServiceSpec } from './spec.ts';

export type IssuePath = (string | number)[];

export interface SpecIssue {
  path: IssuePath;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A refused save: a 400 that carries every problem found. */
export class InvalidSpec extends AppError {
  constructor(readonly issues: SpecIssue[]) {
    super(400, 'validation', 'error.validation', { spec: 'services.catalogue.error.spec' });
  }
}

/** "workflow.actions[3].from" — how the editor names a place in the JSON. */
export function formatPath(path: IssuePath): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}

/** zod's English messages become message keys; the custom messages of spec.ts are recognised by their wording. */
function describe(issue: z.core.$ZodIssue): Pick<SpecIssue, 'key' | 'params'> {
  const m = issue.message;
  const unknownState = /^unknown state (.*)$/.exec(m);
  if (unknownState) return { key: 'services.catalogue.issue.unknownState', params: { state: unknownState[1]! } };
  const needs = /needs a "(.+)" state/.exec(m);
  if (needs) return { key: 'services.catalogue.issue.requiredState', params: { state: needs[1]! } };
  if (m === 'state keys must be unique') return { key: 'services.catalogue.issue.duplicateStates' };
  if (m === 'action keys must be unique') return { key: 'services.catalogue.issue.duplicateActions' };
  if (m.startsWith('a key:')) return { key: 'services.catalogue.issue.key' };
  if (m.startsWith('an exact decimal')) return { key: 'services.catalogue.issue.decimal' };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? { key: 'services.catalogue.issue.missing' } : { key: 'services.catalogue.issue.type', params: { expected: String(issue.expected) } };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { key: 'services.catalogue.issue.missing' };
      if (issue.origin === 'array') return { key: 'services.catalogue.issue.atLeastOne', params: { minimum: String(issue.minimum) } };
      return { key: 'services.catalogue.issue.tooSmall', params: { minimum: String(issue.minimum) } };
    case 'too_big':
      return { key: 'services.catalogue.issue.tooBig', params: { maximum: String(issue.maximum) } };
    case 'invalid_value':
      return { key: 'services.catalogue.issue.oneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_union':
      return { key: 'services.catalogue.issue.kind' };
    default:
      return { key: 'services.catalogue.issue.invalid' };
  }
}

/** Fees name a field by key: it must exist and be a number (per unit) or a select (table). */
function feeIssues(spec: ServiceSpec): SpecIssue[] {
  const fee = spec.fee;
  if (fee.kind !== 'per_unit' && fee.kind !== 'table') return [];
  const field = spec.fields.find((f) => f.key === fee.field);
  const want = fee.kind === 'per_unit' ? 'number' : 'select';
  if (!field) return [{ path: ['fee', 'field'], key: 'services.catalogue.issue.feeField', params: { field: fee.field } }];
  if (field.type !== want) return [{ path: ['fee', 'field'], key: 'services.catalogue.issue.feeFieldType', params: { field: fee.field, type: want } }];
  return [];
}

export type SpecCheck = { ok: true; spec: ServiceSpec } | { ok: false; issues: SpecIssue[] };

export function checkSpec(input: unknown): SpecCheck {
  const parsed = serviceSpec.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), ...describe(i) })) };
  }
  const issues = feeIssues(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, spec: parsed.data };
}
