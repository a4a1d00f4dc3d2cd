// Signing in inside tests without going through the sign-in page: a real session row
// and its cookie, plus the CSRF token forms must echo back.
import type { Services } from '../src/platform/module/contract.ts';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/sessions.ts';

export interface TestSession {
  userId: number;
  cookie: string;
  csrf: string;
}

export async function signInAs(services: Services, email: string): Promise<TestSession> {
  const user = await services.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const s = await createSession(services.db.kysely, user.id, { ip: null, userAgent: null });
  return { userId: user.id, cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken };
}
