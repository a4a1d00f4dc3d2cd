// Addresses on the community's site. Each language of a page has its own address
// (?lang=en), which hreflang alternates point at; without ?lang the visitor's own language
// is used (cookie, then browser), which is also the x-default.
import type { Locale } from '../../platform/i18n/index.ts';
import type { TenantCommunity } from '../../platform/http/tenancy.ts';

export function sitePath(c: Pick<TenantCommunity, 'slug'>, rest: string): string {
  return `/${c.slug}${rest}`;
}

export function withLang(path: string, lang: Locale): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

export function absolute(base: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${base}${path}`;
}

export const newsPath = (c: Pick<TenantCommunity, 'slug'>, id: number) => sitePath(c, `/news/${id}`);
/** A post's lead image; ?v= changes with the picture, so it can be cached for long. */
export const imagePath = (c: Pick<TenantCommunity, 'slug'>, p: { id: number; image_sha256: string | null }) => sitePath(c, `/images/${p.id}?v=${(p.image_sha256 ?? '').slice(0, 16)}`);
