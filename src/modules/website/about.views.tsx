// About the community and its settlements, the head, deputies and council, and the staff
// directory with reception hours: from the communities' own data (settlements, people
// holding roles), with staff-written pages (about, council) added where they exist.
import type { Ctx } from '../../platform/http/context.ts';
import { localized, type MessageKey } from '../../platform/i18n/index.ts';
import type { Attachment, MenuItem, Post } from './posts.queries.ts';
import { SiteLayout } from './site-layout.tsx';
import { PostBody } from './posts.views.tsx';
import { sitePath } from './site-urls.ts';
import { languagesOf } from './present.ts';

export interface SettlementRow {
  id: number;
  name_hy: string;
  name_en: string;
  name_ru: string;
  kind: 'town' | 'village';
  postcode: string | null;
}

export interface StaffMember {
  name: string;
  role: string;
  settlementId: number | null;
  settlement: string | null;
}

/** The public order of positions: the head first, then the deputies, the council, the staff. */
export const PUBLIC_ROLES = ['head', 'deputy_head', 'council_member', 'chief_of_staff', 'settlement_head', 'accountant', 'specialist', 'operator', 'it_admin'] as const;
const roleLabel = (r: string) => `website.role.${r}` as MessageKey;

export function AboutPage({ ctx, settlements, page, attachments, people, menu }: { ctx: Ctx; settlements: SettlementRow[]; page: Post | null; attachments: Attachment[]; people: StaffMember[]; menu: MenuItem[] }) {
  const { t, locale } = ctx;
  const c = ctx.requireCommunity();
  const leaders = people.filter((p) => p.role === 'head' || p.role === 'deputy_head');
  const council = people.filter((p) => p.role === 'council_member');
  return (
    <SiteLayout ctx={ctx} title={t('website.nav.about')} head={{ path: sitePath(c, '/about'), ...(page ? { languages: languagesOf(page) } : {}) }} menu={menu} crumbs={[{ label: t('website.nav.about') }]}>
      {page ? <PostBody ctx={ctx} post={page} attachments={attachments} /> : <h1>{t('website.about.title', { name: localized(c, 'name', locale) })}</h1>}
      <section aria-labelledby="leaders">
        <h2 id="leaders">{t('website.about.leaders')}</h2>
        {leaders.length === 0 ? <p>{t('website.about.noneYet')}</p> : (
          <dl class="summary-list">{leaders.map((p) => (<><dt>{t(roleLabel(p.role))}</dt><dd lang="hy">{p.name}</dd></>))}</dl>
        )}
      </section>
      <section aria-labelledby="council">
        <h2 id="council">{t('website.about.council')}</h2>
        {council.length === 0 ? <p>{t('website.about.noneYet')}</p> : <ul class="columns">{council.map((p) => <li lang="hy">{p.name}</li>)}</ul>}
      </section>
      <section aria-labelledby="settlements">
        <h2 id="settlements">{t('website.about.settlements', { count: settlements.length })}</h2>
        <ul class="columns">
          {settlements.map((s) => (
            <li>
              <a href={sitePath(c, `/about/settlements/${s.id}`)}>{localized(s, 'name', locale)}</a>{' '}
              <span class="muted">({t(s.kind === 'town' ? 'website.kind.town' : 'website.kind.village')}{s.postcode ? `, ${s.postcode}` : ''})</span>
            </li>
          ))}
        </ul>
      </section>
    </SiteLayout>
  );
}

export function SettlementPage({ ctx, settlement, head, menu }: { ctx: Ctx; settlement: SettlementRow; head: string | null; menu: MenuItem[] }) {
  const { t, locale } = ctx;
  const c = ctx.requireCommunity();
  const name = localized(settlement, 'name', locale);
  return (
    <SiteLayout ctx={ctx} title={name} head={{ path: sitePath(c, `/about/settlements/${settlement.id}`) }} menu={menu} crumbs={[{ href: sitePath(c, '/about'), label: t('website.nav.about') }, { label: name }]}>
      <h1>{name}</h1>
      <dl class="summary-list">
        <dt>{t('website.settlement.kind')}</dt><dd>{t(settlement.kind === 'town' ? 'website.kind.town' : 'website.kind.village')}</dd>
        {settlement.postcode && (<><dt>{t('website.settlement.postcode')}</dt><dd>{settlement.postcode}</dd></>)}
        {head && (<><dt>{t('website.role.settlement_head')}</dt><dd lang="hy">{head}</dd></>)}
        <dt>{t('website.settlement.community')}</dt><dd><a href={sitePath(c, '')}>{localized(c, 'name', locale)}</a></dd>
      </dl>
    </SiteLayout>
  );
}

export function StaffDirectoryPage({ ctx, people, menu }: { ctx: Ctx; people: StaffMember[]; menu: MenuItem[] }) {
  const { t, locale } = ctx;
  const c = ctx.requireCommunity();
  const hours = localized(c, 'reception_hours', locale);
  return (
    <SiteLayout ctx={ctx} title={t('website.nav.staff')} head={{ path: sitePath(c, '/staff-directory') }} menu={menu} crumbs={[{ label: t('website.nav.staff') }]}>
      <h1>{t('website.nav.staff')}</h1>
      <section aria-labelledby="reception">
        <h2 id="reception">{t('website.home.receptionHours')}</h2>
        {hours ? <p class="pre-line">{hours}</p> : <p>{t('website.about.noneYet')}</p>}
        {c.phone && <p>{t('ui.footer.phone')}: <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a></p>}
        {c.email && <p>{t('ui.footer.email')}: <a href={`mailto:${c.email}`}>{c.email}</a></p>}
      </section>
      <div class="table-wrap">
        <table class="table">
          <caption class="table-caption">{t('website.staff.caption')}</caption>
          <thead><tr><th scope="col">{t('website.staff.name')}</th><th scope="col">{t('website.staff.position')}</th></tr></thead>
          <tbody>
            {people.map((p) => <tr><td lang="hy">{p.name}</td><td>{t(roleLabel(p.role))}{p.settlement ? ` (${p.settlement})` : ''}</td></tr>)}
          </tbody>
        </table>
      </div>
    </SiteLayout>
  );
}
