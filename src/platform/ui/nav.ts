// Navigation built from the modules' manifests (NavEntry), filtered by the same access
// decision the routes use: an entry is shown exactly when its page would answer. The back
// office is grouped by module (the manifest's `title`): one top-level entry per module, its
// pages inside it, so five more modules add five entries, not twenty-five.
import type { Ctx } from '../http/context.ts';
import type { ModuleManifest, NavEntry, Services } from '../module/contract.ts';
import { decide, type Actor } from '../policy/access.ts';
import type { MessageKey } from '../i18n/index.ts';

export interface NavLink {
  href: string;
  label: string;
  current?: boolean;
}

/** One module's group: its name, where its name links (its first page) and its pages. */
export interface NavGroup extends NavLink {
  key: string;
  links: NavLink[];
}

interface PlacedEntry extends NavEntry {
  groupKey: string;
}

/** The entries of one area the actor may open, in order, each with the group it belongs to. */
function placedEntries(services: Pick<Services, 'modules' | 'permissions'>, actor: Actor | null, area: NavEntry['area']): PlacedEntry[] {
  const seen = new Set<string>();
  return services.modules
    .flatMap((m) => (m.nav ?? []).map((e) => ({ ...e, groupKey: e.group ?? m.name })))
    .filter((e) => e.area === area && decide(e.access, actor, services.permissions) === 'allow')
    .sort((a, b) => a.order - b.order)
    // Two modules naming the same page would show it twice; the first (lowest order) wins.
    .filter((e) => !seen.has(e.path) && Boolean(seen.add(e.path)));
}

/** The entries of one area the actor may open, in order. The actor's community roles must be loaded. */
export function allowedNavEntries(services: Pick<Services, 'modules' | 'permissions'>, actor: Actor | null, area: NavEntry['area']): NavEntry[] {
  return placedEntries(services, actor, area);
}

const AREA_ROOT: Record<Exclude<NavEntry['area'], 'backoffice'>, string> = { national: '/national', account: '/account' };

/** Where an entry lives: /{slug}/staff{path}, /national{path} or /account{path}. */
export function navHref(entry: NavEntry, slug: string | null): string {
  return entry.area === 'backoffice' ? `/${slug}/staff${entry.path}` : `${AREA_ROOT[entry.area]}${entry.path}`;
}

/** Index of the link whose href is the longest prefix of `current` (so /staff/people/7 marks "Staff"). */
function currentIndex(links: NavLink[], current: string): number {
  let best = -1;
  links.forEach((l, i) => {
    const matches = current === l.href || current.startsWith(`${l.href}/`);
    if (matches && (best < 0 || l.href.length > links[best]!.href.length)) best = i;
  });
  return best;
}

/** Nav links for the request's area, flat; `current` is the path being shown. */
export function navLinks(ctx: Ctx, area: NavEntry['area'], current: string): NavLink[] {
  const slug = ctx.community?.slug ?? null;
  const links = allowedNavEntries(ctx.services, ctx.actor, area).map((e) => ({ href: navHref(e, slug), label: ctx.t(e.label) }));
  const best = currentIndex(links, current);
  return links.map((l, i) => ({ ...l, current: i === best }));
}

function titleOf(modules: readonly ModuleManifest[], key: string): MessageKey | undefined {
  return modules.find((m) => m.name === key)?.title;
}

/**
 * The area's navigation by module. A group is current when one of its pages is; the group's
 * own link goes to its first page. A module without a title whose only page is, say, the
 * dashboard, is a group of one named by that page.
 */
export function navGroups(ctx: Ctx, area: NavEntry['area'], current: string): NavGroup[] {
  const slug = ctx.community?.slug ?? null;
  const entries = placedEntries(ctx.services, ctx.actor, area);
  const links = entries.map((e) => ({ href: navHref(e, slug), label: ctx.t(e.label) }));
  const best = currentIndex(links, current);
  const groups = new Map<string, NavGroup>();
  entries.forEach((e, i) => {
    const link = { ...links[i]!, current: i === best };
    const group = groups.get(e.groupKey);
    if (group) {
      group.links.push(link);
      group.current ||= link.current;
      return;
    }
    const title = titleOf(ctx.services.modules, e.groupKey);
    groups.set(e.groupKey, { key: e.groupKey, href: link.href, label: title ? ctx.t(title) : link.label, current: link.current, links: [link] });
  });
  return [...groups.values()];
}
