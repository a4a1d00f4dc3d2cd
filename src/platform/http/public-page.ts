// Public community pages shared by anonymous visitors through the page cache.
import type { Ctx } from './context.ts';

/**
 * The HTML of a community's public page: anonymous visitors share a copy for a few seconds,
 * keyed by `name`, the community, its updated_at, `stamp` (whatever else changes the page,
 * asked for only when the cache is used) and the language; signed-in people get theirs fresh.
 */
export async function sharedPublicPage(ctx: Ctx, name: string, render: () => Promise<string>, stamp?: () => Promise<string>): Promise<string> {
  const community = ctx.requireCommunity();
  if (ctx.actor) return render();
  const parts = [name, community.id, community.updated_at, ...(stamp ? [await stamp()] : []), ctx.locale];
  return ctx.services.pageCache.get(parts.join(':'), render);
}
