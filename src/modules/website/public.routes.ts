// The community's public website: home, news, announcements, events, pages, about, staff
// directory, search. Anonymous visitors share a cached copy of each page for a few seconds
// (sharedPublicPage), keyed by the site's content stamp, so an edit shows at once and a
// scheduled item within the cache's seconds of its publish_at.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { route, slugParams, type RouteDef } from '../../platform/http/route.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { LANG_COOKIE } from '../../platform/http/hooks.ts';
import { sharedPublicPage } from '../../platform/http/public-page.ts';
import { renderPage, sendHtml } from '../../platform/ui/render.ts';
import { listPublications } from '../../platform/module/publications.ts';
import { workOf } from '../../platform/module/worklist.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { langQuery, listQuery, pageParams, searchQuery } from './website.schemas.ts';
import { attachmentsOf, contentStamp, countVisible, findVisible, findVisiblePage, listMenu, listVisible, searchVisible, type MenuItem } from './posts.queries.ts';
import { HomePage } from './home.views.tsx';
import { PostListPage, PostPage, SearchPage, SiteNotFoundPage } from './posts.views.tsx';
import { AboutPage, SettlementPage, StaffDirectoryPage } from './about.views.tsx';
import { publicPeople, settlementsOf } from './people.queries.ts';
import { eventLd, newsArticleLd, organizationLd, serviceLd } from './jsonld.ts';
import { sitePath } from './site-urls.ts';
import { z } from 'zod';

const HOME_ITEMS = 5;
const PUBLISHED_ITEMS = 6;
const PER_PAGE = 20;

/** ?lang= picks the page's language and keeps it for the visitor's next pages. */
export function applyLang(req: FastifyRequest, reply: FastifyReply, lang: Locale | undefined): void {
  if (!lang) return;
  req.ctx.setLocale(lang);
  reply.setCookie(LANG_COOKIE, lang, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.ctx.services.config.secureCookies, maxAge: 365 * 86400 });
}

/** A public page, shared through the cache for anonymous visitors; `null` from render is a 404. */
async function sitePage(ctx: Ctx, reply: FastifyReply, name: string, render: (menu: MenuItem[]) => Promise<string | null>): Promise<FastifyReply> {
  const tenant = ctx.tenant();
  let missing = false;
  const html = await sharedPublicPage(ctx, name, async () => {
    const menu = await listMenu(tenant);
    const page = await render(menu);
    if (page !== null) return page;
    missing = true;
    return renderPage(h(SiteNotFoundPage, { ctx, path: sitePath(ctx.requireCommunity(), ''), menu }));
  }, () => contentStamp(tenant));
  // A cached 404 is recognised by its marker, so the status is right on a cache hit too.
  return sendHtml(reply, html, missing || html.includes('data-site-404="1"') ? 404 : 200);
}

const idParams = (name: string) => z.object({ slug: z.string(), [name]: z.coerce.number().int().positive() });
const postIdParams = idParams('id');
const settlementParams = idParams('settlementId');

type Render = (ctx: Ctx, menu: MenuItem[], req: { params: unknown; query: unknown }) => Promise<string | null>;

/**
 * A GET page of the site: ?lang= applied, shared through the cache under `name(req)`.
 * `params` and `query` are the route's schemas (the query always takes `lang`).
 */
function sitePageRoute(url: string, opts: { params?: z.ZodType; query?: z.ZodType; idParams?: RouteDef['idParams'] }, name: (req: { params: unknown; query: unknown }) => string, render: Render): RouteDef {
  return route({
    method: 'GET', url, access: 'public', kind: 'page',
    schema: { params: opts.params ?? slugParams, querystring: opts.query ?? langQuery },
    ...(opts.idParams ? { idParams: opts.idParams } : {}),
    handler: async (req, reply) => {
      applyLang(req, reply, (req.query as { lang?: Locale }).lang);
      return sitePage(req.ctx, reply, name(req), (menu) => render(req.ctx, menu, req));
    },
  });
}

const idOf = (req: { params: unknown }, key = 'id') => Number((req.params as Record<string, number>)[key]);

function listRoute(kind: 'news' | 'announcement' | 'event', path: string) {
  const pageOf = (req: { query: unknown }) => (req.query as { page?: number }).page ?? 1;
  return sitePageRoute(`/:slug${path}`, { query: listQuery }, (req) => `${kind}-list-${pageOf(req)}`, async (ctx, menu, req) => {
    const now = new Date();
    const page = pageOf(req);
    const [posts, total] = await Promise.all([listVisible(ctx.tenant(), kind, now, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }), countVisible(ctx.tenant(), kind, now)]);
    return renderPage(h(PostListPage, { ctx, kind, posts, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), menu }));
  });
}

