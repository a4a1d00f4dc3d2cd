// Reading the site's own content. What the public sees is decided here, in one place:
// published, its publish_at reached and its expires_at not yet, compared with the moment
// of the request, so a scheduled item appears on time without any job flipping a flag.
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { TenantDb } from '../../platform/db/tenant.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { PostKind, WebAttachmentsTable, WebMenuItemsTable, WebPostsTable } from './website.table.ts';

export type Post = Selectable<WebPostsTable>;
export type Attachment = Selectable<WebAttachmentsTable>;
export type MenuItem = Selectable<WebMenuItemsTable>;

/** Narrows a query of web_posts to what visitors may see at `now`. */
export function visibleAt<O>(qb: SelectQueryBuilder<Database, 'web_posts', O>, now: Date): SelectQueryBuilder<Database, 'web_posts', O> {
  const at = now.toISOString();
  return qb
    .where('web_posts.status', '=', 'published')
    .where('web_posts.publish_at', '<=', at)
    .where((eb) => eb.or([eb('web_posts.expires_at', 'is', null), eb('web_posts.expires_at', '>', at)]));
}

export async function listVisible(tenant: TenantDb, kind: PostKind, now: Date, opts: { limit: number; offset?: number }): Promise<Post[]> {
  let qb = visibleAt(tenant.selectFrom('web_posts').selectAll(), now).where('kind', '=', kind);
  // Events: the coming ones first, by their start; the rest newest first.
  qb = kind === 'event'
    ? qb.where('starts_at', '>=', now.toISOString()).orderBy('starts_at', 'asc')
    : qb.orderBy('publish_at', 'desc');
  return qb.orderBy('id', 'desc').limit(opts.limit).offset(opts.offset ?? 0).execute();
}

export async function countVisible(tenant: TenantDb, kind: PostKind, now: Date): Promise<number> {
  let qb = visibleAt(tenant.selectFrom('web_posts').select((eb) => eb.fn.countAll<number>().as('n')), now).where('kind', '=', kind);
  if (kind === 'event') qb = qb.where('starts_at', '>=', now.toISOString());
  return Number((await qb.executeTakeFirstOrThrow()).n);
}

export async function findVisible(tenant: TenantDb, kind: PostKind, id: number, now: Date): Promise<Post | undefined> {
  return visibleAt(tenant.selectFrom('web_posts').selectAll(), now).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
}

export async function findVisiblePage(tenant: TenantDb, path: string, now: Date): Promise<Post | undefined> {
  return visibleAt(tenant.selectFrom('web_posts').selectAll(), now).where('kind', '=', 'page').where('path', '=', path).executeTakeFirst();
}

/** Everything visible (for the sitemap, the compliance check), without bodies. */
export async function allVisible(tenant: TenantDb, now: Date) {
  return visibleAt(tenant.selectFrom('web_posts').select(['id', 'kind', 'path', 'category', 'title_hy', 'title_en', 'title_ru', 'publish_at', 'updated_at', 'starts_at']), now)
    .orderBy('id').execute();
}

/** LIKE's wildcards and escape differ between the engines: a visitor's %, _ and \\ are dropped, not matched. */
function likeWord(q: string): string {
  return q.replace(/[\\%_]/g, '');
}

/** The site's own search: visible items whose title, summary or body holds the words. */
export async function searchVisible(tenant: TenantDb, q: string, now: Date, limit: number): Promise<Post[]> {
  const words = q.split(/\s+/).map(likeWord).filter((w) => w.length > 0).slice(0, 5);
  if (words.length === 0) return [];
  let qb = visibleAt(tenant.selectFrom('web_posts').selectAll(), now);
  for (const w of words) {
    // SQLite's lower() folds ASCII only, so the word is also matched as typed and lowercased.
    const forms = [...new Set([w, w.toLowerCase()])].map((f) => `%${f}%`);
    qb = qb.where((eb) => eb.or(
      (['title_hy', 'title_en', 'title_ru', 'summary_hy', 'summary_en', 'summary_ru', 'body_hy', 'body_en', 'body_ru'] as const)
        .flatMap((c) => forms.map((f) => eb(eb.fn('lower', [eb.ref(c)]), 'like', f))),
    ));
  }
  return qb.orderBy('publish_at', 'desc').limit(limit).execute();
}

/**
 * Changes whenever staff change anything on the site, and the moment a scheduled item's
 * publish_at or expires_at passes (the newest such moment already reached is part of it):
 * the shared pages' cache key, so a cached copy never hides an item that is due.
 */
export async function contentStamp(tenant: TenantDb, now = new Date()): Promise<string> {
  const at = now.toISOString();
  const [row, menu] = await Promise.all([
    tenant.selectFrom('web_posts').select((eb) => [
      eb.fn.max('updated_at').as('u'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.max(eb.case().when('publish_at', '<=', at).then(eb.ref('publish_at')).end()).as('p'),
      eb.fn.max(eb.case().when('expires_at', '<=', at).then(eb.ref('expires_at')).end()).as('e'),
    ]).executeTakeFirst(),
    tenant.selectFrom('web_menu_items').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('m')]).executeTakeFirst(),
  ]);
  return [row?.u, row?.n, row?.p, row?.e, menu?.n, menu?.m].map((v) => String(v ?? '')).join('/');
}

export async function attachmentsOf(tenant: TenantDb, postIds: number[]): Promise<Attachment[]> {
  if (postIds.length === 0) return [];
  return tenant.selectFrom('web_attachments').selectAll().where('post_id', 'in', postIds).orderBy('id').execute();
}

export async function listMenu(tenant: TenantDb): Promise<MenuItem[]> {
  return tenant.selectFrom('web_menu_items').selectAll().orderBy('sort_order').orderBy('id').execute();
}

/** Staff: every post of a kind, drafts included, newest change first. */
export async function listForStaff(tenant: TenantDb, kind: PostKind | undefined, limit: number, offset: number): Promise<Post[]> {
  let qb = tenant.selectFrom('web_posts').selectAll();
  if (kind) qb = qb.where('kind', '=', kind);
  return qb.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

export async function findPost(tenant: TenantDb, id: number): Promise<Post | undefined> {
  return tenant.selectFrom('web_posts').selectAll().where('id', '=', id).executeTakeFirst();
}
