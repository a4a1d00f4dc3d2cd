// The shell of every back-office page (/{slug}/staff/…): the layout with the back-office
// navigation (from the modules' nav entries the actor may use) and breadcrumbs that start
// at the community. Any module's staff page can use it.
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../http/context.ts';
import { localized } from '../i18n/index.ts';
import { Layout, type Crumb } from './layout.tsx';
import { navLinks } from './nav.ts';
import { withNoticesLink } from '../notify/notices.nav.ts';

export function StaffLayout({ ctx, title, path, crumbs = [], children }: { ctx: Ctx; title: string; path: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  const c = ctx.requireCommunity();
  const base = `/${c.slug}/staff`;
  const breadcrumbs: Crumb[] = [
    { href: `/${c.slug}`, label: localized(c, 'name', ctx.locale) },
    ...(path === base ? [{ label: ctx.t('nav.backOffice') }] : [{ href: base, label: ctx.t('nav.backOffice') }, ...crumbs]),
  ];
  return (
    <Layout ctx={ctx} title={title} path={path} nav={withNoticesLink(ctx, navLinks(ctx, 'backoffice', path), path)} breadcrumbs={breadcrumbs}>
      {children}
    </Layout>
  );
}

/** The shell of the national console (/national/…). */
export function NationalLayout({ ctx, title, path, crumbs = [], children }: { ctx: Ctx; title: string; path: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  const breadcrumbs: Crumb[] = path === '/national' ? [] : [{ href: '/national', label: ctx.t('nav.national') }, ...crumbs];
  return (
    <Layout ctx={ctx} title={title} path={path} nav={navLinks(ctx, 'national', path)} breadcrumbs={breadcrumbs}>
      {children}
    </Layout>
  );
}
