// Use-cases for national accounts: registration, password reset, the "my account" page,
// API tokens and the operator's CLI. Each change runs in one transaction with its audit
// event on the national chain (accounts belong to no community).
import type { Services } from '../../platform/module/contract.ts';
import type { Executor } from '../../platform/db/tenant.ts';
import { unscoped } from '../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, destroyUserSessions, type NewSession } from '../../platform/auth/sessions.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from '../../platform/auth/api-tokens.ts';
import { consumeReset, createPasswordReset, findLiveReset, RESET_TTL_MS } from '../../platform/auth/password-resets.ts';
import { newTotpSecret, verifyTotp } from '../../platform/auth/totp.ts';
import { newSecret } from '../../platform/auth/tokens.ts';
import { looksLikeEmail, normalizeEmail } from '../../platform/auth/identifiers.ts';
import type { RequestMeta } from '../../platform/auth/signin.ts';
import { isNationalRole, type NationalRole } from '../../platform/policy/roles.ts';
import { translator, isLocale, type Locale } from '../../platform/i18n/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.ts';
import type { Me } from './accounts.schemas.ts';

const global = (db: Executor) => unscoped(db, 'accounts are national, not community rows');

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

function actorOf(meta: RequestMeta, user: { id: number; full_name: string }): AuditActor {
  return { userId: user.id, label: user.full_name, ip: meta.ip, requestId: meta.requestId };
}

// ---- registration ----------------------------------------------------------

export interface Registration {
  fullName: string;
  email: string | null;
  phone: string | null;
  password: string;
}

async function takenFields(db: Executor, email: string | null, phone: string | null): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (email && (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())) errors.email = 'accounts.error.emailTaken';
  if (phone && (await db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst())) errors.phone = 'accounts.error.phoneTaken';
  return errors;
}

/** A citizen's national account; signs them in (a new session) when it is made. */
export async function registerCitizen(
  rawDb: Executor,
  input: Registration,
  meta: RequestMeta & { locale: Locale },
): Promise<{ ok: true; userId: number; session: NewSession } | { ok: false; errors: FieldErrors }> {
  const db = global(rawDb);
  const taken = await takenFields(db, input.email, input.phone);
  if (Object.keys(taken).length) return { ok: false, errors: taken };
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      const user = await tx
        .insertInto('users')
        .values({
          email: input.email, phone: input.phone, password_hash: passwordHash, full_name: input.fullName, locale: meta.locale,
          is_staff: 0, totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: now, updated_at: now, last_login_at: now,
        })
        .returning(['id', 'full_name'])
        .executeTakeFirstOrThrow();
      const session = await createSession(tx, user.id, { ip: meta.ip, userAgent: meta.userAgent });
      await appendAudit(tx, actorOf(meta, user), {
        communityId: null, action: 'account.register', entityType: 'user', entityId: user.id,
        after: { fullName: input.fullName, email: input.email, phone: input.phone },
      });
      return { ok: true as const, userId: user.id, session };
    });
  } catch (err) {
    // Two registrations racing for the same address: the unique index decides.
    if (isUniqueViolation(err)) {
      const again = await takenFields(db, input.email, input.phone);
      return { ok: false, errors: Object.keys(again).length ? again : { email: 'accounts.error.emailTaken' } };
    }
    throw err;
  }
}

// ---- password reset --------------------------------------------------------

/**
 * Mails a reset link when the address belongs to an account. The caller answers the same
 * either way, so the form does not tell who has an account.
 */
export async function requestPasswordReset(services: Services, email: string, meta: RequestMeta): Promise<void> {
  const db = global(services.db.kysely);
  const user = await db
    .selectFrom('users')
    .select(['id', 'full_name', 'email', 'locale', 'disabled'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  if (!user || !user.email || user.disabled) return;
  const token = await db.transaction().execute(async (tx) => {
    const t = await createPasswordReset(tx, user.id);
    await appendAudit(tx, { userId: null, label: 'anonymous', ip: meta.ip, requestId: meta.requestId }, {
      communityId: null, action: 'account.password_reset_requested', entityType: 'user', entityId: user.id,
    });
    return t;
  });
  const t = translator(isLocale(user.locale) ? user.locale : undefined);
  const link = `${services.config.publicUrl}/password/reset/${token}`;
  try {
    await services.mailer.send({
      to: user.email,
      subject: t('auth.forgot.mailSubject'),
      text: t('auth.forgot.mailBody', { name: user.full_name, link, minutes: RESET_TTL_MS / 60_000 }),
    });
  } catch (err) {
    // The person sees the same neutral answer; operators see the failure.
    services.log.error({ err }, 'password reset mail could not be sent');
  }
}

export async function resetLinkIsLive(db: Executor, token: string): Promise<boolean> {
  return (await findLiveReset(global(db), token)) !== null;
}

/** Sets the new password from a live link, uses the link up and ends every session of the account. */
export async function resetPassword(rawDb: Executor, token: string, newPassword: string, meta: RequestMeta): Promise<boolean> {
  const db = global(rawDb);
  const reset = await findLiveReset(db, token);
  if (!reset) return false;
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (tx) => {
    if (!(await consumeReset(tx, reset.id))) return false;
    const user = await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: new Date().toISOString() })
      .where('id', '=', reset.user_id)
      .returning(['id', 'full_name'])
      .executeTakeFirstOrThrow();
    await destroyUserSessions(tx, user.id);
    await appendAudit(tx, actorOf(meta, user), {
      communityId: null, action: 'account.password_reset', entityType: 'user', entityId: user.id,
    });
    return true;
  });
}

