// Feeds, calendars, the sitemap, robots.txt, and the site's stored files (lead images and
// attachments of visible posts only).
import { z } from 'zod';
import { route, slugParams } from '../../platform/http/route.ts';
import { notFound } from '../../platform/http/errors.ts';
import { readStoredFile } from '../../platform/files/store.ts';
import { unscoped, type Executor } from '../../platform/db/tenant.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { LOCALES } from '../../platform/i18n/index.ts';
import { langQuery } from './website.schemas.ts';
import { allVisible, findVisible, listVisible, visibleAt } from './posts.queries.ts';
import { eventsCalendar, robotsTxt, sectionFeed, sitemapIndexXml, sitemapXml, type FeedSection, type SitemapEntry } from './feeds.ts';
import { applyLang } from './public.routes.ts';
import { postPath, SECTION_OF } from './posts.views.tsx';
import { absolute } from './site-urls.ts';
import { settlementsOf } from './people.queries.ts';

const FEED_ITEMS = 30;

function feedRoutes(section: FeedSection) {
  const path = SECTION_OF[section].path;
  return (['rss', 'atom'] as const).map((format) => route({
    method: 'GET', url: `/:slug${path}/feed.${format}`, access: 'public', kind: 'page',
    schema: { params: slugParams, querystring: langQuery },
    handler: async (req, reply) => {
      applyLang(req, reply, req.query.lang);
      const ctx = req.ctx;
      // Events are listed by their start; the feed wants the newest announcements of them too.
      const posts = await listVisible(ctx.tenant(), section, new Date(), { limit: FEED_ITEMS });
      const feed = sectionFeed(ctx.services.config.publicUrl, ctx.requireCommunity(), section, posts, ctx.locale);
      return reply.type(format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300').send(format === 'rss' ? feed.rss2() : feed.atom1());
    },
  }));
}

const postIdParams = z.object({ slug: z.string(), id: z.coerce.number().int().positive() });
const imageQuery = z.object({ v: z.string().max(64).optional() });

async function communitySitemap(ctx: Ctx): Promise<string> {
  const c = ctx.requireCommunity();
  const [posts, settlements] = await Promise.all([allVisible(ctx.tenant(), new Date()), settlementsOf(ctx)]);
  const all = LOCALES;
  const entries: SitemapEntry[] = [
    ...['', '/news', '/announcements', '/events', '/about', '/staff-directory'].map((p) => ({ path: `/${c.slug}${p}`, languages: all })),
    ...settlements.map((s) => ({ path: `/${c.slug}/about/settlements/${s.id}`, languages: all })),
    ...posts.filter((p) => p.kind !== 'page' || p.path !== 'about').map((p) => ({
      path: postPath(c.slug, p),
      lastmod: p.updated_at,
      languages: LOCALES.filter((l) => l === 'hy' || Boolean(p[`title_${l}` as const])),
    })),
  ];
  return sitemapXml(ctx.services.config.publicUrl, entries);
}

export const feedsRoutes = [
  ...feedRoutes('news'),
  ...feedRoutes('announcement'),
  ...feedRoutes('event'),
  route({
    method: 'GET', url: '/:slug/events.ics', access: 'public', kind: 'page',
    schema: { params: slugParams, querystring: langQuery },
    handler: async (req, reply) => {
      applyLang(req, reply, req.query.lang);
      const ctx = req.ctx;
      const events = await listVisible(ctx.tenant(), 'event', new Date(), { limit: 500 });
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'public, max-age=300')
        .send(eventsCalendar(ctx.services.config.publicUrl, ctx.requireCommunity(), events, ctx.locale));
    },
  }),
  route({
    method: 'GET', url: '/:slug/events/:id/calendar.ics', access: 'public', kind: 'page',
    schema: { params: postIdParams, querystring: langQuery },
    idParams: { id: 'web_posts' },
    handler: async (req, reply) => {
      applyLang(req, reply, req.query.lang);
      const ctx = req.ctx;
      const event = await findVisible(ctx.tenant(), 'event', req.params.id, new Date());
      if (!event) throw notFound();
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="event-${event.id}.ics"`)
        .send(eventsCalendar(ctx.services.config.publicUrl, ctx.requireCommunity(), [event], ctx.locale));
    },
  }),
  route({
    method: 'GET', url: '/:slug/sitemap.xml', access: 'public', kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=600').send(await communitySitemap(req.ctx)),
  }),
  // On a community's own domain /robots.txt and /sitemap.xml are that community's; on the
  // platform's address they cover every community.
  route({
    method: 'GET', url: '/robots.txt', access: 'public', kind: 'page',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const base = ctx.services.config.publicUrl;
      const slug = ctx.services.domains.slugFor(req.headers.host);
      return reply.type('text/plain; charset=utf-8').send(robotsTxt([absolute(base, slug ? `/${slug}/sitemap.xml` : '/sitemap.xml')]));
    },
  }),
  route({
    method: 'GET', url: '/sitemap.xml', access: 'public', kind: 'page',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const slug = ctx.services.domains.slugFor(req.headers.host);
      return reply.type('application/xml; charset=utf-8').send(sitemapIndexXml(ctx.services.config.publicUrl, slug ? [slug] : await allSlugs(ctx.db)));
    },
  }),
  route({
    method: 'GET', url: '/:slug/images/:id', access: 'public', kind: 'page',
    schema: { params: postIdParams, querystring: imageQuery },
    idParams: { id: 'web_posts' },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      // Only the picture of a post visible now: a draft's picture is not public yet.
      const post = await visibleAt(ctx.tenant().selectFrom('web_posts').select(['id', 'image_sha256']), new Date()).where('id', '=', req.params.id).executeTakeFirst();
      if (!post?.image_sha256) throw notFound();
      const current = req.query.v === post.image_sha256.slice(0, 16);
      return reply.type('image/jpeg').header('cache-control', current ? 'public, max-age=86400, immutable' : 'public, max-age=300')
        .send(await readStoredFile(ctx.services.config.filesDir, post.image_sha256));
    },
  }),
  route({
    method: 'GET', url: '/:slug/files/:id', access: 'public', kind: 'page',
    schema: { params: postIdParams },
    idParams: { id: 'web_attachments' },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const a = await tenant.selectFrom('web_attachments').selectAll().where('id', '=', req.params.id).executeTakeFirst();
      const visible = a && (await visibleAt(tenant.selectFrom('web_posts').select('id'), new Date()).where('id', '=', a.post_id).executeTakeFirst());
      if (!a || !visible) throw notFound();
      const ascii = a.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
      return reply.type(a.mime).header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=3600').send(await readStoredFile(ctx.services.config.filesDir, a.sha256));
    },
  }),
];

async function allSlugs(db: Executor): Promise<string[]> {
  const rows = await unscoped(db, 'the platform-wide sitemap index lists every community (public names only)').selectFrom('communities').select('slug').orderBy('slug').execute();
  return rows.map((r) => r.slug);
}
