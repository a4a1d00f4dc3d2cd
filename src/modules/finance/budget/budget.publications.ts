// What the community's website shows from the budget: each adopted budget, newest first,
// with its execution to date, linking to the public budget page and its open data.
import { TenantDb } from '../../../platform/db/tenant.ts';
import { formatNumber, todayInYerevan, translator } from '../../../platform/i18n/index.ts';
import type { Publication } from '../../../platform/module/contract.ts';
import { budgetReport, executionPercent } from './budget.report.ts';
import { csvName, fdpBase, FDP_FILE } from './budget.fdp.ts';

export const budgetPublication: Publication = {
  kind: 'finance.budget',
  label: 'finance.budget.publication',
  url: (c) => `/${c.slug}/budget`,
  async list(services, community, { locale, limit }) {
    const tenant = new TenantDb(services.db.kysely, community.id);
    const budgets = await tenant.selectFrom('fin_budgets').selectAll().where('status', '=', 'adopted').orderBy('year', 'desc').limit(limit).execute();
    const t = translator(locale);
    const today = todayInYerevan();
    return Promise.all(budgets.map(async (b) => {
      const r = await budgetReport(tenant, b, today);
      const pct = (f: typeof r.totals.revenue.total) => String(executionPercent(f) ?? '—');
      const files = fdpBase(community.slug, b.id);
      return {
        id: String(b.year),
        title: t('finance.budget.publicTitle', { year: b.year }),
        summary: t('finance.budget.publicationSummary', {
          revenue: formatNumber(r.totals.revenue.total.adjusted, locale), expense: formatNumber(r.totals.expense.total.adjusted, locale),
          revenuePct: pct(r.totals.revenue.total), expensePct: pct(r.totals.expense.total),
        }),
        date: b.updated_at,
        url: `/${community.slug}/budget?year=${b.year}`,
        language: locale,
        attachments: [
          { title: FDP_FILE, url: `${files}/${FDP_FILE}`, mediaType: 'application/json' },
          { title: csvName('revenue'), url: `${files}/${csvName('revenue')}`, mediaType: 'text/csv' },
          { title: csvName('expense'), url: `${files}/${csvName('expense')}`, mediaType: 'text/csv' },
        ],
      };
    }));
  },
};