// ---- my account ------------------------------------------------------------

export async function loadAccount(rawDb: Executor, userId: number) {
  const db = global(rawDb);
  const user = await db
    .selectFrom('users')
    .select(['id', 'full_name', 'email', 'phone', 'locale', 'is_staff', 'totp_enabled', 'totp_secret', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const me = await loadMe(db, userId);
  const tokens = user.is_staff ? await listApiTokens(db, userId) : [];
  return { user, me, tokens };
}

export type Account = Awaited<ReturnType<typeof loadAccount>>;

/** The account as the API and the account page describe it. */
export async function loadMe(rawDb: Executor, userId: number): Promise<Me> {
  const db = global(rawDb);
  const user = await db
    .selectFrom('users')
    .select(['id', 'full_name', 'email', 'phone', 'locale', 'is_staff'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const national = await db.selectFrom('national_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('communities', 'communities.id', 'role_assignments.community_id')
    .select([
      'communities.id as communityId', 'communities.slug', 'communities.name_hy', 'communities.name_en', 'communities.name_ru',
      'role_assignments.role', 'role_assignments.settlement_id',
    ])
    .where('role_assignments.user_id', '=', userId)
    .orderBy('role_assignments.id')
    .execute();
  const communities = new Map<number, Me['communities'][number]>();
  for (const r of rows) {
    let c = communities.get(r.communityId);
    if (!c) {
      c = { slug: r.slug, name: { hy: r.name_hy, en: r.name_en, ru: r.name_ru }, roles: [], settlementIds: [] };
      communities.set(r.communityId, c);
    }
    if (!c.roles.includes(r.role)) c.roles.push(r.role);
    if (r.settlement_id !== null && !c.settlementIds.includes(r.settlement_id)) c.settlementIds.push(r.settlement_id);
  }
  return {
    id: user.id,
    name: user.full_name,
    email: user.email,
    phone: user.phone,
    isStaff: user.is_staff === 1,
    locale: user.locale,
    nationalRoles: national.map((n) => n.role),
    communities: [...communities.values()],
  };
}

async function userRow(db: Executor, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'full_name', 'password_hash', 'locale', 'totp_enabled', 'totp_secret', 'totp_last_step', 'is_staff'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function setLocale(rawDb: Executor, actor: AuditActor, userId: number, locale: Locale): Promise<void> {
  const db = global(rawDb);
  await db.transaction().execute(async (tx) => {
    const before = await userRow(tx, userId);
    if (before.locale === locale) return;
    await tx.updateTable('users').set({ locale, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await appendAudit(tx, actor, {
      communityId: null, action: 'account.locale', entityType: 'user', entityId: userId, before: { locale: before.locale }, after: { locale },
    });
  });
}

/** Needs the current password; other sessions of the account are ended, this one stays. */
export async function changePassword(
  rawDb: Executor, actor: AuditActor, userId: number, keepSessionId: string | null, current: string, next: string,
): Promise<FieldErrors | null> {
  const db = global(rawDb);
  const user = await userRow(db, userId);
  if (!(await verifyPassword(current, user.password_hash))) return { current_password: 'accounts.error.currentPassword' };
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    let q = tx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) q = q.where('id', '!=', keepSessionId);
    await q.execute();
    await appendAudit(tx, actor, { communityId: null, action: 'account.password_change', entityType: 'user', entityId: userId });
  });
  return null;
}

/** Begins TOTP enrolment: a new secret, kept but not active until a code confirms it. */
export async function startTotp(rawDb: Executor, actor: AuditActor, userId: number): Promise<string | null> {
  const db = global(rawDb);
  return db.transaction().execute(async (tx) => {
    const user = await userRow(tx, userId);
    if (user.totp_enabled) return null;
    const secret = newTotpSecret();
    await tx.updateTable('users').set({ totp_secret: secret, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await appendAudit(tx, actor, { communityId: null, action: 'account.totp_start', entityType: 'user', entityId: userId });
    return secret;
  });
}

export async function pendingTotpSecret(rawDb: Executor, userId: number): Promise<string | null> {
  const user = await userRow(global(rawDb), userId);
  return !user.totp_enabled && user.totp_secret ? user.totp_secret : null;
}

export async function confirmTotp(rawDb: Executor, actor: AuditActor, userId: number, code: string): Promise<boolean> {
  const db = global(rawDb);
  return db.transaction().execute(async (tx) => {
    const user = await userRow(tx, userId);
    if (user.totp_enabled || !user.totp_secret) return false;
    const step = verifyTotp(user.totp_secret, code, user.totp_last_step);
    if (step === null) return false;
    await tx.updateTable('users').set({ totp_enabled: 1, totp_last_step: step, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await appendAudit(tx, actor, { communityId: null, action: 'account.totp_enable', entityType: 'user', entityId: userId });
    return true;
  });
}

export async function disableTotp(rawDb: Executor, actor: AuditActor, userId: number, password: string): Promise<boolean> {
  const db = global(rawDb);
  const user = await userRow(db, userId);
  if (!(await verifyPassword(password, user.password_hash))) return false;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ totp_enabled: 0, totp_secret: null, totp_last_step: null, updated_at: new Date().toISOString() })
      .where('id', '=', userId)
      .execute();
    await appendAudit(tx, actor, { communityId: null, action: 'account.totp_disable', entityType: 'user', entityId: userId });
  });
  return true;
}

// ---- API tokens --------------------------------------------------------------

/** Staff only: citizens have no API tokens. Returns the token, to be shown once. */
export async function createApiToken(rawDb: Executor, actor: AuditActor, userId: number, name: string): Promise<{ id: number; token: string }> {
  const db = global(rawDb);
  return db.transaction().execute(async (tx) => {
    const created = await insertApiToken(tx, userId, name);
    await appendAudit(tx, actor, {
      communityId: null, action: 'account.token_create', entityType: 'api_token', entityId: created.id, after: { userId, name },
    });
    return created;
  });
}

export async function revokeToken(rawDb: Executor, actor: AuditActor, userId: number, tokenId: number): Promise<boolean> {
  const db = global(rawDb);
  return db.transaction().execute(async (tx) => {
    if (!(await revokeApiToken(tx, userId, tokenId))) return false;
    await appendAudit(tx, actor, { communityId: null, action: 'account.token_revoke', entityType: 'api_token', entityId: tokenId, after: { userId } });
    return true;
  });
}

// ---- operator CLI --------------------------------------------------------------

export class CliError extends Error {}

const cliActor = (what: string): AuditActor => ({ ...SYSTEM_ACTOR, label: `cli:${what}` });

/** `mmis token create --user <email> [--name <name>]`: prints the token once. */
export async function createTokenForEmail(services: Services, email: string, name = 'cli'): Promise<string> {
  const db = global(services.db.kysely);
  const addr = normalizeEmail(email);
  const user = await db.selectFrom('users').select(['id', 'is_staff', 'disabled']).where('email', '=', addr).executeTakeFirst();
  if (!user) throw new CliError(`No account with the e-mail address ${addr}`);
  if (user.disabled) throw new CliError(`The account ${addr} is disabled`);
  if (!user.is_staff) throw new CliError(`${addr} is a citizen account; API tokens are for staff accounts`);
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 80) throw new CliError('A token name is 1–80 characters');
  const { token } = await createApiToken(db, cliActor('token create'), user.id, trimmed);
  return token;
}

export interface NewUserOptions {
  email: string;
  name: string;
  password?: string;
  nationalRole?: string;
}

/** `mmis user create`: an operator's way to make the first administrator. */
export async function createUser(services: Services, opts: NewUserOptions): Promise<{ userId: number; password: string; generated: boolean }> {
  const db = global(services.db.kysely);
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw new CliError(`Not an e-mail address: ${opts.email}`);
  const name = opts.name.trim();
  if (!name || name.length > 120) throw new CliError('A name is 1–120 characters');
  let role: NationalRole | null = null;
  if (opts.nationalRole !== undefined) {
    if (!isNationalRole(opts.nationalRole)) throw new CliError(`Unknown national role "${opts.nationalRole}" (known: ministry_analyst, system_admin)`);
    role = opts.nationalRole;
  }
  if (opts.password !== undefined && opts.password.length < 10) throw new CliError('The password must be at least 10 characters');
  if (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) {
    throw new CliError(`An account with the e-mail address ${email} already exists`);
  }
  const generated = opts.password === undefined;
  const password = opts.password ?? newSecret(15);
  const passwordHash = await hashPassword(password);
  const userId = await db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    const user = await tx
      .insertInto('users')
      .values({
        email, phone: null, password_hash: passwordHash, full_name: name, locale: 'hy', is_staff: 1,
        totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor = cliActor('user create');
    await appendAudit(tx, actor, { communityId: null, action: 'account.create', entityType: 'user', entityId: user.id, after: { email, name } });
    if (role) {
      await tx.insertInto('national_roles').values({ user_id: user.id, role, created_at: now }).execute();
      await appendAudit(tx, actor, { communityId: null, action: 'role.grant', entityType: 'user', entityId: user.id, after: { role } });
    }
    return user.id;
  });
  return { userId, password, generated };
}
