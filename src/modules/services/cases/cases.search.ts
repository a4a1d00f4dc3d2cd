// The case provider of the back office's search box: a registration number (2026/000338 or
// 338), an applicant's name, public service number or tax ID, within what the inbox would
// show this person (a settlement head: their settlements' cases).
import type { SearchProvider } from '../../../platform/module/contract.ts';
import { pick } from '../catalogue/spec.ts';
import { inboxDates, searchCaseRows } from './cases.queries.ts';

export const casesSearch: SearchProvider = {
  key: 'services.cases',
  label: 'services.search.cases',
  access: 'staff:services.cases_view',
  async search(scope, q, limit) {
    const { services } = scope;
    const { rows, catalogue } = await searchCaseRows(scope.tenant(), scope.actor?.settlementIds ?? null, q, limit, await inboxDates(services.db.kysely));
    const slug = scope.requireCommunity().slug;
    return rows.map((r) => {
      const spec = catalogue.specs.get(r.service_version_id);
      const state = spec?.workflow.states.find((s) => s.key === r.state)?.label;
      return {
        title: `${r.reg_number ?? scope.t('services.search.unregistered')} · ${r.applicant_name}`,
        detail: [spec ? pick(spec.name, scope.locale) : '', state ? pick(state, scope.locale) : ''].filter(Boolean).join(' · '),
        href: `/${slug}/staff/cases/${r.id}`,
      };
    });
  },
};
