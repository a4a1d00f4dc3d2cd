// The page shell every screen uses: skip link, header with the community's name and
// coat of arms, language switch, navigation, breadcrumbs, main, footer.
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../http/context.ts';
import { LOCALES, localized } from '../i18n/index.ts';

export interface Crumb {
  href?: string;
  label: string;
}

export interface NavLink {
  href: string;
  label: string;
  current?: boolean;
}

export interface LayoutProps {
  ctx: Ctx;
  title: string;
  breadcrumbs?: Crumb[];
  nav?: NavLink[];
  /** The current URL path, so the language switch returns here. */
  path?: string;
  children: ComponentChildren;
}

const LANGUAGE_NAMES = { hy: 'Հայերեն', en: 'English', ru: 'Русский' } as const;

export function Layout({ ctx, title, breadcrumbs, nav, path, children }: LayoutProps) {
  const { t, community, actor } = ctx;
  const siteName = community ? localized(community, 'name', ctx.locale) : t('app.name');
  const home = community ? `/${community.slug}` : '/';
  const back = encodeURIComponent(path ?? home);
  const brand = community
    ? `:root{--brand:${community.color_primary};--accent:${community.color_accent}}`
    : '';
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${siteName}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
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
              <span>{siteName}</span>
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
            <nav class="account" aria-label={t('nav.myAccount')}>
              {actor ? (
                <form method="post" action="/signout">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <a href="/account">{actor.name}</a> <button type="submit" class="link-button">{t('nav.signOut')}</button>
                </form>
              ) : (
                <a href="/signin">{t('nav.signIn')}</a>
              )}
            </nav>
          </div>
          {nav && nav.length > 0 && (
            <nav class="main-nav" aria-label={t('nav.main')}>
              <ul class="container">
                {nav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.current ? 'page' : undefined}>{n.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {breadcrumbs && breadcrumbs.length > 0 && (
          <nav class="container breadcrumbs" aria-label={t('nav.breadcrumbs')}>
            <ol>
              {breadcrumbs.map((c) => (
                <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            {t('app.name')} · {t('app.tagline')}
          </div>
        </footer>
      </body>
    </html>
  );
}
