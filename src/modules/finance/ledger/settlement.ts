// What happens when obligations are paid in full, by kind: a service fee moves its case
// on (the duties part registers that), a tax needs nothing more. The allocation of a
// payment calls these after its entries are written, in the same transaction.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { ObligationKind } from './ledger.table.ts';

/** `on`: the payment's date. Runs inside the payment's transaction; throwing undoes the payment. */
export type SettlementHandler = (tdb: TenantDb, obligationIds: number[], on: string) => Promise<void>;

const handlers = new Map<ObligationKind, SettlementHandler[]>();

export function registerSettlementHandler(kind: ObligationKind, handler: SettlementHandler): void {
  handlers.set(kind, [...(handlers.get(kind) ?? []), handler]);
}

/** Calls the handlers of each kind with the obligations of that kind that were settled now. */
export async function notifySettled(tdb: TenantDb, settled: { id: number; kind: ObligationKind }[], on: string): Promise<void> {
  for (const [kind, list] of handlers) {
    const ids = settled.filter((s) => s.kind === kind).map((s) => s.id);
    if (ids.length) for (const handler of list) await handler(tdb, ids, on);
  }
}
