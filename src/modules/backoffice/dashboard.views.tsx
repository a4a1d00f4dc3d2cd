// The back-office dashboard: the staff member's own work first (what waits for them, in
// words and numbers), their unread notices, then each module they may use with its key
// figures for the community and its pages; the community's basic figures last.
import type { Ctx } from '../../platform/http/context.ts';
import { formatDay, formatInstant, formatNumber, localized } from '../../platform/i18n/index.ts';
import { formatIndicator } from '../../platform/module/indicators.ts';
import { StaffLayout } from '../../platform/ui/staff-layout.tsx';
import { Tag } from '../../platform/ui/components.tsx';
import type { DashboardCounts } from './backoffice.queries.ts';
import type { Dashboard, DashboardGroup } from './dashboard.service.ts';
import { ROLE_TONES, roleLabel } from './backoffice.views.tsx';

function WorkList({ ctx, dashboard }: { ctx: Ctx; dashboard: Dashboard }) {
  const { t } = ctx;
  if (dashboard.work.length === 0) return null;
  return (
    <section aria-labelledby="my-work">
      <h2 id="my-work">{t('backoffice.dashboard.myWork')}</h2>
      <ul class="stats">
        {dashboard.work.map((w) => (
          <li class={w.urgent && w.count > 0 ? 'stat stat-urgent' : 'stat'}>
            <a href={w.href}>
              <span class="stat-value">{formatNumber(w.count, ctx.locale)}</span> {t(w.label)}
            </a>
            {w.urgent && w.count > 0 && <> <Tag tone="red">{t('backoffice.dashboard.needsAction')}</Tag></>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Notices({ ctx, dashboard }: { ctx: Ctx; dashboard: Dashboard }) {
  const { t } = ctx;
  const all = `/${ctx.requireCommunity().slug}/staff/notices`;
  return (
    <section aria-labelledby="my-notices">
      <h2 id="my-notices">{t('backoffice.dashboard.notices', { count: dashboard.unread })}</h2>
      {dashboard.notices.length === 0 ? (
        <p class="muted">{t('backoffice.dashboard.noNotices')}</p>
      ) : (
        <ul class="notice-list">
          {dashboard.notices.map((n) => (
            <li>
              {n.link ? <a href={n.link}>{n.text}</a> : n.text} <span class="muted">· <time dateTime={n.createdAt}>{formatInstant(n.createdAt)}</time></span>
            </li>
          ))}
        </ul>
      )}
      <p><a href={all}>{t('backoffice.dashboard.allNotices')}</a></p>
    </section>
  );
}

function ModuleCard({ ctx, group }: { ctx: Ctx; group: DashboardGroup }) {
  const { t } = ctx;
  const id = `module-${group.key}`;
  return (
    <li class="module-card">
      <h3 id={id}><a href={group.href}>{group.label}</a></h3>
      {group.figures.length > 0 && (
        <dl class="figures">
          {group.figures.map((f) => (
            <div>
              <dt>{t(f.indicator.label)}</dt>
              <dd>{formatIndicator(f.indicator, f.value, ctx.locale)}</dd>
            </div>
          ))}
        </dl>
      )}
      <ul class="inline-links" aria-labelledby={id}>
        {group.links.map((l) => (
          <li><a href={l.href}>{l.label}</a></li>
        ))}
      </ul>
    </li>
  );
}

export function DashboardPage({ ctx, counts, dashboard }: { ctx: Ctx; counts: DashboardCounts; dashboard: Dashboard }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  const roles = ctx.actor?.communityRoles ?? [];
  return (
    <StaffLayout ctx={ctx} title={t('backoffice.dashboard.title')} path={`/${c.slug}/staff`}>
      <span class="muted">{t('backoffice.dashboard.title')}</span>
      <h1>{localized(c, 'name', ctx.locale)}</h1>
      <p>
        {t('backoffice.dashboard.yourRoles')}{' '}
        {roles.map((r) => (
          <Tag tone={ROLE_TONES[r] ?? 'grey'}>{roleLabel(ctx, r)}</Tag>
        ))}
      </p>
      <WorkList ctx={ctx} dashboard={dashboard} />
      <Notices ctx={ctx} dashboard={dashboard} />
      <section aria-labelledby="modules">
        <h2 id="modules">{t('backoffice.dashboard.sections')}</h2>
        <p class="muted">{t('backoffice.dashboard.period', { from: formatDay(dashboard.period.from), to: formatDay(dashboard.period.to) })}</p>
        {dashboard.groups.length === 0 ? (
          <p class="muted">{t('backoffice.dashboard.noSections')}</p>
        ) : (
          <ul class="module-cards">
            {dashboard.groups.map((g) => <ModuleCard ctx={ctx} group={g} />)}
          </ul>
        )}
      </section>
      <h2>{t('backoffice.dashboard.figures')}</h2>
      <ul class="stats">
        <li class="stat"><span class="stat-value">{counts.settlements}</span> {t('backoffice.dashboard.settlements')}</li>
        <li class="stat"><span class="stat-value">{counts.staff}</span> {t('backoffice.dashboard.staff')}</li>
        <li class="stat"><span class="stat-value">{counts.auditEvents}</span> {t('backoffice.dashboard.auditEvents')}</li>
      </ul>
    </StaffLayout>
  );
}
