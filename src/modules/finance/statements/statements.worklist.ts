// The accountant's dashboard: the statement lines waiting to be matched by hand, linked to the queue.
import type { WorkProvider } from '../../../platform/module/contract.ts';
import { unmatchedQueue } from './queue.service.ts';

export const statementsWorklist: WorkProvider = {
  key: 'finance.statements',
  audience: 'staff',
  access: 'staff:finance.statements',
  async items(scope) {
    const { total } = await unmatchedQueue(scope.tenant(), 1);
    return total ? [{ label: 'finance.statements.work.unmatched', count: total, href: `/${scope.requireCommunity().slug}/staff/finance/statements/queue` }] : [];
  },
};
