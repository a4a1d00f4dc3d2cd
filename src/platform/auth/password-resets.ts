// Password reset links: a random token mailed to the account's address; the table holds
// its sha256, it lives one hour and works once.
import type { Executor } from '../db/tenant.ts';
import { newSecret, sha256 } from './tokens.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;

export async function createPasswordReset(db: Executor, userId: number, now = new Date()): Promise<string> {
  const token = newSecret(32);
  await db
    .insertInto('password_resets')
    .values({
      user_id: userId,
      token_hash: sha256(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
    })
    .execute();
  return token;
}

/** The live reset for a token from a link, or null when unknown, used or expired. */
export async function findLiveReset(db: Executor, token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const row = await db
    .selectFrom('password_resets')
    .select(['id', 'user_id'])
    .where('token_hash', '=', sha256(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .executeTakeFirst();
  return row ?? null;
}

/** Marks the reset used; only one caller can win, so a link works once even under races. */
export async function consumeReset(db: Executor, resetId: number): Promise<boolean> {
  const res = await db
    .updateTable('password_resets')
    .set({ used_at: new Date().toISOString() })
    .where('id', '=', resetId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
