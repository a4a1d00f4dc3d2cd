// Signing in with a password (and, when enrolled, a TOTP code). One answer for an
// unknown account and a wrong password; five failures in a row lock the account for
// fifteen minutes. Every outcome is written to the national audit chain.
import { sql } from 'kysely';
import type { Executor } from '../db/tenant.ts';
import { unscoped } from '../db/tenant.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';
import { parseIdentifier } from './identifiers.ts';
import { createSession, type NewSession } from './sessions.ts';
import { verifyTotp } from './totp.ts';
import type { CommunityDirectory } from '../http/tenancy.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** A session waiting for its TOTP code is only good for this long. */
export const MFA_PENDING_MS = 10 * 60 * 1000;

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export type SignInOutcome =
  | { ok: true; userId: number; session: NewSession; mfaPending: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: string };

function actorFor(meta: RequestMeta, user: { id: number; full_name: string } | null): AuditActor {
  return { userId: user?.id ?? null, label: user?.full_name ?? 'anonymous', ip: meta.ip, requestId: meta.requestId };
}

async function findByIdentifier(db: Executor, identifier: string) {
  const id = parseIdentifier(identifier);
  if (!id) return null;
  let q = db
    .selectFrom('users')
    .select(['id', 'full_name', 'password_hash', 'disabled', 'failed_logins', 'locked_until', 'totp_enabled']);
  q = 'email' in id ? q.where('email', '=', id.email) : q.where('phone', '=', id.phone);
  return (await q.executeTakeFirst()) ?? null;
}

function isLocked(lockedUntil: string | null, now: Date): lockedUntil is string {
  return lockedUntil !== null && lockedUntil > now.toISOString();
}

/**
 * Counts one failure atomically (a lock that has run out starts the count again) and
 * locks the account at the fifth. Returns the lock's end when this failure locked it.
 */
async function countFailure(tx: Executor, userId: number, now: Date): Promise<string | null> {
  const nowIso = now.toISOString();
  const row = await tx
    .updateTable('users')
    .set({
      failed_logins: sql<number>`case when locked_until is not null and locked_until <= ${nowIso} then 1 else failed_logins + 1 end`,
      locked_until: sql<string | null>`case when locked_until is not null and locked_until <= ${nowIso} then null else locked_until end`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins'])
    .executeTakeFirstOrThrow();
  if (row.failed_logins < MAX_FAILED_LOGINS) return null;
  const until = new Date(now.getTime() + LOCKOUT_MS).toISOString();
  await tx.updateTable('users').set({ locked_until: until }).where('id', '=', userId).execute();
  return until;
}

/** Checks the password and, when it is right, opens a new session (pending its TOTP code if enrolled). */
export async function signInWithPassword(
  rawDb: Executor,
  identifier: string,
  password: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<SignInOutcome> {
  const db = unscoped(rawDb, 'accounts, sessions and the national audit chain are global');
  const user = await findByIdentifier(db, identifier);

  if (user && isLocked(user.locked_until, now)) {
    // A locked account is not counted further and its password is not even checked.
    await db.transaction().execute((tx) =>
      appendAudit(tx, actorFor(meta, null), {
        communityId: null, action: 'auth.signin_refused', entityType: 'user', entityId: user.id, after: { reason: 'locked' },
      }),
    );
    return { ok: false, reason: 'locked', lockedUntil: user.locked_until };
  }

  const passwordOk = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !passwordOk || user.disabled) {
    return db.transaction().execute(async (tx) => {
      const lockedUntil = user ? await countFailure(tx, user.id, now) : null;
      await appendAudit(tx, actorFor(meta, null), {
        communityId: null,
        action: 'auth.signin_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: user ? { reason: user.disabled ? 'disabled' : 'password' } : { reason: 'unknown', identifier: identifier.slice(0, 100) },
      });
      if (user && lockedUntil) {
        await appendAudit(tx, actorFor(meta, null), {
          communityId: null, action: 'auth.lockout', entityType: 'user', entityId: user.id, after: { lockedUntil },
        });
        return { ok: false, reason: 'locked', lockedUntil } as const;
      }
      return { ok: false, reason: 'invalid' } as const;
    });
  }

  const mfaPending = user.totp_enabled === 1;
  return db.transaction().execute(async (tx) => {
    // With a second factor the failure count is reset only once the code is right, so
    // a known password does not buy unlimited guesses at the code.
    if (!mfaPending) {
      await tx
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString() })
        .where('id', '=', user.id)
        .execute();
    }
    const session = await createSession(tx, user.id, { ip: meta.ip, userAgent: meta.userAgent, mfaPending });
    await appendAudit(tx, actorFor(meta, user), {
      communityId: null,
      action: mfaPending ? 'auth.signin_password_ok' : 'auth.signin',
      entityType: 'user',
      entityId: user.id,
      after: { mfa: mfaPending ? 'pending' : 'none' },
    });
    return { ok: true, userId: user.id, session, mfaPending } as const;
  });
}

