// The platform's check of an uploaded file against the limits its route declares
// (RouteDef.upload): too large answers 413, a type the route does not take answers 400
// with the reason on the file's field. Both before the route's handler runs.
import { AppError } from '../http/errors.ts';
import type { UploadSpec } from '../http/route.ts';
import { sniffType } from './store.ts';

/** No route accepts more than this; multipart stops reading past it. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export async function checkUpload(limits: UploadSpec, field: string, data: Buffer): Promise<void> {
  if (data.length > limits.maxBytes) throw new AppError(413, 'too_large', 'error.tooLarge', { [field]: 'files.error.tooLarge' });
  if (limits.types.length === 0) return;
  const sniffed = await sniffType(data);
  if (!sniffed || !limits.types.includes(sniffed.mime)) {
    throw new AppError(400, 'validation', 'error.validation', { [field]: 'files.error.type' });
  }
}
