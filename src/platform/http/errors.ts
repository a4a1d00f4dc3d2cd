// Errors that reach people. Each has a stable code (for API clients) and an i18n key
// (for the message); field errors map a field name to a message key.
import type { MessageKey } from '../i18n/index.ts';

export type FieldErrors = Record<string, MessageKey>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly fields: FieldErrors = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found', 'error.notFound');
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden');
export const unauthorized = () => new AppError(401, 'unauthorized', 'error.unauthorized');
export const badRequest = (fields: FieldErrors = {}) => new AppError(400, 'validation', 'error.validation', fields);
export const conflict = (fields: FieldErrors = {}) => new AppError(409, 'conflict', 'error.conflict', fields);
export const csrfFailed = () => new AppError(403, 'csrf', 'error.csrf');
