// One error handler for the whole app (ARCHITECTURE rule 5): API callers get
// { error: { code, message, fields } }, people get a page in their language,
// and a 5xx never shows internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { AppError, type FieldErrors } from './errors.ts';
import { issuesToFields } from './forms.ts';
import type { MessageKey } from '../i18n/index.ts';
import { sendPage } from '../ui/render.ts';
import { ErrorPage } from '../ui/error-page.tsx';
import { translator } from '../i18n/index.ts';

function toAppError(err: FastifyError | AppError | Error): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldErrors = {};
    for (const v of err.validation) {
      // A parameter the route does not take (strict GET queries): each named, with its own message.
      if (v.keyword === 'unrecognized_keys') {
        for (const key of (v.params as { keys?: unknown[] } | undefined)?.keys ?? []) fields[String(key)] ??= 'error.query.unknown';
        continue;
      }
      // Params and querystring failures carry the zod issue; fall back to the JSON path when one does not.
      const issue = (v.params as { issue?: Parameters<typeof issuesToFields>[0][number] } | undefined)?.issue;
      const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const name = (issue?.path.map(String).join('.') || where || '_').trim();
      if (issue) Object.assign(fields, issuesToFields([{ ...issue, path: name.split('.') }]));
      // fastify-type-provider-zod passes the zod message (not the issue): keep it when it is a message key.
      else if (/^[a-z]+(\.[A-Za-z0-9_]+)+$/.test(v.message ?? '')) fields[name] ??= v.message as MessageKey;
      else fields[name] ??= 'field.invalid';
    }
    return new AppError(400, 'validation', 'error.validation', fields);
  }
  const fe = err as FastifyError;
  const status = fe.statusCode ?? 500;
  if (status === 429) return new AppError(429, 'rate_limited', 'error.rateLimited');
  if (status === 413) return new AppError(413, 'too_large', 'error.tooLarge');
  if (status === 404) return new AppError(404, 'not_found', 'error.notFound');
  if (status === 415) return new AppError(415, 'unsupported_media_type', 'error.badRequest');
  if (status >= 400 && status < 500) return new AppError(status, 'bad_request', 'error.badRequest');
  return new AppError(500, 'internal', 'error.internal');
}

export function wantsJson(req: FastifyRequest): boolean {
  const kind = req.routeOptions.config?.kind;
  if (kind === 'api') return true;
  if (kind === 'page' || kind === 'form') return false;
  return req.url.startsWith('/api/') || (req.headers.accept ?? '').includes('application/json');
}

export function sendError(req: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  const t = req.ctx?.t ?? translator();
  const message = t(appError.messageKey);
  if (wantsJson(req)) {
    const fields: Record<string, string> = {};
    for (const [k, key] of Object.entries(appError.fields)) fields[k] = t(key as MessageKey);
    return reply.code(appError.status).send({ error: { code: appError.code, message, fields } });
  }
  if (appError.status === 401 && req.method === 'GET') {
    return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
  }
  const [path, search] = req.url.split('?');
  const withoutQuery = appError.status === 400 && req.method === 'GET' && search ? path : undefined;
  return sendPage(reply, h(ErrorPage, { ctx: req.ctx, status: appError.status, message, fields: appError.fields, ...(withoutQuery ? { withoutQuery } : {}) }), appError.status);
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(err);
  if (appError.status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: appError.code, status: appError.status }, 'request refused');
  return sendError(req, reply, appError);
}
