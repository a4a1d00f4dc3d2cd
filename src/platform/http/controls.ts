// Control characters never reach a handler. A form, a JSON body, a query string or a path
// parameter may carry NUL and the like (typed by nobody, sent by a script or a broken
// client): PostgreSQL refuses NUL in text outright (a 500) and SQLite stores it, so one
// hook strips them from every request before validation, on every route, and the few
// other ways text gets in (imports, service forms checked by the engine) use the same
// function. Tabs and line breaks stay: the platform cannot tell a one-line field from a
// multi-line one, and a browser never puts a line break in a one-line field anyway.
import type { FastifyRequest } from 'fastify';

/** NUL, the other C0 controls except tab, line feed and carriage return, DEL and the C1 controls. */
const CONTROLS = /[^\P{Cc}\t\n\r]/gu;

/** `text` without control characters (tabs and line breaks kept). */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** Strips control characters from every string in a parsed body or query, keys too; files (Buffers) are left alone. */
export function stripControlsDeep(value: unknown): unknown {
  if (typeof value === 'string') return stripControls(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = stripControlsDeep(value[i]);
    return value;
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Uint8Array) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const clean = stripControls(key);
    const v = stripControlsDeep(record[key]);
    if (clean !== key) delete record[key];
    record[clean] = v;
  }
  return value;
}

/** The preValidation hook of every route: body, query string and path parameters, before anything reads them. */
export function stripRequestControls(req: FastifyRequest): void {
  req.body = stripControlsDeep(req.body);
  req.query = stripControlsDeep(req.query);
  req.params = stripControlsDeep(req.params);
}
