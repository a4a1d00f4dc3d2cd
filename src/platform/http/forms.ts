// HTML forms are parsed in the handler (not by Fastify's schema) so that a bad value
// re-renders the same form with an error summary instead of an error page.
import type { z } from 'zod';
import type { FieldErrors } from './errors.ts';
import type { MessageKey } from '../i18n/index.ts';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Maps zod issues to message keys: a custom issue message that is a MessageKey wins. */
export function issuesToFields(issues: z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const name = issue.path.join('.') || '_form';
    if (fields[name]) continue;
    if (issue.message.includes('.') && !issue.message.includes(' ')) fields[name] = issue.message as MessageKey;
    else if (issue.code === 'too_big') fields[name] = 'field.tooLong';
    else if (issue.code === 'too_small' || (issue.code === 'invalid_type' && issue.input === undefined)) fields[name] = 'field.required';
    else fields[name] = 'field.invalid';
  }
  return fields;
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === 'string' && k !== '_csrf' && !/password|code/i.test(k)) values[k] = v;
    }
  }
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: issuesToFields(parsed.error.issues), values };
}
