import type { Selectable } from 'kysely';
import type { Ctx, CommunityRow } from '../../platform/http/context.ts';
import type { SettlementsTable } from './communities.table.ts';
import { Layout } from '../../platform/ui/layout.tsx';
import { localized } from '../../platform/i18n/index.ts';
import { CitizenWork, PublishedSections } from './home.views.tsx';
import type { PublishedSection } from '../../platform/module/publications.ts';
import type { WorkItem } from '../../platform/module/contract.ts';

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

export function CommunityHomePage(props: { ctx: Ctx; community: CommunityRow; settlements: Settlement[]; head: string | null; sections: PublishedSection[]; work: WorkItem[] }) {
  const { ctx, community, settlements, head } = props;
  const { t, locale } = ctx;
  const name = localized(community, 'name', locale);
  const hours = localized(community, 'reception_hours', locale);
  const address = localized(community, 'address', locale);
  return (
    <Layout ctx={ctx} title={name} path={`/${community.slug}`}>
      <h1>{name}</h1>
      <CitizenWork ctx={ctx} work={props.work} />
      <PublishedSections ctx={ctx} sections={props.sections} />
      <section aria-labelledby="contacts">
        <h2 id="contacts">{t('communities.home.contacts')}</h2>
        <dl class="summary-list">
          {head && (<><dt>{t('communities.home.head')}</dt><dd>{head}</dd></>)}
          {address && (<><dt>{t('communities.home.address')}</dt><dd>{address}</dd></>)}
          {community.phone && (<><dt>{t('communities.home.phone')}</dt><dd><a href={`tel:${community.phone}`}>{community.phone}</a></dd></>)}
          {community.email && (<><dt>{t('communities.home.email')}</dt><dd><a href={`mailto:${community.email}`}>{community.email}</a></dd></>)}
          {hours && (<><dt>{t('communities.home.receptionHours')}</dt><dd class="pre-line">{hours}</dd></>)}
        </dl>
      </section>
      <section aria-labelledby="settlements">
        <h2 id="settlements">{t('communities.home.settlements', { count: settlements.length })}</h2>
        <ul class="columns">
          {settlements.map((s) => (
            <li>
              {localized(s, 'name', locale)}{' '}
              <span class="muted">({t(s.kind === 'town' ? 'communities.kind.town' : 'communities.kind.village')}{s.postcode ? `, ${s.postcode}` : ''})</span>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
