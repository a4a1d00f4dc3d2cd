// What the community's website shows from the services module: the catalogue of published
// services, most used first (by the precomputed service_stats, not by counting cases per
// view), and the public performance page. The website renders these; it never reads cases.
import { TenantDb } from '../../platform/db/tenant.ts';
import { formatPercent } from '../../platform/i18n/index.ts';
import { translator } from '../../platform/i18n/index.ts';
import type { Publication } from '../../platform/module/contract.ts';
import { listServices } from './catalogue/catalogue.ts';
import { pick } from './catalogue/spec.ts';
import { readServiceStats } from './performance/performance.service.ts';

const catalogue: Publication = {
  kind: 'services.catalogue',
  label: 'services.publication.catalogue',
  url: (c) => `/${c.slug}/services`,
  async list(services, community, { locale, limit }) {
    const tenant = new TenantDb(services.db.kysely, community.id);
    const [published, stats] = await Promise.all([
      listServices(tenant, { status: 'published' }),
      tenant.selectFrom('service_stats').select(['service_id', 'cases']).execute(),
    ]);
    const used = new Map(stats.map((s) => [s.service_id, Number(s.cases)]));
    return published
      .sort((a, b) => (used.get(b.id) ?? 0) - (used.get(a.id) ?? 0) || a.sortOrder - b.sortOrder || a.id - b.id)
      .slice(0, limit)
      .map((s) => ({
        id: s.code,
        title: pick(s.spec.name, locale),
        summary: pick(s.spec.description, locale),
        date: s.updatedAt,
        url: `/${community.slug}/services/${s.id}`,
        language: s.spec.name[locale]?.trim() ? locale : 'hy',
        attachments: [],
      }));
  },
};

const performance: Publication = {
  kind: 'services.performance',
  label: 'services.publication.performance',
  url: (c) => `/${c.slug}/services/performance`,
  async list(services, community, { locale }) {
    const report = await readServiceStats(new TenantDb(services.db.kysely, community.id));
    if (!report.computedAt) return [];
    const t = translator(locale);
    const onTime = report.totals.onTimePercent === null ? '—' : formatPercent(report.totals.onTimePercent, locale);
    return [{
      id: 'performance',
      title: t('services.publication.performance'),
      summary: t('services.publication.performanceSummary', { decided: report.totals.decided, onTime }),
      date: report.computedAt,
      url: `/${community.slug}/services/performance`,
      language: locale,
      attachments: [],
    }];
  },
};

export const servicesPublications: Publication[] = [catalogue, performance];
