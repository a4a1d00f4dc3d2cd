// API tokens for integrations: `mmis_<random>` shown once to its owner; only the sha256
// is stored, so the table cannot be used to call the API.
import type { Executor } from '../db/tenant.ts';
import { newSecret, sha256 } from './tokens.ts';

export const API_TOKEN_PREFIX = 'mmis_';

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${newSecret(32)}`;
}

export async function insertApiToken(db: Executor, userId: number, name: string): Promise<{ id: number; token: string }> {
  const token = newApiToken();
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: sha256(token), created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** Revokes one of the user's own tokens; false when there is no such live token. */
export async function revokeApiToken(db: Executor, userId: number, tokenId: number): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listApiTokens(db: Executor, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}
