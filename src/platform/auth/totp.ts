// Time-based one-time passwords (RFC 6238, the kind authenticator apps show): 6 digits,
// 30 seconds, SHA-1 for compatibility with every app. A code is accepted one step
// either side of now, and never twice: the step used last is remembered per account.
import { Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = 'MMIS';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/**
 * Checks a code; returns the time step it belongs to, or null when it is wrong or was
 * already used (its step is not after `lastStep`).
 */
export function verifyTotp(secretBase32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = totp.counter({ timestamp: now }) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
