// Navigation built from the modules' manifests (NavEntry), filtered by the same access
// decision the routes use: an entry is shown exactly when its page would answer.
import type { Ctx } from '../http/context.ts';
import type { NavEntry } from '../module/contract.ts';
import type { Services } from '../module/contract.ts';
import { decide, type Actor } from '../policy/access.ts';
import type { NavLink } from './layout.tsx';

/** The entries of one area the actor may open, in order. The actor's community roles must be loaded. */
export function allowedNavEntries(services: Services, actor: Actor | null, area: NavEntry['area']): NavEntry[] {
  const seen = new Set<string>();
  return services.modules
    .flatMap((m) => m.nav ?? [])
    .filter((e) => e.area === area && decide(e.access, actor, services.permissions) === 'allow')
    .sort((a, b) => a.order - b.order)
    // Two modules naming the same page would show it twice; the first (lowest order) wins.
    .filter((e) => !seen.has(e.path) && Boolean(seen.add(e.path)));
}

/** Where an entry lives: /{slug}/staff{path} or /national{path}. */
export function navHref(entry: NavEntry, slug: string | null): string {
  return entry.area === 'backoffice' ? `/${slug}/staff${entry.path}` : `/national${entry.path}`;
}

/**
 * Nav links for the request's area; `current` is the path being shown. The entry whose
 * href is the longest prefix of it is marked current (so /staff/people/7 marks "Staff").
 */
export function navLinks(ctx: Ctx, area: NavEntry['area'], current: string): NavLink[] {
  const slug = ctx.community?.slug ?? null;
  const entries = allowedNavEntries(ctx.services, ctx.actor, area);
  const links = entries.map((e) => ({ href: navHref(e, slug), label: ctx.t(e.label) }));
  let best = -1;
  links.forEach((l, i) => {
    const matches = current === l.href || current.startsWith(`${l.href}/`);
    if (matches && (best < 0 || l.href.length > links[best]!.href.length)) best = i;
  });
  return links.map((l, i) => ({ ...l, current: i === best }));
}
