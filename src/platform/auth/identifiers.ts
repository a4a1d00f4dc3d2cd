// How people name their account: an e-mail address or an Armenian mobile number.
// Both are stored normalised (lower-case e-mail, +374XXXXXXXX), so lookups are exact.

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function looksLikeEmail(v: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) && v.length <= 254;
}

/**
 * "+374 91 00-00-01", "091000001", "0037491000001", "37491000001" → "+37491000001".
 * Returns null for anything that is not an Armenian mobile number (operator codes 33, 4x–9x).
 */
export function normalizeArmenianMobile(raw: string): string | null {
  const s = raw.trim().replace(/[\s\-().]/g, '');
  let national: string;
  if (/^\+374\d{8}$/.test(s)) national = s.slice(4);
  else if (/^00374\d{8}$/.test(s)) national = s.slice(5);
  else if (/^374\d{8}$/.test(s)) national = s.slice(3);
  else if (/^0\d{8}$/.test(s)) national = s.slice(1);
  else return null;
  if (!/^(33|[4-9]\d)\d{6}$/.test(national)) return null;
  return `+374${national}`;
}

/** What the sign-in form's "e-mail or phone" field means. */
export function parseIdentifier(raw: string): { email: string } | { phone: string } | null {
  const v = raw.trim();
  if (v.includes('@')) return looksLikeEmail(v) ? { email: normalizeEmail(v) } : null;
  const phone = normalizeArmenianMobile(v);
  return phone ? { phone } : null;
}

/** Only paths on this site: "/x" but not "//host", "/\host" or anything with control characters. */
export function safeLocalPath(v: unknown): string | null {
  if (typeof v !== 'string' || v.length === 0 || v.length > 500) return null;
  if (!v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(v)) return null;
  return v;
}
