// Accounts are national: one row per person, whether staff, citizen or both.
// Community roles live in role_assignments (platform/policy).
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  full_name: string;
  locale: string;
  /** 1 for municipal or national staff; citizens are 0. */
  is_staff: number;
  totp_secret: string | null;
  totp_enabled: number;
  /** Time step of the last accepted TOTP code (replay protection). */
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** Public service number of the resident this account is, once verified (desk or e-ID). */
  verified_psn: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie value; the raw token is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  /** 1 while the second factor (TOTP) is still owed. */
  mfa_pending: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** The e-ID seam: a national identity provider's subject linked to an account (OIDC). */
export interface ExternalIdentitiesTable {
  id: Generated<number>;
  user_id: number;
  provider: string;
  subject: string;
  created_at: string;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  community_id: number;
  user_id: number;
  role: string;
  /** Set only for the administrative head of a settlement: the settlement they answer for. */
  settlement_id: number | null;
  created_at: string;
}

export interface NationalRolesTable {
  user_id: number;
  role: string;
  created_at: string;
}
