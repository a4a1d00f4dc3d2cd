// The site's machine-readable faces: RSS and Atom per section (feed), iCalendar of events
// (ical-generator), sitemap.xml and robots.txt. Built from the same visible-now query as the
// pages, so nothing scheduled or expired leaks into a feed.
import { Feed } from 'feed';
import ical from 'ical-generator';
import type { TenantCommunity } from '../../platform/http/tenancy.ts';
import { localized, translator, type Locale } from '../../platform/i18n/index.ts';
import type { Post } from './posts.queries.ts';
import { pick, summaryOf } from './present.ts';
import { absolute, imagePath, sitePath, withLang } from './site-urls.ts';
import { postPath, SECTION_OF } from './posts.views.tsx';

export type FeedSection = keyof typeof SECTION_OF;

export function sectionFeed(base: string, c: TenantCommunity, section: FeedSection, posts: Post[], locale: Locale): Feed {
  const t = translator(locale);
  const name = localized(c, 'name', locale);
  const path = sitePath(c, SECTION_OF[section].path);
  const feed = new Feed({
    id: absolute(base, path),
    title: `${t(SECTION_OF[section].title)} — ${name}`,
    link: absolute(base, withLang(path, locale)),
    language: locale,
    updated: posts[0] ? new Date(posts[0].updated_at) : new Date(0),
    generator: false,
    copyright: name,
    feedLinks: { rss: absolute(base, `${path}/feed.rss`), atom: absolute(base, `${path}/feed.atom`) },
  });
  for (const p of posts) {
    const url = absolute(base, withLang(postPath(c.slug, p), locale));
    feed.addItem({
      id: absolute(base, postPath(c.slug, p)),
      title: pick(p, 'title', locale).text,
      link: url,
      date: new Date(p.updated_at),
      published: new Date(p.publish_at ?? p.created_at),
      description: summaryOf(p, locale).text,
      ...(pick(p, 'body', locale).text ? { content: pick(p, 'body', locale).text } : {}),
      ...(p.image_sha256 ? { image: { url: absolute(base, imagePath(c, p)), type: 'image/jpeg' } } : {}),
    });
  }
  return feed;
}

export function eventsCalendar(base: string, c: TenantCommunity, events: Post[], locale: Locale): string {
  const name = localized(c, 'name', locale);
  const cal = ical({ name, prodId: { company: 'MMIS', product: 'website', language: locale.toUpperCase() }, timezone: 'Asia/Yerevan' });
  for (const e of events) {
    if (!e.starts_at) continue;
    cal.createEvent({
      id: `${c.slug}-event-${e.id}@mmis`,
      start: new Date(e.starts_at),
      end: new Date(e.ends_at ?? new Date(new Date(e.starts_at).getTime() + 3600_000).toISOString()),
      summary: pick(e, 'title', locale).text,
      description: summaryOf(e, locale).text,
      location: e.place_hy ?? name,
      url: absolute(base, postPath(c.slug, e)),
      stamp: new Date(e.updated_at),
    });
  }
  return cal.toString();
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface SitemapEntry {
  path: string;
  lastmod?: string;
  /** Languages with their own address (hreflang alternates in the sitemap). */
  languages: readonly Locale[];
}

export function sitemapXml(base: string, entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const alternates = e.languages.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xmlEscape(absolute(base, withLang(e.path, l)))}"/>`).join('');
    return `<url><loc>${xmlEscape(absolute(base, e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod.slice(0, 10)}</lastmod>` : ''}${alternates}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join('')}</urlset>\n`;
}

export function sitemapIndexXml(base: string, slugs: string[]): string {
  const items = slugs.map((s) => `<sitemap><loc>${xmlEscape(absolute(base, `/${s}/sitemap.xml`))}</loc></sitemap>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items}</sitemapindex>\n`;
}

/** Staff, account and API pages are not for search engines; the public site is. */
export function robotsTxt(sitemaps: string[]): string {
  return ['User-agent: *', 'Disallow: /*/staff', 'Disallow: /account', 'Disallow: /api/', 'Disallow: /signin', 'Disallow: /national', 'Disallow: /*/search', 'Allow: /', '', ...sitemaps.map((s) => `Sitemap: ${s}`), ''].join('\n');
}
