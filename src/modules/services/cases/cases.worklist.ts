// What the dashboard shows first for the case inbox: the cases assigned to me, the overdue
// ones, those due within two working days and those waiting to be registered, each a link
// to its inbox tab. The same capped counts the inbox tabs show, in one statement.
import type { WorkItem, WorkProvider } from '../../../platform/module/contract.ts';
import { caseCatalogue, inboxCounts, inboxDates } from './cases.queries.ts';
import type { InboxView } from './cases.schemas.ts';

const SHOWN: { view: InboxView; label: WorkItem['label']; urgent?: boolean }[] = [
  { view: 'overdue', label: 'services.work.overdue', urgent: true },
  { view: 'mine', label: 'services.work.mine' },
  { view: 'at_risk', label: 'services.work.atRisk' },
  { view: 'submitted', label: 'services.work.submitted' },
];

export const casesWorklist: WorkProvider = {
  key: 'services.cases',
  audience: 'staff',
  access: 'staff:services.cases_view',
  async items(scope) {
    const tenant = scope.tenant();
    const counts = await inboxCounts(tenant, scope.actor?.settlementIds ?? null, await caseCatalogue(tenant), await inboxDates(scope.services.db.kysely), scope.actor?.userId ?? null);
    const base = `/${scope.requireCommunity().slug}/staff/cases`;
    return SHOWN.map((s) => ({ label: s.label, count: counts[s.view], href: `${base}?view=${s.view}`, ...(s.urgent ? { urgent: true } : {}) }));
  },
};
