// A tiny browser for tests: keeps cookies, reads the CSRF token of a form page and
// posts form-urlencoded bodies, all through app.inject.
import type { App } from '../../app.ts';

export interface Res {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: App) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: { cookies: { name: string; value: string; maxAge?: number; expires?: Date }[] }): void {
    for (const c of res.cookies) {
      const gone = c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Res> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    return res;
  }

  /** The `_csrf` value of the first form on a page. */
  static csrfOf(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no _csrf field on the page');
    return m[1]!;
  }

  /** GETs `formUrl`, then POSTs `fields` (plus its _csrf unless `csrf: false`) to `action`. */
  async submit(formUrl: string, action: string, fields: Record<string, string>, opts: { csrf?: boolean } = {}): Promise<Res> {
    const page = await this.get(formUrl);
    const csrf = opts.csrf === false ? undefined : Browser.csrfOf(page.body);
    return this.post(action, csrf ? { ...fields, _csrf: csrf } : fields);
  }

  async post(url: string, fields: Record<string, string>): Promise<Res> {
    return this.postRaw(url, new URLSearchParams(fields).toString());
  }

  async postRaw(url: string, payload: string): Promise<Res> {
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload,
    });
    this.keep(res);
    return res;
  }

  async signIn(identifier: string, password: string, next?: string): Promise<Res> {
    return this.submit('/signin', '/signin', { identifier, password, ...(next ? { next } : {}) });
  }
}
