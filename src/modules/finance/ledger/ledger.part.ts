// The finance module's ledger part: obligations, entries, payments and their pages.
import type { FinancePart } from '../part.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import type { FinanceLedgerTables } from './ledger.table.ts';
import { financeLedgerMigrations } from './ledger.migrations.ts';
import { financeLedgerMessages } from './ledger.messages.ts';
import { financeLedgerAuditMessages } from './ledger.audit.messages.ts';

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeLedgerMessageParts = [financeLedgerMessages, financeLedgerAuditMessages] as const;

export const financeLedgerPart: FinancePart = {
  messages: financeLedgerMessageParts,
  tables: { fin_obligations: true, fin_entries: true, fin_payments: true, fin_refunds: true } satisfies TableList<FinanceLedgerTables>,
  migrations: financeLedgerMigrations,
  auditEvents: auditEventTypes(financeLedgerAuditMessages),
  auditSubjects: auditSubjects(financeLedgerAuditMessages),
};