function itemRoute(kind: 'news' | 'announcement' | 'event', path: string) {
  return sitePageRoute(`/:slug${path}/:id`, { params: postIdParams, idParams: { id: 'web_posts' } }, (req) => `${kind}-${idOf(req)}`, async (ctx, menu, req) => {
    const id = idOf(req);
    const post = await findVisible(ctx.tenant(), kind, id, new Date());
    if (!post) return null;
    const c = ctx.requireCommunity();
    const url = sitePath(c, `${path}/${id}`);
    const base = ctx.services.config.publicUrl;
    const ld = kind === 'event' ? eventLd(base, c, post, ctx.locale, url) : newsArticleLd(base, c, post, ctx.locale, url);
    return renderPage(h(PostPage, { ctx, post, attachments: await attachmentsOf(ctx.tenant(), [id]), menu, jsonLd: [ld] }));
  });
}

async function homePage(ctx: Ctx, menu: MenuItem[]): Promise<string> {
  const c = ctx.requireCommunity();
  const now = new Date();
  const tenant = ctx.tenant();
  const [news, announcements, events, sections, work, people] = await Promise.all([
    listVisible(tenant, 'news', now, { limit: HOME_ITEMS }),
    listVisible(tenant, 'announcement', now, { limit: HOME_ITEMS }),
    listVisible(tenant, 'event', now, { limit: HOME_ITEMS }),
    // Every module's publications, whatever modules there are: a new one appears here unasked.
    listPublications(ctx.services, c, { locale: ctx.locale, limit: PUBLISHED_ITEMS }),
    workOf(ctx, 'citizen'),
    publicPeople(ctx),
  ]);
  const base = ctx.services.config.publicUrl;
  const services = sections.filter((s) => s.publication.kind.endsWith('.catalogue')).flatMap((s) => s.items.map((i) => serviceLd(base, c, i, ctx.locale)));
  const head = people.find((p) => p.role === 'head')?.name ?? null;
  return renderPage(h(HomePage, { ctx, data: { news, announcements, events, sections, work, head, menu, jsonLd: [organizationLd(base, c, ctx.locale), ...services] } }));
}

export const publicRoutes: RouteDef[] = [
  // The most visited page of every community; a signed-in citizen's copy is their own (sharedPublicPage).
  sitePageRoute('/:slug', {}, () => 'home', homePage),
  listRoute('news', '/news'),
  listRoute('announcement', '/announcements'),
  listRoute('event', '/events'),
  itemRoute('news', '/news'),
  itemRoute('announcement', '/announcements'),
  itemRoute('event', '/events'),
  // :path names a page row by its address, not its id; the walking suites probe it with another community's row id, which answers 404 like any unknown address.
  sitePageRoute('/:slug/pages/:path', { params: pageParams, idParams: { path: 'web_posts' } }, (req) => `page-${(req.params as { path: string }).path}`, async (ctx, menu, req) => {
    const post = await findVisiblePage(ctx.tenant(), (req.params as { path: string }).path, new Date());
    if (!post) return null;
    return renderPage(h(PostPage, { ctx, post, attachments: await attachmentsOf(ctx.tenant(), [post.id]), menu, jsonLd: [] }));
  }),
  sitePageRoute('/:slug/about', {}, () => 'about', async (ctx, menu) => {
    const settlements = await settlementsOf(ctx);
    const [page, people] = await Promise.all([findVisiblePage(ctx.tenant(), 'about', new Date()), publicPeople(ctx, settlements)]);
    const attachments = page ? await attachmentsOf(ctx.tenant(), [page.id]) : [];
    return renderPage(h(AboutPage, { ctx, settlements, page: page ?? null, attachments, people, menu }));
  }),
  sitePageRoute('/:slug/about/settlements/:settlementId', { params: settlementParams, idParams: { settlementId: 'settlements' } }, (req) => `settlement-${idOf(req, 'settlementId')}`, async (ctx, menu, req) => {
    const id = idOf(req, 'settlementId');
    const settlements = await settlementsOf(ctx);
    const settlement = settlements.find((s) => s.id === id);
    if (!settlement) return null;
    const people = await publicPeople(ctx, settlements);
    const head = people.find((p) => p.role === 'settlement_head' && p.settlementId === id)?.name ?? null;
    return renderPage(h(SettlementPage, { ctx, settlement, head, menu }));
  }),
  sitePageRoute('/:slug/staff-directory', {}, () => 'staff-directory', async (ctx, menu) => renderPage(h(StaffDirectoryPage, { ctx, people: await publicPeople(ctx), menu }))),
  route({
    method: 'GET', url: '/:slug/search', access: 'public', kind: 'page',
    schema: { params: slugParams, querystring: searchQuery },
    handler: async (req, reply) => {
      applyLang(req, reply, req.query.lang);
      const ctx = req.ctx;
      const q = (req.query.q ?? '').trim();
      const [menu, hits] = await Promise.all([listMenu(ctx.tenant()), q ? searchVisible(ctx.tenant(), q, new Date(), 50) : Promise.resolve([])]);
      return sendHtml(reply, renderPage(h(SearchPage, { ctx, q, hits, menu })));
    },
  }),
];
