// Small helpers of the duties routes: what the actor may do, and a refused change's field
// errors back on its form (the limit error names the limit and the law).
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError, type FieldErrors } from '../../../platform/http/errors.ts';
import { formatAmd } from '../../../platform/i18n/index.ts';
import type { FormState } from '../../../platform/ui/components.tsx';
import { RateAboveLimit } from './duties.rates.ts';

export function can(ctx: Ctx, permission: string): boolean {
  return ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has(permission);
}

/** The posted strings, to put back into a form that came back with errors. */
export function postedValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  }
  return out;
}

/** A form's state after a refused change; anything but a 400/409 with field errors propagates. */
export function refusedForm(ctx: Ctx, err: unknown, values: Record<string, string>): FormState {
  if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409) || Object.keys(err.fields).length === 0) throw err;
  const errors: FieldErrors = err.fields;
  if (err instanceof RateAboveLimit) {
    const named = ctx.t('finance.duties.error.aboveLimitOf', { limit: formatAmd(err.limit), law: err.legalRef });
    return { t: (key, params) => (key === 'finance.duties.error.aboveLimit' ? named : ctx.t(key, params)), errors, values };
  }
  return { t: ctx.t, errors, values };
}
