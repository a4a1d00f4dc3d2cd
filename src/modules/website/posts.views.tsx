// The site's lists and items: news, announcements and events, one page per item, and the
// visitor's 404. Text that was not translated keeps its Armenian and says so with lang=.
import type { Ctx } from '../../platform/http/context.ts';
import { Pager } from '../../platform/ui/components.tsx';
import type { Attachment, MenuItem, Post } from './posts.queries.ts';
import type { PostKind } from './website.table.ts';
import { SiteLayout, type SiteHead } from './site-layout.tsx';
import { humanBytes, languagesOf, pick, summaryOf, typeName, when } from './present.ts';
import { imagePath, sitePath } from './site-urls.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';

export const SECTION_OF: Record<Exclude<PostKind, 'page'>, { path: string; title: MessageKey }> = {
  news: { path: '/news', title: 'website.nav.news' },
  announcement: { path: '/announcements', title: 'website.nav.announcements' },
  event: { path: '/events', title: 'website.nav.events' },
};

export function postPath(slug: string, p: Pick<Post, 'kind' | 'id' | 'path'>): string {
  if (p.kind === 'page') return `/${slug}/pages/${p.path ?? ''}`;
  return `/${slug}${SECTION_OF[p.kind].path}/${p.id}`;
}

export function PostTeaser({ ctx, post, level = 3 }: { ctx: Ctx; post: Post; level?: 2 | 3 }) {
  const c = ctx.requireCommunity();
  const title = pick(post, 'title', ctx.locale);
  const summary = summaryOf(post, ctx.locale);
  const H = level === 2 ? 'h2' : 'h3';
  const date = post.kind === 'event' ? post.starts_at : post.publish_at;
  return (
    <li>
      <H lang={title.lang === ctx.locale ? undefined : title.lang}><a href={postPath(c.slug, post)}>{title.text}</a></H>
      {date && <time dateTime={date}>{when(date)}</time>}
      {post.kind === 'event' && post.place_hy && <span class="post-meta" lang="hy"> · {post.place_hy}</span>}
      {summary.text && <p lang={summary.lang === ctx.locale ? undefined : summary.lang}>{summary.text}</p>}
    </li>
  );
}

export function PostListPage({ ctx, kind, posts, page, pages, menu }: { ctx: Ctx; kind: Exclude<PostKind, 'page'>; posts: Post[]; page: number; pages: number; menu: MenuItem[] }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  const section = SECTION_OF[kind];
  const path = sitePath(c, section.path);
  const feedBase = kind === 'event' ? null : path;
  const head: SiteHead = {
    path,
    description: t(section.title),
    feeds: feedBase ? [
      { title: `${t(section.title)} (RSS)`, href: `${feedBase}/feed.rss`, type: 'application/rss+xml' },
      { title: `${t(section.title)} (Atom)`, href: `${feedBase}/feed.atom`, type: 'application/atom+xml' },
    ] : [],
  };
  return (
    <SiteLayout ctx={ctx} title={t(section.title)} head={head} menu={menu} crumbs={[{ label: t(section.title) }]}>
      <h1>{t(section.title)}</h1>
      {posts.length === 0 ? <p>{t('website.list.empty')}</p> : <ul class="post-list">{posts.map((p) => <PostTeaser ctx={ctx} post={p} level={2} />)}</ul>}
      <Pager t={t} page={page} pages={pages} path={path} query={ctx.locale === 'hy' ? {} : { lang: ctx.locale }} />
      <p class="inline-links">
        {feedBase ? (<><a href={`${feedBase}/feed.rss`}>RSS</a> · <a href={`${feedBase}/feed.atom`}>Atom</a></>) : <a href={sitePath(c, '/events.ics')}>{t('website.ical')}</a>}
      </p>
    </SiteLayout>
  );
}

export function Attachments({ ctx, attachments }: { ctx: Ctx; attachments: Attachment[] }) {
  const c = ctx.requireCommunity();
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">{ctx.t('website.attachments')}</h2>
      <ul class="attachments">
        {attachments.map((a) => (
          <li><a href={sitePath(c, `/files/${a.id}`)}>{a.filename}</a> <span class="muted">({typeName(a.mime)}, {humanBytes(a.bytes, ctx.locale)})</span></li>
        ))}
      </ul>
    </section>
  );
}

