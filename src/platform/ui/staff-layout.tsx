// The shell of every back-office page (/{slug}/staff/…): the layout with the back office's
// navigation by module (from the manifests' nav entries the actor may use), the current
// module's pages under it, the one search box, and breadcrumbs that start at the community.
// Any module's staff page can use it.
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../http/context.ts';
import { localized } from '../i18n/index.ts';
import { Layout, type Crumb } from './layout.tsx';
import { navGroups, navLinks, type NavLink } from './nav.ts';
import { withNoticesLink } from '../notify/notices.nav.ts';
import { allowedSearchProviders } from '../module/search.ts';

export function StaffLayout({ ctx, title, path, crumbs = [], children }: { ctx: Ctx; title: string; path: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  const c = ctx.requireCommunity();
  const base = `/${c.slug}/staff`;
  const breadcrumbs: Crumb[] = [
    { href: `/${c.slug}`, label: localized(c, 'name', ctx.locale) },
    ...(path === base ? [{ label: ctx.t('nav.backOffice') }] : [{ href: base, label: ctx.t('nav.backOffice') }, ...crumbs]),
  ];
  const groups = navGroups(ctx, 'backoffice', path);
  const top: NavLink[] = withNoticesLink(ctx, groups.map((g) => ({ href: g.href, label: g.label, current: g.current })), path);
  const noticesCurrent = top.some((l) => l.current && !groups.some((g) => g.href === l.href));
  const open = noticesCurrent ? undefined : groups.find((g) => g.current);
  const providers = allowedSearchProviders(ctx);
  const search = providers.length > 0
    ? { action: `${base}/search`, label: ctx.t('ui.search.label'), placeholder: providers.map((p) => ctx.t(p.label)).join(', ') }
    : undefined;
  return (
    <Layout
      ctx={ctx}
      title={title}
      path={path}
      nav={top}
      {...(open ? { subnav: { label: ctx.t('nav.sectionPages'), links: open.links } } : {})}
      {...(search ? { search } : {})}
      breadcrumbs={breadcrumbs}
    >
      {children}
    </Layout>
  );
}

/** The shell of the national console (/national/…): few pages, so one flat row. */
export function NationalLayout({ ctx, title, path, crumbs = [], children }: { ctx: Ctx; title: string; path: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  const breadcrumbs: Crumb[] = path === '/national' ? [] : [{ href: '/national', label: ctx.t('nav.national') }, ...crumbs];
  return (
    <Layout ctx={ctx} title={title} path={path} nav={navLinks(ctx, 'national', path)} breadcrumbs={breadcrumbs}>
      {children}
    </Layout>
  );
}
