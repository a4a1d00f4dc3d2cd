// Small helpers shared by the property, organization, asset and map routes.
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, type FieldErrors } from '../../platform/http/errors.ts';
import type { SettlementScope } from './property/property.queries.ts';

/** The settlements the actor is limited to (a settlement head), or null for the whole community. */
export function scopeOf(ctx: Ctx): SettlementScope {
  return ctx.actor?.settlementIds ?? null;
}

export function can(ctx: Ctx, permission: string): boolean {
  return ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has(permission);
}

/** The field errors of a refused change, to show on the form; anything else propagates. */
export function fieldErrorsOf(err: unknown): FieldErrors {
  if (err instanceof AppError && (err.status === 400 || err.status === 409) && Object.keys(err.fields).length > 0) return err.fields;
  throw err;
}

/** The posted strings, to put back into a form that came back with errors. */
export function valuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  }
  return out;
}

/** A row as form values: numbers and strings as text, null as empty. */
export function rowValues(row: object, keys: string[]): Record<string, string> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k] === null || r[k] === undefined ? '' : String(r[k])]));
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
