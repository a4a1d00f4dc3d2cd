import type { Selectable } from 'kysely';
import type { Ctx, CommunityRow } from '../../platform/http/context.ts';
import type { SettlementsTable } from './communities.table.ts';
import { Layout } from '../../platform/ui/layout.tsx';
import { localized } from '../../platform/i18n/index.ts';

type Settlement = Selectable<SettlementsTable>;

export function PlatformHomePage({ ctx, communities }: { ctx: Ctx; communities: (CommunityRow & { settlements: Settlement[] })[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('communities.list.title')} path="/">
      <h1>{t('communities.list.title')}</h1>
      <ul class="card-list">
        {communities.map((c) => (
          <li class="card">
            <a href={`/${c.slug}`}>{localized(c, 'name', ctx.locale)}</a>
            <span class="muted"> · {t('communities.settlementCount', { count: c.settlements.length })}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
