// The compliance pages: a community's own (staff), and the national summary (ministry).
import type { Ctx } from '../../platform/http/context.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { localized } from '../../platform/i18n/index.ts';
import { NationalLayout, StaffLayout } from '../../platform/ui/staff-layout.tsx';
import { Tag } from '../../platform/ui/components.tsx';
import type { CommunityCompliance, ComplianceRow, ComplianceStatus } from './compliance.ts';
import { tally } from './compliance.ts';
import { COMPLIANCE_CATEGORIES } from './compliance.categories.ts';
import { staffBase } from './staff.views.tsx';
import { when } from './present.ts';

const TONE: Record<ComplianceStatus, 'green' | 'yellow' | 'red'> = { fresh: 'green', stale: 'yellow', missing: 'red' };
const statusLabel = (s: ComplianceStatus) => `website.compliance.${s}` as MessageKey;

/** Where staff go to put it right: a new page tagged with the category, or the settings. */
function fixLink(ctx: Ctx, row: ComplianceRow): { href: string; label: MessageKey } | null {
  const slug = ctx.requireCommunity().slug;
  const kinds = row.category.sources.map((s) => s.kind);
  if (kinds.includes('community')) return { href: `/${slug}/staff/settings`, label: 'website.compliance.fixSettings' };
  if (kinds.includes('posts')) {
    const postKind = row.category.sources.find((s) => s.kind === 'posts');
    return postKind && postKind.kind === 'posts' ? { href: `${staffBase(ctx)}/${postKind.postKind}/new`, label: 'website.compliance.fixPost' } : null;
  }
  if (kinds.includes('page')) return { href: `${staffBase(ctx)}/page/new?category=${row.category.key}`, label: 'website.compliance.fixPage' };
  return null;
}

function Mark({ ctx, row }: { ctx: Ctx; row: ComplianceRow }) {
  const c = row.category;
  if (c.verification === 'verified' && !c.intervalToCheck) return null;
  return <> <Tag tone="purple">{ctx.t('website.compliance.toCheck')}</Tag></>;
}

export function CompliancePage({ ctx, rows }: { ctx: Ctx; rows: ComplianceRow[] }) {
  const { t } = ctx;
  const counts = tally(rows);
  return (
    <StaffLayout ctx={ctx} title={t('website.compliance.title')} path={`${staffBase(ctx)}/compliance`} crumbs={[{ href: staffBase(ctx), label: t('website.staff.title') }, { label: t('website.compliance.title') }]}>
      <h1>{t('website.compliance.title')}</h1>
      <p>{t('website.compliance.intro')}</p>
      <ul class="stats">
        {(['fresh', 'stale', 'missing'] as const).map((s) => <li class="stat"><span class="stat-value">{counts[s]}</span> {t(statusLabel(s))}</li>)}
      </ul>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('website.compliance.title')}</caption>
          <thead><tr><th scope="col">{t('website.compliance.category')}</th><th scope="col">{t('website.compliance.status')}</th><th scope="col">{t('website.compliance.latest')}</th><th scope="col">{t('website.compliance.interval')}</th><th scope="col">{t('website.compliance.law')}</th><th scope="col">{t('website.compliance.fix')}</th></tr></thead>
          <tbody>
            {rows.map((r) => {
              const fix = r.status === 'fresh' ? null : fixLink(ctx, r);
              return (
                <tr>
                  <th scope="row">{t(r.category.label)}<Mark ctx={ctx} row={r} /></th>
                  <td><Tag tone={TONE[r.status]}>{t(statusLabel(r.status))}</Tag></td>
                  <td>{r.latest ? when(r.latest) : '—'}</td>
                  <td>{r.category.intervalDays === null ? '—' : t('website.compliance.days', { count: r.category.intervalDays })}</td>
                  <td lang="hy">{r.category.legalRef}</td>
                  <td>
                    {fix && <a href={fix.href}>{t(fix.label)}</a>}
                    {r.status === 'missing' && r.awaiting.length > 0 && <p class="hint">{t('website.compliance.awaiting', { kinds: r.awaiting.join(', ') })}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="hint">{t('website.compliance.toCheckHint')}</p>
    </StaffLayout>
  );
}

export function NationalCompliancePage({ ctx, communities }: { ctx: Ctx; communities: CommunityCompliance[] }) {
  const { t, locale } = ctx;
  return (
    <NationalLayout ctx={ctx} title={t('website.national.title')} path="/national/website-compliance" crumbs={[{ label: t('website.national.title') }]}>
      <h1>{t('website.national.title')}</h1>
      <p>{t('website.national.intro')}</p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('website.national.byCommunity')}</caption>
          <thead><tr><th scope="col">{t('website.national.community')}</th>{(['fresh', 'stale', 'missing'] as const).map((s) => <th scope="col">{t(statusLabel(s))}</th>)}</tr></thead>
          <tbody>
            {communities.map(({ community, rows }) => {
              const n = tally(rows);
              return <tr><th scope="row"><a href={`/${community.slug}`}>{localized(community, 'name', locale)}</a></th><td>{n.fresh}</td><td>{n.stale}</td><td>{n.missing}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      <h2>{t('website.national.byCategory')}</h2>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('website.national.byCategory')}</caption>
          <thead><tr><th scope="col">{t('website.compliance.category')}</th>{(['fresh', 'stale', 'missing'] as const).map((s) => <th scope="col">{t(statusLabel(s))}</th>)}</tr></thead>
          <tbody>
            {COMPLIANCE_CATEGORIES.map((cat) => {
              const rows = communities.map((c) => c.rows.find((r) => r.category.key === cat.key)!);
              const count = (s: ComplianceStatus) => rows.filter((r) => r.status === s).length;
              return <tr><th scope="row">{t(cat.label)}{(cat.verification === 'to_check' || cat.intervalToCheck) && <> <Tag tone="purple">{t('website.compliance.toCheck')}</Tag></>}</th><td>{count('fresh')}</td><td>{count('stale')}</td><td>{count('missing')}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
    </NationalLayout>
  );
}
