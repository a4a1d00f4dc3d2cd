// The page shell every screen uses: skip link, header with the community's coat of arms
// and name, language switch, account links, main navigation, breadcrumbs, main, and a
// footer with the community's contacts. The community's colours arrive as CSS variables.
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../http/context.ts';
import { LOCALES, localized } from '../i18n/index.ts';
import { Breadcrumbs, type Crumb } from './components.tsx';
import type { NavLink } from './nav.ts';

export type { Crumb } from './components.tsx';

export type { NavLink } from './nav.ts';

/** The back office's one search box, in the navigation bar. */
export interface HeaderSearch {
  action: string;
  label: string;
  /** What can be found, e.g. "residents, addresses, cases". */
  placeholder: string;
  value?: string;
}

export interface LayoutProps {
  ctx: Ctx;
  title: string;
  breadcrumbs?: Crumb[];
  nav?: NavLink[];
  /** The pages of the current section (a module's pages), under the main navigation. */
  subnav?: { label: string; links: NavLink[] };
  search?: HeaderSearch;
  /** The current URL path, so the language switch returns here. */
  path?: string;
  children: ComponentChildren;
}

const LANGUAGE_NAMES = { hy: 'Հայերեն', en: 'English', ru: 'Русский' } as const;
const HEX = /^#[0-9a-fA-F]{6}$/;

export function Layout({ ctx, title, breadcrumbs, nav, subnav, search, path, children }: LayoutProps) {
  const { t, community, actor } = ctx;
  const siteName = community ? localized(community, 'name', ctx.locale) : t('app.name');
  const home = community ? `/${community.slug}` : '/';
  const back = encodeURIComponent(path ?? home);
  // Colours are validated on input; checked again here because they land inside <style>.
  const brand =
    community && HEX.test(community.color_primary) && HEX.test(community.color_accent)
      ? `:root{--brand:${community.color_primary};--accent:${community.color_accent}}`
      : '';
  const inBackOffice = Boolean(community && actor && actor.communityRoles.length > 0);
  const national = Boolean(actor && actor.nationalRoles.length > 0);
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${siteName}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {brand && <style>{brand}</style>}
      </head>
      <body>
        <a class="skip-link" href="#main">{t('nav.skip')}</a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={home}>
              {community?.coat_of_arms_svg && (
                <img src={`/${community.slug}/coat-of-arms.svg`} alt="" width="40" height="48" />
              )}
              <span class="brand-text">
                <span class="brand-name">{siteName}</span>
                {community && <span class="brand-sub">{t('app.name')}</span>}
              </span>
            </a>
            <nav class="lang" aria-label={t('nav.language')}>
              <ul>
                {LOCALES.map((l) => (
                  <li>
                    <a href={`/lang/${l}?back=${back}`} lang={l} hrefLang={l} aria-current={l === ctx.locale ? 'true' : undefined}>
                      {LANGUAGE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav class="account" aria-label={t('ui.account')}>
              {actor ? (
                <form method="post" action="/signout">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  {inBackOffice && <a href={`/${community!.slug}/staff`}>{t('nav.backOffice')}</a>}
                  {national && <a href="/national">{t('nav.national')}</a>}
                  <a href="/account">{actor.name}</a>
                  <button type="submit" class="link-button">{t('nav.signOut')}</button>
                </form>
              ) : (
                <a href={`/signin?next=${back}`}>{t('nav.signIn')}</a>
              )}
            </nav>
          </div>
          {nav && nav.length > 0 && (
            <nav class="main-nav" aria-label={t('nav.main')}>
              <div class="container main-nav-row">
                <ul>
                  {nav.map((n) => (
                    <li>
                      <a href={n.href} aria-current={n.current ? 'page' : undefined}>{n.label}</a>
                    </li>
                  ))}
                </ul>
                {search && (
                  <form class="header-search" method="get" action={search.action} role="search" aria-label={search.label}>
                    <label for="header-q" class="visually-hidden">{search.label}</label>
                    <input id="header-q" name="q" type="search" value={search.value ?? ''} placeholder={search.placeholder} maxLength={100} autocomplete="off" />
                    <button type="submit">{t('ui.search.go')}</button>
                  </form>
                )}
              </div>
            </nav>
          )}
          {subnav && subnav.links.length > 1 && (
            <nav class="sub-nav" aria-label={subnav.label}>
              <ul class="container">
                {subnav.links.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.current ? 'page' : undefined}>{n.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {breadcrumbs && <Breadcrumbs t={t} crumbs={breadcrumbs} />}
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            {community && <CommunityContacts ctx={ctx} />}
            <p>{t('app.name')} · {t('app.tagline')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function CommunityContacts({ ctx }: { ctx: Ctx }) {
  const { t, locale } = ctx;
  const c = ctx.community!;
  const address = localized(c, 'address', locale);
  const hours = localized(c, 'reception_hours', locale);
  return (
    <section class="footer-contacts" aria-labelledby="footer-contacts">
      <h2 id="footer-contacts">{t('ui.footer.contacts')}</h2>
      <dl>
        {address && (<div><dt>{t('ui.footer.address')}</dt><dd>{address}</dd></div>)}
        {c.phone && (<div><dt>{t('ui.footer.phone')}</dt><dd><a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a></dd></div>)}
        {c.email && (<div><dt>{t('ui.footer.email')}</dt><dd><a href={`mailto:${c.email}`}>{c.email}</a></dd></div>)}
        {hours && (<div><dt>{t('ui.footer.hours')}</dt><dd class="pre-line">{hours}</dd></div>)}
      </dl>
    </section>
  );
}
