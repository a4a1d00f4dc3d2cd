// The back-office header's link to the reader's notices, with the unread count.
import type { Ctx } from '../http/context.ts';
import type { NavLink } from '../ui/nav.ts';

/** "Notices (3 unread)"; when it is the page shown, it alone is marked current. */
export function withNoticesLink(ctx: Ctx, links: NavLink[], currentPath: string): NavLink[] {
  if (ctx.unreadNotices === null) return links;
  const href = `/${ctx.requireCommunity().slug}/staff/notices`;
  const current = currentPath === href || currentPath.startsWith(`${href}/`);
  const unread = ctx.unreadNotices;
  return [
    ...(current ? links.map((l) => ({ ...l, current: false })) : links),
    { href, label: unread > 0 ? ctx.t('notify.nav.unread', { count: unread }) : ctx.t('notify.nav'), current },
  ];
}
