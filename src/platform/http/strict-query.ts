// A GET answers only the query it understands. A filter the route does not know (a typo,
// a link from an older version) or a value out of range is refused with 400 and a
// translated message naming the parameter, instead of being dropped silently so that the
// reader believes a list is filtered when it is not. Applied to every GET route as it is
// registered (app.ts): an object schema becomes strict, and a route with none takes no
// query at all.
import { z } from 'zod';

const NO_QUERY = z.object({}).strict();

export function strictQuery(schema: z.ZodType | undefined): z.ZodType {
  if (!schema) return NO_QUERY;
  if (schema instanceof z.ZodObject) return schema.strict();
  return schema;
}

/**
 * A query whose values the handler checks itself (to re-render its form with errors), but
 * whose parameters are still a closed set: each named key is an optional string.
 */
export function queryKeys<K extends string>(keys: readonly K[]) {
  return z.object(Object.fromEntries(keys.map((k) => [k, z.string().optional()])) as Record<K, z.ZodOptional<z.ZodString>>);
}

/**
 * A GET form sends every field, the empty ones as `name=`: an empty filter is no filter.
 * Removed before validation, so `settlement_id=` is not "a number that is not one".
 */
export function dropBlankQuery(req: { method: string; query: unknown }): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  const query = req.query as Record<string, unknown> | null;
  if (!query || typeof query !== 'object') return;
  for (const [key, value] of Object.entries(query)) {
    if (value === '' || (Array.isArray(value) && value.every((v) => v === ''))) delete query[key];
  }
}
