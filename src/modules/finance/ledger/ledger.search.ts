// The ledger's provider for the back office's search box: payers (residents and
// organizations) by name, public service number or tax ID, leading to their finances.
// The residents returned are named in the audit, as the register's own search does.
import type { SearchProvider } from '../../../platform/module/contract.ts';
import { localized } from '../../../platform/i18n/index.ts';
import { auditResidentsShown } from '../../registry/index.ts';
import { searchPayers } from './payers.queries.ts';
import { payerPath } from './ledger.display.ts';

export const ledgerSearch: SearchProvider[] = [{
  key: 'finance.payers',
  label: 'finance.ledger.search.payers',
  access: 'staff:finance.ledger_view',
  async search(scope, q, limit) {
    const hits = await searchPayers(scope.tenant(), q, limit);
    const shown = hits.flatMap((h) => (h.payer.kind === 'resident' ? [{ residentId: h.payer.residentId }] : []));
    await auditResidentsShown(scope.tenant(), scope.auditActor(), 'search', shown);
    const slug = scope.requireCommunity().slug;
    return hits.map((h) => ({
      title: h.name,
      detail: [h.identifier, h.settlement ? localized(h.settlement, 'name', scope.locale) : null].filter(Boolean).join(' · '),
      href: payerPath(slug, h.payer),
    }));
  },
}];
