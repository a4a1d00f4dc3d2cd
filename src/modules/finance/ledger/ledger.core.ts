// The ledger's writing core, shared by every part that creates debts or records money:
// obligations are created once per source key, entries are only ever appended, a payment
// is recorded once per provider transaction. Balances, penalties and the allocation of a
// payment to obligations live beside this file and build on it.
import type { Insertable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { FinEntriesTable, FinObligationsTable, FinPaymentsTable } from './ledger.table.ts';

export type NewObligation = Omit<Insertable<FinObligationsTable>, 'id' | 'community_id' | 'status' | 'created_at'>;
export type NewEntry = Omit<Insertable<FinEntriesTable>, 'id' | 'community_id' | 'created_at'>;
export type NewPayment = Omit<Insertable<FinPaymentsTable>, 'id' | 'community_id' | 'created_at' | 'allocated_on'>;

const now = () => new Date().toISOString();

function assertWholeDrams(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${what}: money is whole drams, got ${amount}`);
}

/**
 * The obligation with this source key, created if there is none. Returns its id and
 * whether it was created now (false: an earlier run made it, and nothing was written).
 */
export async function ensureObligation(tdb: TenantDb, ob: NewObligation): Promise<{ id: number; created: boolean }> {
  const existing = await tdb.selectFrom('fin_obligations').select('id').where('source_key', '=', ob.source_key).executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  if ((ob.payer_kind === 'resident') !== (ob.resident_id != null) || (ob.payer_kind === 'organization') !== (ob.organization_id != null)) {
    throw new TypeError(`obligation ${ob.source_key}: the payer must be exactly one resident or one organization`);
  }
  const row = await tdb.insertInto('fin_obligations', { ...ob, status: 'active', created_at: now() }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

/** Appends entries (never updated afterwards); returns their ids in order. */
export async function postEntries(tdb: TenantDb, entries: NewEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  for (const e of entries) assertWholeDrams(e.amount, `entry ${e.kind}`);
  const created = now();
  const rows = await tdb.insertInto('fin_entries', entries.map((e) => ({ ...e, created_at: created }))).returning('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Records a payment once per (provider, provider transaction id). A repeat returns the
 * first payment's id with `created: false`, so a provider's retried callback is answered
 * "OK" without paying twice.
 */
export async function recordPayment(tdb: TenantDb, p: NewPayment): Promise<{ id: number; created: boolean }> {
  assertWholeDrams(p.amount, 'payment');
  if (p.amount <= 0) throw new RangeError('a payment is a positive amount');
  const find = () => tdb.selectFrom('fin_payments').select('id').where('provider', '=', p.provider).where('provider_txn_id', '=', p.provider_txn_id).executeTakeFirst();
  const existing = await find();
  if (existing) return { id: existing.id, created: false };
  try {
    const row = await tdb.insertInto('fin_payments', { ...p, created_at: now() }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, created: true };
  } catch (error) {
    // Two callbacks at once: the unique index lets one in; the other finds it.
    const raced = await find();
    if (raced) return { id: raced.id, created: false };
    throw error;
  }
}
