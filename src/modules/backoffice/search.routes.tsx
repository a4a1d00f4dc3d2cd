// The back office's one search box (/:slug/staff/search?q=): every module's search providers
// the staff member may use, each a section of hits. Providers decide what may be seen and
// audit the personal data they return; this page only asks and shows.
import { h } from 'preact';
import { z } from 'zod';
import { route } from '../../platform/http/route.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { StaffLayout } from '../../platform/ui/staff-layout.tsx';
import { MAX_QUERY_LENGTH, searchEverywhere, type SearchSection } from '../../platform/module/search.ts';
import { Button, TextInput } from '../../platform/ui/components.tsx';

const searchQuery = z.object({ q: z.string().max(MAX_QUERY_LENGTH * 4).optional() });

/** Hits per provider: enough to recognise the one wanted; its own list goes further. */
const HITS_PER_SECTION = 10;

function SearchPage({ ctx, q, sections }: { ctx: Ctx; q: string; sections: SearchSection[] }) {
  const { t } = ctx;
  const path = `/${ctx.requireCommunity().slug}/staff/search`;
  const form = { t, values: { q } };
  return (
    <StaffLayout ctx={ctx} title={t('backoffice.search.title')} path={path} crumbs={[{ label: t('backoffice.search.title') }]}>
      <h1>{t('backoffice.search.title')}</h1>
      <form method="get" action={path} role="search" class="filters" aria-label={t('backoffice.search.label')}>
        <TextInput form={form} name="q" label={t('backoffice.search.label')} hint={t('backoffice.search.hint')} autocomplete="off" spellcheck={false} />
        <Button>{t('ui.search.go')}</Button>
      </form>
      {q && sections.length === 0 && <p>{t('backoffice.search.none', { q })}</p>}
      {sections.map((s) => (
        <section aria-labelledby={`hits-${s.provider.key}`}>
          <h2 id={`hits-${s.provider.key}`}>{t(s.provider.label)}</h2>
          <ul class="hit-list">
            {s.hits.map((hit) => (
              <li>
                <a href={hit.href}>{hit.title}</a>
                {hit.detail && <span class="muted"> · {hit.detail}</span>}
              </li>
            ))}
          </ul>
          {s.hits.length >= HITS_PER_SECTION && <p class="muted">{t('backoffice.search.more')}</p>}
        </section>
      ))}
    </StaffLayout>
  );
}

export const searchRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/search',
    access: 'staff:dashboard.view',
    kind: 'page',
    schema: { params: z.object({ slug: z.string() }), querystring: searchQuery },
    handler: async (req, reply) => {
      const q = (req.query.q ?? '').replace(/\p{C}/gu, ' ').trim().slice(0, MAX_QUERY_LENGTH);
      const sections = q ? await searchEverywhere(req.ctx, q, HITS_PER_SECTION) : [];
      return sendPage(reply, h(SearchPage, { ctx: req.ctx, q, sections }));
    },
  }),
];
