// Test helpers of the website: a signed-in staff member's requests, and posts made through
// the real use-cases (so fixtures are audited like any edit).
import type { TestEnv } from '../../../test/helpers.ts';
import { signInAs } from '../../../test/session.ts';
import { multipart } from '../../../test/multipart.ts';
import { TenantDb } from '../../platform/db/tenant.ts';
import type { PostKind } from './website.table.ts';
import type { PostInput } from './website.schemas.ts';
import { createPost, publishPost, type Editor } from './posts.service.ts';

export async function staffAs(env: TestEnv, email: string, lang = 'en') {
  const s = await signInAs(env.services, email);
  const cookie = `${s.cookie}; mmis_lang=${lang}`;
  return {
    userId: s.userId,
    get: (url: string) => env.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, fields: Record<string, string> = {}) =>
      env.app.inject({ method: 'POST', url, payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } }),
    upload: (url: string, file: { filename: string; type: string; data: Buffer }) => {
      const m = multipart({ _csrf: s.csrf }, file);
      return env.app.inject({ method: 'POST', url, payload: m.payload, headers: { cookie, 'content-type': m.contentType } });
    },
  };
}

export async function tenantOf(env: TestEnv, slug: string): Promise<TenantDb> {
  const c = await env.services.communities.bySlug(slug);
  return new TenantDb(env.services.db.kysely, c!.id);
}

export async function editorFor(env: TestEnv, slug: string, email = 'chief@sisian.example'): Promise<Editor> {
  const user = await env.services.db.kysely.selectFrom('users').select(['id', 'full_name']).where('email', '=', email).executeTakeFirstOrThrow();
  return { tenant: await tenantOf(env, slug), actor: { userId: user.id, label: user.full_name, ip: null, requestId: null }, filesDir: env.config.filesDir };
}

/** A post written and published (now, or at `publishAt`) through the use-cases. */
export async function published(ed: Editor, kind: PostKind, input: Partial<PostInput> & { title_hy: string }, publishAt?: string): Promise<number> {
  const id = await createPost(ed, kind, input as PostInput);
  await publishPost(ed, id, publishAt);
  return id;
}

/** A visitor who is not signed in, in a language of their choosing. */
export function anonymous(env: TestEnv, url: string, lang?: string) {
  return env.app.inject({ method: 'GET', url, headers: lang ? { cookie: `mmis_lang=${lang}` } : {} });
}