export type TotpOutcome =
  | { ok: true; userId: number }
  | { ok: false; reason: 'invalid' | 'expired' }
  | { ok: false; reason: 'locked'; lockedUntil: string };

/** The pending session behind a cookie, when it is still waiting for its code. */
export async function findPendingSession(rawDb: Executor, sessionId: string, now = new Date()) {
  const db = unscoped(rawDb, 'sessions are global');
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'created_at'])
    .where('id', '=', sessionId)
    .where('mfa_pending', '=', 1)
    .executeTakeFirst();
  if (!row || row.created_at < new Date(now.getTime() - MFA_PENDING_MS).toISOString()) return null;
  return row;
}

/** The second step: a right code clears mfa_pending; wrong codes count towards the lockout. */
export async function completeTotpSignIn(
  rawDb: Executor,
  sessionId: string,
  code: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<TotpOutcome> {
  const db = unscoped(rawDb, 'accounts, sessions and the national audit chain are global');
  const pending = await findPendingSession(db, sessionId, now);
  if (!pending) return { ok: false, reason: 'expired' };
  const user = await db
    .selectFrom('users')
    .select(['id', 'full_name', 'totp_secret', 'totp_enabled', 'totp_last_step', 'locked_until', 'disabled'])
    .where('id', '=', pending.user_id)
    .executeTakeFirstOrThrow();

  if (isLocked(user.locked_until, now)) {
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
      await appendAudit(tx, actorFor(meta, null), {
        communityId: null, action: 'auth.signin_refused', entityType: 'user', entityId: user.id, after: { reason: 'locked', step: 'totp' },
      });
    });
    return { ok: false, reason: 'locked', lockedUntil: user.locked_until };
  }

  const step = user.totp_secret && user.totp_enabled && !user.disabled
    ? verifyTotp(user.totp_secret, code, user.totp_last_step, now.getTime())
    : null;
  return db.transaction().execute(async (tx) => {
    if (step === null) {
      const lockedUntil = await countFailure(tx, user.id, now);
      await appendAudit(tx, actorFor(meta, null), {
        communityId: null, action: 'auth.signin_failed', entityType: 'user', entityId: user.id, after: { reason: 'totp' },
      });
      if (lockedUntil) {
        await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
        await appendAudit(tx, actorFor(meta, null), {
          communityId: null, action: 'auth.lockout', entityType: 'user', entityId: user.id, after: { lockedUntil },
        });
        return { ok: false, reason: 'locked', lockedUntil } as const;
      }
      return { ok: false, reason: 'invalid' } as const;
    }
    await tx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString(), totp_last_step: step })
      .where('id', '=', user.id)
      .execute();
    await tx.updateTable('sessions').set({ mfa_pending: 0, last_seen_at: now.toISOString() }).where('id', '=', sessionId).execute();
    await appendAudit(tx, actorFor(meta, user), {
      communityId: null, action: 'auth.signin', entityType: 'user', entityId: user.id, after: { mfa: 'totp' },
    });
    return { ok: true, userId: user.id } as const;
  });
}

/** Where to go after signing in when no `next` was asked for. */
export async function homeFor(rawDb: Executor, communities: Pick<CommunityDirectory, 'byId'>, userId: number): Promise<string> {
  const db = unscoped(rawDb, 'an account\'s roles across communities');
  const user = await db.selectFrom('users').select('is_staff').where('id', '=', userId).executeTakeFirst();
  if (user?.is_staff) {
    const first = await db
      .selectFrom('role_assignments')
      .select('community_id')
      .where('user_id', '=', userId)
      .orderBy('id')
      .executeTakeFirst();
    const community = first ? await communities.byId(first.community_id) : null;
    if (community) return `/${community.slug}/staff`;
  }
  const national = await db.selectFrom('national_roles').select('role').where('user_id', '=', userId).executeTakeFirst();
  if (national) return '/national';
  return '/account';
}
