// Verification codes printed on output documents: 10 characters of Crockford's base32
// (no I, L, O, U: nothing to confuse when read aloud or typed from paper) from 50 random
// bits, shown as XXXXX-XXXXX. With 2^50 possible codes, guessing one is hopeless and the
// /verify routes are rate-limited on top; uniqueness is still enforced by the database.
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

/** A fresh code, "7KQ2M-X9D4T". */
export function newDocumentCode(): string {
  const bytes = crypto.randomBytes(LENGTH);
  let out = '';
  // Each byte contributes 5 bits (256 is a multiple of 32, so no bias).
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/**
 * The stored form of what someone typed, or null if it cannot be a code. Case-insensitive;
 * spaces and dashes may be anywhere or missing; O reads as 0 and I/L as 1 (Crockford).
 */
export function normalizeDocumentCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-‐–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
