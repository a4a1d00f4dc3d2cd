// Test support for the portal: a signed-in browser stand-in (GET, form POST, multipart
// upload) in English, and small files to upload.
import type { TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';

export { multipart, TINY_PNG } from '../../../../test/multipart.ts';
import { multipart } from '../../../../test/multipart.ts';

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
