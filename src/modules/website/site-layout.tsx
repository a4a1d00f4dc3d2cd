// The shell of the community's public website. Like the platform's Layout (same stylesheet,
// skip link, header, footer with contacts), plus what a public site needs in <head>: the
// canonical address, hreflang alternates for each language the page exists in, Open Graph,
// schema.org JSON-LD and the feeds; and a language switch that keeps the visitor on the page.
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../../platform/http/context.ts';
import { LOCALES, localized, type Locale, type MessageKey } from '../../platform/i18n/index.ts';
import { Breadcrumbs, type Crumb } from '../../platform/ui/components.tsx';
import type { MenuItem } from './posts.queries.ts';
import { absolute, sitePath, withLang } from './site-urls.ts';
import { SITE_CSS } from './site.css.ts';

const LANGUAGE_NAMES = { hy: 'Հայերեն', en: 'English', ru: 'Русский' } as const;
const HEX = /^#[0-9a-fA-F]{6}$/;

export interface SiteHead {
  /** The page's path without a query, e.g. /sisian/news/12. */
  path: string;
  description?: string;
  /** Languages the page's own content exists in (the interface is in all three). */
  languages?: readonly Locale[];
  ogType?: 'website' | 'article';
  image?: string;
  jsonLd?: object[];
  feeds?: { title: string; href: string; type: 'application/rss+xml' | 'application/atom+xml' }[];
  /** Staff previews and search results are not for search engines. */
  noindex?: boolean;
}

/** JSON inside <script>: `<` escaped so no text can close the element. */
function scriptJson(v: object): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

export function SiteLayout({ ctx, title, head, menu, crumbs, children }: { ctx: Ctx; title: string; head: SiteHead; menu: MenuItem[]; crumbs?: Crumb[]; children: ComponentChildren }) {
  const { t, locale, actor } = ctx;
  const c = ctx.requireCommunity();
  const name = localized(c, 'name', locale);
  const languages = head.languages ?? LOCALES;
  const brand = HEX.test(c.color_primary) && HEX.test(c.color_accent) ? `:root{--brand:${c.color_primary};--accent:${c.color_accent}}` : '';
  const here = sitePath(c, '');
  const base = ctx.services.config.publicUrl;
  const inBackOffice = Boolean(actor && actor.communityRoles.length > 0);
  const sections = [
    { href: sitePath(c, '/news'), label: t('website.nav.news') },
    { href: sitePath(c, '/announcements'), label: t('website.nav.announcements') },
    { href: sitePath(c, '/events'), label: t('website.nav.events') },
    { href: sitePath(c, '/about'), label: t('website.nav.about') },
    { href: sitePath(c, '/staff-directory'), label: t('website.nav.staff') },
    ...menu.map((m) => ({ href: m.href, label: localized(m, 'label', locale) })),
  ];
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.path === here ? name : `${title} — ${name}`}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={absolute(base, withLang(head.path, locale))} />
        {languages.map((l) => <link rel="alternate" hrefLang={l} href={absolute(base, withLang(head.path, l))} />)}
        <link rel="alternate" hrefLang="x-default" href={absolute(base, head.path)} />
        <meta property="og:title" content={title} />
        <meta property="og:site_name" content={name} />
        <meta property="og:type" content={head.ogType ?? 'website'} />
        <meta property="og:url" content={absolute(base, withLang(head.path, locale))} />
        <meta property="og:locale" content={{ hy: 'hy_AM', en: 'en_US', ru: 'ru_RU' }[locale]} />
        {head.description && <meta property="og:description" content={head.description} />}
        {head.image && <meta property="og:image" content={absolute(base, head.image)} />}
        {(head.feeds ?? []).map((f) => <link rel="alternate" type={f.type} title={f.title} href={f.href} />)}
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <style>{brand + SITE_CSS}</style>
        {(head.jsonLd ?? []).map((j) => <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(j) }} />)}
      </head>
      <body>
        <a class="skip-link" href="#main">{t('nav.skip')}</a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={here}>
              {c.coat_of_arms_svg && <img src={`/${c.slug}/coat-of-arms.svg`} alt="" width="40" height="48" />}
              <span class="brand-text">
                <span class="brand-name">{name}</span>
                <span class="brand-sub">{t('website.officialSite')}</span>
              </span>
            </a>
            <nav class="lang" aria-label={t('nav.language')}>
              <ul>
                {LOCALES.map((l) => (
                  <li>
                    <a href={withLang(head.path, l)} lang={l} hrefLang={l} aria-current={l === locale ? 'true' : undefined}>{LANGUAGE_NAMES[l]}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav class="account" aria-label={t('ui.account')}>
              {inBackOffice && <a href={`/${c.slug}/staff`}>{t('nav.backOffice')}</a>}
              {actor ? <a href="/account">{actor.name}</a> : <a href={`/signin?next=${encodeURIComponent(head.path)}`}>{t('nav.signIn')}</a>}
            </nav>
          </div>
          <nav class="main-nav" aria-label={t('nav.main')}>
            <div class="container main-nav-row">
              <ul>
                {sections.map((s) => <li><a href={s.href} aria-current={s.href === head.path ? 'page' : undefined}>{s.label}</a></li>)}
              </ul>
              <form class="header-search" method="get" action={sitePath(c, '/search')} role="search" aria-label={t('website.search.label')}>
                <label for="site-q" class="visually-hidden">{t('website.search.label')}</label>
                <input id="site-q" name="q" type="search" maxLength={100} />
                <button type="submit">{t('ui.search.go')}</button>
              </form>
            </div>
          </nav>
        </header>
        {crumbs && crumbs.length > 0 && <Breadcrumbs t={t} crumbs={[{ href: here, label: name }, ...crumbs]} />}
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter ctx={ctx} />
      </body>
    </html>
  );
}

function SiteFooter({ ctx }: { ctx: Ctx }) {
  const { t, locale } = ctx;
  const c = ctx.requireCommunity();
  const address = localized(c, 'address', locale);
  const hours = localized(c, 'reception_hours', locale);
  const contacts: [MessageKey, ComponentChildren][] = [];
  if (address) contacts.push(['ui.footer.address', address]);
  if (c.phone) contacts.push(['ui.footer.phone', <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a>]);
  if (c.email) contacts.push(['ui.footer.email', <a href={`mailto:${c.email}`}>{c.email}</a>]);
  if (hours) contacts.push(['ui.footer.hours', hours]);
  return (
    <footer class="site-footer">
      <div class="container">
        <section class="footer-contacts" aria-labelledby="footer-contacts">
          <h2 id="footer-contacts">{t('ui.footer.contacts')}</h2>
          <dl>
            {contacts.map(([label, value]) => <div><dt>{t(label)}</dt><dd class={label === 'ui.footer.hours' ? 'pre-line' : undefined}>{value}</dd></div>)}
          </dl>
        </section>
        <p class="inline-links">
          <a href={sitePath(c, '/news/feed.rss')}>RSS</a> · <a href={sitePath(c, '/news/feed.atom')}>Atom</a> · <a href={sitePath(c, '/events.ics')}>{t('website.ical')}</a> · <a href={`/${c.slug}/sitemap.xml`}>{t('website.sitemap')}</a>
        </p>
        <p>{t('app.name')} · {t('app.tagline')}</p>
      </div>
    </footer>
  );
}
