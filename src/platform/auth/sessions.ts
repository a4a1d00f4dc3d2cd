// Sessions live in the database so several processes share them. The cookie holds a
// random token; the table holds its sha256, so a leaked table does not sign anyone in.
import type { Executor } from '../db/tenant.ts';
import { newSecret, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'mmis_sid';
export const SESSION_DAYS = 14;

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
}

export async function createSession(
  db: Executor,
  userId: number,
  meta: { ip: string | null; userAgent: string | null; mfaPending?: boolean },
): Promise<NewSession> {
  const token = newSecret();
  const id = sha256(token);
  const csrfToken = newSecret(24);
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      csrf_token: csrfToken,
      mfa_pending: meta.mfaPending ? 1 : 0,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 86400_000).toISOString(),
      last_seen_at: now.toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, id, csrfToken };
}

export async function findSession(db: Executor, token: string) {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', sha256(token))
    .where('expires_at', '>', new Date().toISOString())
    .executeTakeFirst();
  return row ?? null;
}

export async function destroySession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function destroyUserSessions(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
