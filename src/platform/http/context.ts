// The per-request context (`req.ctx`): who is asking, in which community and language,
// and the database handles they may use. Built by hooks in app.ts before any handler.
import type { FastifyRequest } from 'fastify';
import type { Services } from '../module/contract.ts';
import type { Actor } from '../policy/access.ts';
import { TenantDb } from '../db/tenant.ts';
import { translator, type Locale, type Translate } from '../i18n/index.ts';
import type { AuditActor } from '../audit/audit.ts';
import type { TenantCommunity } from './tenancy.ts';
import type { RouteKind, UploadSpec } from './route.ts';
import type { RequestScope } from '../module/contract.ts';

/** The request's community as the platform sees it (the communities module owns the rest). */
export type CommunityRow = TenantCommunity;

export interface SessionInfo {
  id: string;
  csrfToken: string;
}

export class Ctx implements RequestScope {
  actor: Actor | null = null;
  session: SessionInfo | null = null;
  community: CommunityRow | null = null;
  /** The reader's unread in-app notices here, for the back-office header (loaded for staff pages only). */
  unreadNotices: number | null = null;
  private csrf: string | null = null;
  /** Issues the visitor cookie the first time a page needs a token (set by hooks.ts). */
  issueVisitorToken: () => string = () => '';

  /**
   * The token forms must echo back: the session's, or the visitor cookie's before sign-in.
   * Made on first use, so pages without forms (the cached public pages) set no cookie.
   */
  get csrfToken(): string {
    if (this.csrf === null) this.csrf = this.issueVisitorToken();
    return this.csrf;
  }

  set csrfToken(value: string) {
    this.csrf = value;
  }
  locale: Locale;
  t: Translate;
  kind: RouteKind = 'page';

  constructor(
    readonly services: Services,
    readonly requestId: string,
    readonly ip: string,
    locale: Locale,
  ) {
    this.locale = locale;
    this.t = translator(locale);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.t = translator(locale);
  }

  get db() {
    return this.services.db.kysely;
  }

  /** The community of this request; throws when the route has none (a programming error). */
  requireCommunity(): CommunityRow {
    if (!this.community) throw new Error('This route has no community: it must be under /:slug');
    return this.community;
  }

  /** The tenant-scoped handle for the request's community (ARCHITECTURE rule 1). */
  tenant(): TenantDb {
    return new TenantDb(this.db, this.requireCommunity().id);
  }

  auditActor(): AuditActor {
    const via = this.actor?.via === 'token' ? ' (API)' : '';
    return {
      userId: this.actor?.userId ?? null,
      label: this.actor ? `${this.actor.name}${via}` : 'anonymous',
      ip: this.ip,
      requestId: this.requestId,
    };
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    access?: string;
    kind?: RouteKind;
    csrfExempt?: boolean;
    upload?: UploadSpec;
  }
}

export function ctxOf(req: FastifyRequest): Ctx {
  return req.ctx;
}
