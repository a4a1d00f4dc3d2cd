// The e-ID seam (docs/adr/0003-eid-openid-connect-seam.md). Armenia's national
// electronic identity will be reached through OpenID Connect; which provider, and with
// which client credentials, is a deployment decision not made yet. This file fixes the
// shape a provider must have and how a verified identity becomes an MMIS account, so
// that adding the provider later is a routes-and-config change only.
import type { Executor } from '../db/tenant.ts';
import { unscoped } from '../db/tenant.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import { normalizeArmenianMobile, normalizeEmail } from './identifiers.ts';

/** Attributes the provider has verified. Anything the provider does not vouch for is left out. */
export interface VerifiedProfile {
  fullName: string;
  /** Only when the provider asserts `email_verified`. */
  email?: string;
  /** Only when the provider asserts `phone_number_verified`. */
  phone?: string;
  /** Public service number (ՀԾՀ / SSN) when the provider releases it; not stored yet. */
  publicServiceNumber?: string;
}

export interface AuthorizationRequest {
  /** Where to send the browser. */
  url: string;
  /** Kept in the visitor's session and checked on return (CSRF of the redirect). */
  state: string;
  /** Checked against the ID token's nonce claim (replay). */
  nonce: string;
  /** PKCE verifier, kept server-side until the code is exchanged. */
  codeVerifier: string;
}

/**
 * One OpenID Connect identity provider (authorization code flow with PKCE).
 *
 * An implementation must: validate the ID token's signature against the provider's JWKS,
 * its `iss`, `aud` (our client id), `exp`, `nonce`; and return only claims the provider
 * marks as verified.
 */
export interface IdentityProvider {
  /** Stable short name stored with each link, e.g. "am-eid". At most 40 characters. */
  readonly id: string;
  /** Shown on the sign-in button. */
  readonly displayName: string;
  /** Starts a sign-in: the URL to redirect to and the values to keep until the callback. */
  authorizationUrl(opts: { redirectUri: string; locale: string }): Promise<AuthorizationRequest>;
  /** Finishes it: exchanges the code and returns the stable subject and verified attributes. */
  exchangeCode(opts: {
    code: string;
    redirectUri: string;
    codeVerifier: string;
    nonce: string;
  }): Promise<{ subject: string; profile: VerifiedProfile }>;
}

export interface LinkResult {
  userId: number;
  /** 'linked': already linked before; 'matched': linked now to an account with the same verified e-mail or phone; 'created': a new citizen account. */
  how: 'linked' | 'matched' | 'created';
}

/**
 * Finds the account for a provider's subject, linking or creating it on first use.
 *
 * 1. (provider, subject) already linked → that account.
 * 2. Otherwise an account whose e-mail or phone equals a *verified* one from the provider
 *    is linked (the provider vouches that the person controls that address).
 * 3. Otherwise a citizen account is created (no password: it signs in through the provider
 *    or sets one with a reset link) and linked.
 * Runs in one transaction with its audit event; a concurrent first sign-in of the same
 * subject fails on the unique (provider, subject) constraint rather than linking twice.
 */
export async function linkOrFindAccount(
  rawDb: Executor,
  provider: string,
  subject: string,
  profile: VerifiedProfile,
  actor: AuditActor = { userId: null, label: `e-id:${provider}`, ip: null, requestId: null },
): Promise<LinkResult> {
  if (!provider || provider.length > 40) throw new Error('An identity provider id is 1–40 characters');
  if (!subject) throw new Error('An OpenID Connect subject cannot be empty');
  const db = unscoped(rawDb, 'accounts and their external identities are national');
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('external_identities')
      .select('user_id')
      .where('provider', '=', provider)
      .where('subject', '=', subject)
      .executeTakeFirst();
    if (existing) return { userId: existing.user_id, how: 'linked' as const };

    const email = profile.email ? normalizeEmail(profile.email) : null;
    const phone = profile.phone ? normalizeArmenianMobile(profile.phone) : null;
    let userId: number | null = null;
    let how: LinkResult['how'] = 'matched';
    if (email) userId = (await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id ?? null;
    if (userId === null && phone) userId = (await tx.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst())?.id ?? null;

    const now = new Date().toISOString();
    if (userId === null) {
      how = 'created';
      const created = await tx
        .insertInto('users')
        .values({
          email, phone, password_hash: null, full_name: profile.fullName.trim().slice(0, 200) || subject,
          locale: 'hy', is_staff: 0, totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = created.id;
    }
    await tx.insertInto('external_identities').values({ user_id: userId, provider, subject, created_at: now }).execute();
    await appendAudit(tx, { ...actor, userId }, {
      communityId: null,
      action: 'auth.eid_link',
      entityType: 'user',
      entityId: userId,
      after: { provider, how },
    });
    return { userId, how };
  });
}
