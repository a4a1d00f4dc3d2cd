// Turning the "new community" form (and the CLI's flags) into a communityInput. Settlements
// come as lines "name_hy; name_en; name_ru; town|village; postcode" so a whole community
// can be typed or pasted at once, without JavaScript.
import { z } from 'zod';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { issuesToFields, type FormResult } from '../../platform/http/forms.ts';
import { communityInput, communitySettingsInput, type CommunityInput } from './communities.schemas.ts';

export interface SettlementLine {
  name_hy: string;
  name_en: string;
  name_ru: string;
  kind: string;
  postcode?: string;
}

/** One "hy; en; ru; town|village; postcode" line; null when it does not have 4 or 5 parts. */
export function parseSettlementLine(line: string): SettlementLine | null {
  const parts = line.split(';').map((p) => p.trim());
  if (parts.length < 4 || parts.length > 5) return null;
  const [name_hy, name_en, name_ru, kind, postcode] = parts as [string, string, string, string, string | undefined];
  return { name_hy, name_en, name_ru, kind: kind.toLowerCase(), ...(postcode ? { postcode } : {}) };
}

export function settlementLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export function formatSettlementLine(s: SettlementLine): string {
  return [s.name_hy, s.name_en, s.name_ru, s.kind, s.postcode ?? ''].join('; ');
}

/** Field errors of a communityInput, named after the form's fields (one message per list). */
export function communityFieldErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const [name, key] of Object.entries(issuesToFields(issues))) {
    const field = name.startsWith('settlements') ? 'settlements' : name.startsWith('domains') ? 'domain' : name;
    if (field === 'settlements' && name !== 'settlements') fields.settlements ??= 'communities.error.settlementLine';
    else fields[field] ??= key;
  }
  return fields;
}

const TEXT_FIELDS = [
  'slug', 'marz_id', 'name_hy', 'name_en', 'name_ru', 'phone', 'email', 'address_hy', 'address_en', 'address_ru',
  'reception_hours_hy', 'reception_hours_en', 'reception_hours_ru', 'color_primary', 'color_accent',
] as const;

function stringsOf(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  }
  return values;
}

/** Parses the national "new community" form. */
export function parseCommunityForm(body: unknown): FormResult<CommunityInput> {
  const values = stringsOf(body);
  const raw: Record<string, unknown> = {};
  for (const f of TEXT_FIELDS) if (values[f] !== undefined && values[f] !== '') raw[f] = values[f];
  const domain = values.domain?.trim();
  raw.domains = domain ? [domain] : [];
  const lines = settlementLines(values.settlements ?? '');
  const settlements = lines.map(parseSettlementLine);
  raw.settlements = settlements.filter((s) => s !== null);
  const parsed = communityInput.safeParse(raw);
  const errors: FieldErrors = parsed.success ? {} : communityFieldErrors(parsed.error.issues);
  if (settlements.some((s) => s === null)) errors.settlements = 'communities.error.settlementLine';
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors, values };
  return { ok: true, data: parsed.data };
}

/** Parses the community's own settings form (contacts, reception hours, colours). */
export function parseSettingsForm(body: unknown): FormResult<z.infer<typeof communitySettingsInput>> {
  const values = stringsOf(body);
  // The settings form always sends every field (empty when cleared). A field that is
  // missing or sent twice is a malformed request, never an instruction to wipe the value.
  const missing = Object.keys(communitySettingsInput.shape).filter((k) => values[k] === undefined);
  if (missing.length) return { ok: false, errors: Object.fromEntries(missing.map((k) => [k, 'field.required' as const])), values };
  const parsed = communitySettingsInput.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: issuesToFields(parsed.error.issues), values };
}