/** One item's body as the reader sees it; the same for the public page and the staff preview. */
export function PostBody({ ctx, post, attachments, imageSrc }: { ctx: Ctx; post: Post; attachments: Attachment[]; imageSrc?: string }) {
  const { t, locale } = ctx;
  const c = ctx.requireCommunity();
  const title = pick(post, 'title', locale);
  const body = pick(post, 'body', locale);
  const summary = pick(post, 'summary', locale);
  const other = (l: string) => (l === locale ? undefined : l);
  return (
    <article>
      <h1 lang={other(title.lang)}>{title.text}</h1>
      {title.lang !== locale && <p class="notice notice-info">{t('website.notTranslated')}</p>}
      <p class="post-meta">
        {post.kind === 'event' && post.starts_at
          ? <>{t('website.event.when')}: <time dateTime={post.starts_at}>{when(post.starts_at)}</time>{post.ends_at && <> – <time dateTime={post.ends_at}>{when(post.ends_at)}</time></>}{post.place_hy && <> · <span lang={other('hy')}>{post.place_hy}</span></>}</>
          : post.publish_at && post.kind !== 'page' && <>{t('website.published')}: <time dateTime={post.publish_at}>{when(post.publish_at)}</time></>}
      </p>
      {summary.text && <p class="lead" lang={other(summary.lang)}>{summary.text}</p>}
      {post.image_sha256 && <img class="lead-image" src={imageSrc ?? imagePath(c, post)} alt={post.image_alt_hy ?? ''} width={post.image_width ?? undefined} height={post.image_height ?? undefined} />}
      {body.text && <div class="article-body" lang={other(body.lang)} dangerouslySetInnerHTML={{ __html: body.text }} />}
      <Attachments ctx={ctx} attachments={attachments} />
      {post.kind === 'event' && <p><a href={sitePath(c, `/events/${post.id}/calendar.ics`)}>{t('website.event.addToCalendar')}</a></p>}
    </article>
  );
}

export function PostPage({ ctx, post, attachments, menu, jsonLd }: { ctx: Ctx; post: Post; attachments: Attachment[]; menu: MenuItem[]; jsonLd: object[] }) {
  const { t, locale } = ctx;
  const c = ctx.requireCommunity();
  const title = pick(post, 'title', locale);
  const crumbs = post.kind === 'page' ? [{ label: title.text }] : [{ href: sitePath(c, SECTION_OF[post.kind].path), label: t(SECTION_OF[post.kind].title) }, { label: title.text }];
  const head: SiteHead = {
    path: postPath(c.slug, post),
    description: summaryOf(post, locale).text,
    languages: languagesOf(post),
    ogType: post.kind === 'page' ? 'website' : 'article',
    ...(post.image_sha256 ? { image: imagePath(c, post) } : {}),
    jsonLd,
  };
  return (
    <SiteLayout ctx={ctx} title={title.text} head={head} menu={menu} crumbs={crumbs}>
      <PostBody ctx={ctx} post={post} attachments={attachments} />
    </SiteLayout>
  );
}

/** A 404 that helps: in the visitor's language, with the site's search and its main sections. */
export function SiteNotFoundPage({ ctx, path, menu }: { ctx: Ctx; path: string; menu: MenuItem[] }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  return (
    <SiteLayout ctx={ctx} title={t('website.notFound.title')} head={{ path, noindex: true }} menu={menu}>
      <h1 data-site-404="1">{t('website.notFound.title')}</h1>
      <p>{t('website.notFound.text')}</p>
      <form method="get" action={sitePath(c, '/search')} role="search">
        <label for="nf-q" class="label">{t('website.search.label')}</label>
        <input id="nf-q" class="input" name="q" type="search" maxLength={100} />
        <button type="submit" class="button button-primary">{t('ui.search.go')}</button>
      </form>
      <ul>
        <li><a href={sitePath(c, '')}>{t('website.notFound.home')}</a></li>
        <li><a href={sitePath(c, '/news')}>{t('website.nav.news')}</a></li>
        <li><a href={sitePath(c, '/about')}>{t('website.nav.about')}</a></li>
      </ul>
    </SiteLayout>
  );
}

export function SearchPage({ ctx, q, hits, menu }: { ctx: Ctx; q: string; hits: Post[]; menu: MenuItem[] }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  return (
    <SiteLayout ctx={ctx} title={t('website.search.title')} head={{ path: sitePath(c, '/search'), noindex: true }} menu={menu} crumbs={[{ label: t('website.search.title') }]}>
      <h1>{t('website.search.title')}</h1>
      <form method="get" action={sitePath(c, '/search')} role="search">
        <label for="s-q" class="label">{t('website.search.label')}</label>
        <input id="s-q" class="input" name="q" type="search" value={q} maxLength={100} />
        <button type="submit" class="button button-primary">{t('ui.search.go')}</button>
      </form>
      {q && (hits.length === 0 ? <p>{t('website.search.none', { q })}</p> : (
        <>
          <p>{t('website.search.found', { count: hits.length })}</p>
          <ul class="post-list">{hits.map((p) => <PostTeaser ctx={ctx} post={p} level={2} />)}</ul>
        </>
      ))}
    </SiteLayout>
  );
}
