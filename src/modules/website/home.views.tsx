// The community's home page: news, announcements and coming events from the site itself;
// then every section other modules publish (services, performance, and whatever later
// modules publish: decisions, budget, problems) rendered alike without naming them; the
// citizen's own affairs when signed in; contacts and reception hours.
import type { Ctx } from '../../platform/http/context.ts';
import { localized } from '../../platform/i18n/index.ts';
import type { PublishedSection } from '../../platform/module/publications.ts';
import type { WorkItem } from '../../platform/module/contract.ts';
import { formatNumber } from '../../platform/i18n/index.ts';
import type { MenuItem, Post } from './posts.queries.ts';
import { SiteLayout } from './site-layout.tsx';
import { PostTeaser } from './posts.views.tsx';
import { sitePath } from './site-urls.ts';

export interface HomeData {
  news: Post[];
  announcements: Post[];
  events: Post[];
  sections: PublishedSection[];
  work: WorkItem[];
  head: string | null;
  menu: MenuItem[];
  jsonLd: object[];
}

function PostSection({ ctx, id, title, posts, more }: { ctx: Ctx; id: string; title: string; posts: Post[]; more: string }) {
  if (posts.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="post-list">{posts.map((p) => <PostTeaser ctx={ctx} post={p} />)}</ul>
      <p><a href={more}>{ctx.t('website.home.all', { section: title })}</a></p>
    </section>
  );
}

function Published({ ctx, sections }: { ctx: Ctx; sections: PublishedSection[] }) {
  const c = ctx.requireCommunity();
  return (
    <>
      {sections.filter((s) => s.items.length > 0).map((s) => {
        const id = `section-${s.publication.kind.replace(/\W/g, '-')}`;
        const more = s.publication.url?.(c);
        return (
          <section aria-labelledby={id}>
            <h2 id={id}>{ctx.t(s.publication.label)}</h2>
            <ul class="post-list">
              {s.items.map((item) => (
                <li lang={item.language === ctx.locale ? undefined : item.language}>
                  <a href={item.url}>{item.title}</a>
                  {item.summary && <p class="muted">{item.summary.length > 160 ? `${item.summary.slice(0, 150).replace(/\s+\S*$/u, '')}…` : item.summary}</p>}
                </li>
              ))}
            </ul>
            {more && s.items.length > 1 && <p><a href={more}>{ctx.t('website.home.all', { section: ctx.t(s.publication.label) })}</a></p>}
          </section>
        );
      })}
    </>
  );
}

function CitizenWork({ ctx, work }: { ctx: Ctx; work: WorkItem[] }) {
  const { t } = ctx;
  if (!ctx.actor) return null;
  return (
    <section aria-labelledby="my-affairs">
      <h2 id="my-affairs">{t('website.home.yourAffairs')}</h2>
      {work.length === 0 ? <p>{t('website.home.noAffairs')}</p> : (
        <ul class="stats">
          {work.map((w) => <li class={w.urgent ? 'stat stat-urgent' : 'stat'}><a href={w.href}><span class="stat-value">{formatNumber(w.count, ctx.locale)}</span> {t(w.label)}</a></li>)}
        </ul>
      )}
      <p><a href="/account/cases">{t('website.home.myApplications')}</a></p>
    </section>
  );
}

export function HomePage({ ctx, data }: { ctx: Ctx; data: HomeData }) {
  const { t, locale } = ctx;
  const c = ctx.requireCommunity();
  const name = localized(c, 'name', locale);
  const hours = localized(c, 'reception_hours', locale);
  return (
    <SiteLayout
      ctx={ctx}
      title={name}
      menu={data.menu}
      head={{
        path: sitePath(c, ''),
        description: t('website.home.description', { name }),
        jsonLd: data.jsonLd,
        feeds: [
          { title: `${t('website.nav.news')} (RSS)`, href: sitePath(c, '/news/feed.rss'), type: 'application/rss+xml' },
          { title: `${t('website.nav.news')} (Atom)`, href: sitePath(c, '/news/feed.atom'), type: 'application/atom+xml' },
        ],
      }}
    >
      <h1>{name}</h1>
      <CitizenWork ctx={ctx} work={data.work} />
      {!ctx.actor && <p class="lead-links"><a class="button button-primary" href={`/signin?next=${encodeURIComponent('/account/cases')}`}>{t('website.home.myApplications')}</a></p>}
      <div class="site-grid">
        <div>
          <PostSection ctx={ctx} id="home-news" title={t('website.nav.news')} posts={data.news} more={sitePath(c, '/news')} />
          <Published ctx={ctx} sections={data.sections} />
        </div>
        <div>
          <PostSection ctx={ctx} id="home-announcements" title={t('website.nav.announcements')} posts={data.announcements} more={sitePath(c, '/announcements')} />
          <PostSection ctx={ctx} id="home-events" title={t('website.home.upcoming')} posts={data.events} more={sitePath(c, '/events')} />
          <section aria-labelledby="contacts">
            <h2 id="contacts">{t('website.home.contacts')}</h2>
            <dl class="summary-list">
              {data.head && (<><dt>{t('website.role.head')}</dt><dd>{data.head}</dd></>)}
              {c.phone && (<><dt>{t('ui.footer.phone')}</dt><dd><a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a></dd></>)}
              {c.email && (<><dt>{t('ui.footer.email')}</dt><dd><a href={`mailto:${c.email}`}>{c.email}</a></dd></>)}
              {hours && (<><dt>{t('website.home.receptionHours')}</dt><dd class="pre-line">{hours}</dd></>)}
            </dl>
            <p><a href={sitePath(c, '/staff-directory')}>{t('website.nav.staff')}</a></p>
          </section>
        </div>
      </div>
    </SiteLayout>
  );
}
