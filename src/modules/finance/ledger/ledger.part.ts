// The finance module's ledger part: obligations, entries, payments and their pages.
import type { FinancePart } from '../part.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import type { FinanceLedgerTables } from './ledger.table.ts';
import { financeLedgerMigrations } from './ledger.migrations.ts';

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeLedgerMessageParts = [] as const;

export const financeLedgerPart: FinancePart = {
  messages: financeLedgerMessageParts,
  tables: { fin_obligations: true, fin_entries: true, fin_payments: true } satisfies TableList<FinanceLedgerTables>,
  migrations: financeLedgerMigrations,
};
