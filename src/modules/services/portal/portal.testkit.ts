// Test support for the portal: a signed-in browser stand-in (GET, form POST, multipart
// upload) in English, and small files to upload.
import type { TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';

/** A 1×1 PNG: the smallest real image the store accepts. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export function multipart(fields: Record<string, string>, file?: { filename: string; type: string; data: Buffer }) {
  const boundary = '----mmis-portal-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.filename}"\r\ncontent-type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export type Browser = Awaited<ReturnType<typeof browserAs>>;

export async function browserAs(env: TestEnv, email: string) {
  const s = await signInAs(env.services, email);
  const cookie = `${s.cookie}; mmis_lang=en`;
  return {
    userId: s.userId,
    get: (url: string) => env.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, fields: Record<string, string | string[]> = {}) => {
      const body = new URLSearchParams({ _csrf: s.csrf });
      for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      return env.app.inject({ method: 'POST', url, payload: body.toString(), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    },
    upload: (url: string, fields: Record<string, string>, file?: { filename: string; type: string; data: Buffer }) => {
      const m = multipart({ _csrf: s.csrf, ...fields }, file);
      return env.app.inject({ method: 'POST', url, payload: m.payload, headers: { cookie, 'content-type': m.contentType } });
    },
  };
}
