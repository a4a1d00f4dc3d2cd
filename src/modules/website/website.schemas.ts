// Inputs of the website: the editor's forms (parsed in the handlers so a bad value re-renders
// the form with its errors), the public pages' queries and the path parameters.
import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/index.ts';
import { CATEGORY_KEYS } from './compliance.categories.ts';
import { POST_KINDS } from './website.table.ts';

/** Armenia keeps UTC+4 all year (no daylight saving since 2012): a wall-clock time there is this instant. */
const YEREVAN_OFFSET = '+04:00';

/** `YYYY-MM-DDTHH:MM` as typed in Yerevan (datetime-local) → an ISO instant; null if not such a moment. */
export function yerevanInstant(v: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return null;
  const d = new Date(`${v}:00${YEREVAN_OFFSET}`);
  if (Number.isNaN(d.getTime())) return null;
  // Round trip: 2026-02-30 is not a day.
  return toYerevanInput(d.toISOString()) === v ? d.toISOString() : null;
}

/** An ISO instant as a datetime-local value in Yerevan. */
export function toYerevanInput(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 4 * 3600_000).toISOString().slice(0, 16);
}

const text = (max: number) => z.string().trim().max(max, 'field.tooLong');
const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(max).optional());
const instant = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().max(16).transform((v, c) => {
    const iso = yerevanInstant(v);
    if (!iso) c.addIssue({ code: 'custom', message: 'website.error.instant' });
    return iso ?? '';
  }).optional(),
);

export const postForm = z.object({
  title_hy: text(200).min(1, 'field.required'),
  title_en: optionalText(200),
  title_ru: optionalText(200),
  summary_hy: optionalText(600),
  summary_en: optionalText(600),
  summary_ru: optionalText(600),
  body_hy: optionalText(200_000),
  body_en: optionalText(200_000),
  body_ru: optionalText(200_000),
  path: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().toLowerCase().max(80, 'field.tooLong').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'website.error.path').optional()),
  category: z.preprocess((v) => (v === '' ? undefined : v), z.enum(CATEGORY_KEYS as [string, ...string[]], { error: 'field.invalid' }).optional()),
  expires_at: instant,
  starts_at: instant,
  ends_at: instant,
  place_hy: optionalText(200),
  image_alt_hy: optionalText(200),
}).superRefine((v, c) => {
  if (v.starts_at && v.ends_at && v.ends_at < v.starts_at) c.addIssue({ code: 'custom', path: ['ends_at'], message: 'website.error.endsBeforeStart' });
});
export type PostInput = z.infer<typeof postForm>;

export const publishForm = z.object({
  publish_at: instant,
});

export const menuForm = z.object({
  label_hy: text(80).min(1, 'field.required'),
  label_en: optionalText(80),
  label_ru: optionalText(80),
  href: z.string().trim().max(300, 'field.tooLong').refine((v) => /^\/[\w\-./]*$/.test(v) || /^https:\/\/[^\s"'<>]+$/.test(v), 'website.error.href'),
  sort_order: z.coerce.number({ error: 'field.invalid' }).int('field.invalid').min(0, 'field.invalid').max(999, 'field.invalid'),
});
export type MenuInput = z.infer<typeof menuForm>;

export const kindParams = z.object({ slug: z.string(), kind: z.enum(POST_KINDS) });
export const postParams = z.object({ slug: z.string(), id: z.coerce.number().int().positive() });
export const attachmentParams = z.object({ slug: z.string(), id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() });
export const menuParams = z.object({ slug: z.string(), id: z.coerce.number().int().positive() });
export const pageParams = z.object({ slug: z.string(), path: z.string().max(80) });

/** Every public page takes ?lang= so each language has its own address (hreflang). */
export const langQuery = z.object({ lang: z.enum(LOCALES).optional() });
export const listQuery = z.object({ lang: z.enum(LOCALES).optional(), page: z.coerce.number().int().min(1).max(1000).optional() });
export const searchQuery = z.object({ lang: z.enum(LOCALES).optional(), q: z.string().max(100).optional() });
export const staffListQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).optional(), done: z.enum(['saved', 'published', 'unpublished', 'deleted', 'attached']).optional() });
