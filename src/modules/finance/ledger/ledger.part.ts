// The finance module's ledger part: obligations, entries, payments, penalties, corrections,
// the payer pages, the reports, the indicators and the payer search.
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import type { FinanceLedgerTables } from './ledger.table.ts';
import { financeLedgerMigrations } from './ledger.migrations.ts';
import { financeLedgerMessages } from './ledger.messages.ts';
import { financeLedgerPageMessages } from './ledger.pages.messages.ts';
import { financeLedgerAuditMessages } from './ledger.audit.messages.ts';
import { payersRoutes } from './payers.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import { ledgerIndicators } from './ledger.indicators.ts';
import { ledgerSearch } from './ledger.search.ts';
import { parsePayerKey } from './payer.ts';
import { payerPath } from './ledger.display.ts';

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeLedgerMessageParts = [financeLedgerMessages, financeLedgerPageMessages, financeLedgerAuditMessages] as const;

export const financeLedgerPart: ModulePart = {
  messages: financeLedgerMessageParts,
  tables: { fin_obligations: true, fin_entries: true, fin_payments: true, fin_refunds: true } satisfies TableList<FinanceLedgerTables>,
  migrations: financeLedgerMigrations,
  routes: [...payersRoutes, ...reportsRoutes],
  permissions: [
    // A payer's finances are personal data: every read is audited.
    { name: 'finance.ledger_view', scope: 'community', roles: ['accountant', 'head', 'deputy_head', 'chief_of_staff'] },
    { name: 'finance.ledger_adjust', scope: 'community', roles: ['accountant'] },
    // The head grants reliefs (the land-tax relief is the head's power); the accountant records them too.
    { name: 'finance.ledger_relief', scope: 'community', roles: ['accountant', 'head'] },
  ],
  nav: [
    { area: 'backoffice', path: '/finance/payers', label: 'finance.ledger.payers.title', access: 'staff:finance.ledger_view', order: 510 },
    { area: 'backoffice', path: '/finance/reports', label: 'finance.ledger.reports.title', access: 'staff:finance.ledger_view', order: 540 },
  ],
  indicators: ledgerIndicators,
  search: ledgerSearch,
  auditEvents: auditEventTypes(financeLedgerAuditMessages),
  auditSubjects: auditSubjects(financeLedgerAuditMessages, {
    payer: {
      href: (slug, id) => {
        const payer = parsePayerKey(id);
        return payer ? payerPath(slug, payer) : `/${slug}/staff/finance/payers`;
      },
    },
  }),
};
