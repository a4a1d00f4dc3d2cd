// Who is asking: a session cookie (browser) or an API token (integrations).
// Returns the account, its national roles and, for a community, its roles there.
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/tenant.ts';
import type { Actor } from '../policy/access.ts';
import { isCommunityRole, isNationalRole, type CommunityRole, type NationalRole } from '../policy/roles.ts';
import { findSession, SESSION_COOKIE } from './sessions.ts';
import { sha256 } from './tokens.ts';

export interface Authenticated {
  actor: Actor;
  session: { id: string; csrfToken: string } | null;
}

async function loadActor(db: Executor, userId: number, via: Actor['via']): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'full_name', 'is_staff', 'disabled', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) return null;
  const national = await db.selectFrom('national_roles').select('role').where('user_id', '=', userId).execute();
  return {
    userId: user.id,
    name: user.full_name,
    isStaff: user.is_staff === 1,
    nationalRoles: national.map((r) => r.role).filter(isNationalRole) as NationalRole[],
    communityRoles: [],
    settlementIds: null,
    via,
    locale: user.locale,
  };
}

export async function authenticate(db: Executor, req: FastifyRequest): Promise<Authenticated | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length).trim();
    const row = await db
      .selectFrom('api_tokens')
      .select(['id', 'user_id'])
      .where('token_hash', '=', sha256(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const actor = await loadActor(db, row.user_id, 'token');
    if (!actor) return null;
    // Last use is for the owner's token list; a minute's precision is enough, so skip most writes.
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date().toISOString() })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(Date.now() - 60_000).toISOString())]))
      .execute();
    return { actor, session: null };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await findSession(db, cookie);
  if (!session || session.mfa_pending) return null;
  const actor = await loadActor(db, session.user_id, 'session');
  if (!actor) return null;
  return { actor, session: { id: session.id, csrfToken: session.csrf_token } };
}

/** Fills in the actor's roles in one community (and the settlements a settlement head is limited to). */
export async function loadCommunityRoles(db: Executor, actor: Actor, communityId: number): Promise<void> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['role', 'settlement_id'])
    .where('user_id', '=', actor.userId)
    .where('community_id', '=', communityId)
    .execute();
  actor.communityRoles = rows.map((r) => r.role).filter(isCommunityRole) as CommunityRole[];
  const onlySettlementHead = actor.communityRoles.length > 0 && actor.communityRoles.every((r) => r === 'settlement_head');
  actor.settlementIds = onlySettlementHead
    ? rows.map((r) => r.settlement_id).filter((id): id is number => id !== null)
    : null;
}
