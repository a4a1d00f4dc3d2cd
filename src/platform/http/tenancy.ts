// Finding the community of a request: by its own domain name (rewritten to /{slug}/…)
// or by the /{slug} path. The domain map is refreshed from the database every few
// seconds, so a community added by another process or the CLI needs no restart.
import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CommunitiesTable } from '../../modules/communities/communities.table.ts';

type CommunityRow = Selectable<CommunitiesTable>;

/** Top-level path segments that belong to the platform and can never be slugs. */
export const RESERVED_SLUGS = new Set([
  'api', 'static', 'healthz', 'metrics', 'signin', 'signout', 'register', 'account', 'national',
  'password', 'lang', 'verify', 'docs', 'favicon.ico', 'robots.txt', 'staff', 'admin', 'c', 'open311',
]);

export class DomainMap {
  private map = new Map<string, string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5000,
  ) {}

  async refresh(): Promise<void> {
    const rows = await this.db.kysely
      .selectFrom('community_domains')
      .innerJoin('communities', 'communities.id', 'community_domains.community_id')
      .select(['community_domains.host', 'communities.slug'])
      .execute();
    this.map = new Map(rows.map((r) => [r.host.toLowerCase(), r.slug]));
    this.loadedAt = Date.now();
  }

  /** Refreshes in the background when stale; the request uses the map it has. */
  maybeRefresh(): void {
    if (Date.now() - this.loadedAt < this.ttlMs || this.loading) return;
    this.loading = this.refresh()
      .catch(() => undefined)
      .finally(() => {
        this.loading = null;
      });
  }

  slugFor(host: string | undefined): string | undefined {
    if (!host) return undefined;
    return this.map.get(host.toLowerCase().replace(/:\d+$/, ''));
  }
}

/** Rewrites a request on a community's own domain to the /{slug} form the routes use. */
export function rewriteForDomain(url: string, slug: string | undefined): string {
  if (!slug) return url;
  const first = url.split(/[/?#]/)[1] ?? '';
  if (first === slug || RESERVED_SLUGS.has(first)) return url;
  return url === '/' ? `/${slug}` : `/${slug}${url}`;
}

/**
 * Community rows by slug, kept for a second. Every request under /{slug} needs its
 * community; reading it from the database each time was the main query cost of a public
 * page view. Unknown slugs are not cached, so a new community answers at once; an edit
 * calls forget() in the process that made it, and other processes see it within `ttlMs`.
 */
export class CommunityCache {
  private readonly rows = new Map<string, { row: CommunityRow; expires: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 1000,
  ) {}

  async bySlug(slug: string): Promise<CommunityRow | null> {
    const now = Date.now();
    const hit = this.rows.get(slug);
    if (hit && hit.expires > now) return hit.row;
    const row = await this.db.kysely.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!row) {
      this.rows.delete(slug);
      return null;
    }
    if (this.rows.size > 5000) this.rows.clear();
    this.rows.set(slug, { row, expires: now + this.ttlMs });
    return row;
  }

  forget(): void {
    this.rows.clear();
  }
}
