// Finding the community of a request: by its own domain name (rewritten to /{slug}/…)
// or by the /{slug} path. The platform knows communities only through CommunityDirectory,
// which the communities module implements (its manifest's `provides.communities`).
// The domain map is refreshed every few seconds, so a community added by another process
// or the CLI needs no restart.

/** What the platform needs of a community: tenancy, branding and contacts for the page shell. */
export interface TenantCommunity {
  id: number;
  slug: string;
  marz_id: string;
  name_hy: string;
  name_en: string;
  name_ru: string;
  phone: string | null;
  email: string | null;
  address_hy: string | null;
  address_en: string | null;
  address_ru: string | null;
  reception_hours_hy: string | null;
  reception_hours_en: string | null;
  reception_hours_ru: string | null;
  /** An SVG document; the layout shows /{slug}/coat-of-arms.svg when there is one. */
  coat_of_arms_svg: string | null;
  color_primary: string;
  color_accent: string;
  /** Changes with every edit of the community: part of every cached public page's key. */
  updated_at: string;
}

/** The communities as the platform sees them. */
export interface CommunityDirectory {
  bySlug(slug: string): Promise<TenantCommunity | null>;
  byId(id: number): Promise<TenantCommunity | null>;
  /** Every community's own domain names. */
  hosts(): Promise<{ host: string; slug: string }[]>;
  /** Drops anything cached, after an edit in this process. */
  forget(): void;
}

/** Top-level path segments that belong to the platform and can never be slugs. */
export const RESERVED_SLUGS = new Set([
  'api', 'static', 'healthz', 'metrics', 'signin', 'signout', 'register', 'account', 'national',
  'password', 'lang', 'verify', 'docs', 'favicon.ico', 'robots.txt', 'staff', 'admin', 'c', 'open311',
  'oparl', 'data.json', 'sitemap.xml',
]);

export class DomainMap {
  private map = new Map<string, string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly directory: Pick<CommunityDirectory, 'hosts'>,
    private readonly ttlMs = 5000,
  ) {}

  async refresh(): Promise<void> {
    const rows = await this.directory.hosts();
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
export class CachedCommunityDirectory implements CommunityDirectory {
  private readonly rows = new Map<string, { row: TenantCommunity; expires: number }>();

  constructor(
    private readonly source: CommunityDirectory,
    private readonly ttlMs = 1000,
  ) {}

  async bySlug(slug: string): Promise<TenantCommunity | null> {
    const now = Date.now();
    const hit = this.rows.get(slug);
    if (hit && hit.expires > now) return hit.row;
    const row = await this.source.bySlug(slug);
    if (!row) {
      this.rows.delete(slug);
      return null;
    }
    if (this.rows.size > 5000) this.rows.clear();
    this.rows.set(slug, { row, expires: now + this.ttlMs });
    return row;
  }

  byId(id: number): Promise<TenantCommunity | null> {
    return this.source.byId(id);
  }

  hosts(): Promise<{ host: string; slug: string }[]> {
    return this.source.hosts();
  }

  forget(): void {
    this.rows.clear();
    this.source.forget();
  }
}
