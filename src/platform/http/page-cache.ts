// A short-lived cache of whole public pages as anonymous visitors see them. Keys carry
// what changes the page (community, its updated_at, language), so an edit shows at once
// in this process; anything not in the key is at most `ttlMs` old, in any process.
// Signed-in people never get cached pages: theirs carry names and CSRF tokens.
export class PageCache {
  private readonly entries = new Map<string, { html: string; expires: number }>();

  constructor(
    private readonly ttlMs = 5000,
    private readonly maxEntries = 2000,
  ) {}

  async get(key: string, render: () => Promise<string>): Promise<string> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.html;
    const html = await render();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { html, expires: now + this.ttlMs });
    return html;
  }

  clear(): void {
    this.entries.clear();
  }
}
