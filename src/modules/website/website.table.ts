import type { Generated } from 'kysely';

export type PostKind = 'news' | 'announcement' | 'event' | 'page';
export const POST_KINDS: readonly PostKind[] = ['news', 'announcement', 'event', 'page'];

/**
 * Everything staff write for the site: news, announcements, events and pages. One table,
 * because they share the life cycle (draft → published at `publish_at` → expired at
 * `expires_at`), the editor, the feeds and the search; `kind` says which list shows it.
 * Bodies are HTML already sanitized on the way in (sanitize.ts), never raw input.
 */
export interface WebPostsTable {
  id: Generated<number>;
  community_id: number;
  kind: PostKind;
  /** A page's address under /{slug}/pages/… (null for news, announcements and events). */
  path: string | null;
  title_hy: string;
  title_en: string | null;
  title_ru: string | null;
  summary_hy: string | null;
  summary_en: string | null;
  summary_ru: string | null;
  body_hy: string | null;
  body_en: string | null;
  body_ru: string | null;
  /** The legally required category of content it fulfils (compliance.categories.ts), if any. */
  category: string | null;
  status: 'draft' | 'published';
  /** UTC instant it appears on the site; the public query compares it with now. */
  publish_at: string | null;
  /** UTC instant it leaves the site, if it has one. */
  expires_at: string | null;
  /** Events: when and where. */
  starts_at: string | null;
  ends_at: string | null;
  place_hy: string | null;
  /** The lead image: a JPEG made by images.ts (resized, metadata stripped), in the file store. */
  image_sha256: string | null;
  image_width: number | null;
  image_height: number | null;
  image_alt_hy: string | null;
  created_by_user_id: number | null;
  updated_by_user_id: number | null;
  published_by_user_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A file attached to a post (a decision's PDF, a form), shown with its type and size. */
export interface WebAttachmentsTable {
  id: Generated<number>;
  community_id: number;
  post_id: number;
  sha256: string;
  filename: string;
  mime: string;
  bytes: number;
  created_at: string;
}

/** The site's main menu, as staff arrange it. */
export interface WebMenuItemsTable {
  id: Generated<number>;
  community_id: number;
  label_hy: string;
  label_en: string | null;
  label_ru: string | null;
  /** A path on the site (/sisian/pages/tourism) or an https:// address. */
  href: string;
  sort_order: number;
  created_at: string;
}

export interface WebsiteTables {
  web_posts: WebPostsTable;
  web_attachments: WebAttachmentsTable;
  web_menu_items: WebMenuItemsTable;
}
