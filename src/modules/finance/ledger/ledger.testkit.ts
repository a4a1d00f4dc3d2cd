// Obligations, payments and payers for the ledger's tests, written through the ledger's own API.
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Services } from '../../../platform/module/contract.ts';
import type { ObligationKind, PayerRef } from './ledger.table.ts';
import { ensureObligation, postEntries, recordPayment } from './ledger.core.ts';
import { payerColumns } from './payer.ts';

let serial = 0;

export interface LedgerWorld {
  tdb: TenantDb;
  payer: PayerRef;
  /** A second payer of the same community. */
  other: PayerRef;
  /** An obligation with its accrual (dated a month before it is due); returns its id. */
  owe(amount: number, dueOn: string, opts?: { kind?: ObligationKind; payer?: PayerRef; label?: string }): Promise<number>;
  /** Records a payment by the payer; returns its id. */
  pay(amount: number, on: string, payer?: PayerRef): Promise<number>;
}

/**
 * Registered residents with a public service number whom the demo's finance seeding left
 * alone (no obligation, no payment), so a test's balances start from nothing.
 */
export function untouchedResidents(tdb: TenantDb) {
  return tdb.selectFrom('residents').select(['id', 'public_service_number', 'first_name', 'last_name'])
    .where('public_service_number', 'is not', null).where('status', '=', 'registered')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fin_obligations').select('fin_obligations.id').whereRef('fin_obligations.resident_id', '=', 'residents.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fin_payments').select('fin_payments.id').whereRef('fin_payments.resident_id', '=', 'residents.id'))))
    .orderBy('id');
}

/** An organization the demo's finance seeding left alone. */
export function untouchedOrganizations(tdb: TenantDb) {
  return tdb.selectFrom('organizations').select(['id', 'tax_id', 'name'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fin_obligations').select('fin_obligations.id').whereRef('fin_obligations.organization_id', '=', 'organizations.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fin_payments').select('fin_payments.id').whereRef('fin_payments.organization_id', '=', 'organizations.id'))))
    .orderBy('id');
}

export async function ledgerWorld(services: Services, slug = 'sisian'): Promise<LedgerWorld> {
  const db = services.db.kysely;
  const community = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const tdb = new TenantDb(db, community.id);
  const residents = await untouchedResidents(tdb).limit(2).execute();
  const payer: PayerRef = { kind: 'resident', residentId: residents[0]!.id };
  const other: PayerRef = { kind: 'resident', residentId: residents[1]!.id };
  return {
    tdb, payer, other,
    async owe(amount, dueOn, opts = {}) {
      const key = `test:${++serial}:${dueOn}`;
      const year = dueOn.slice(0, 4);
      const { id } = await ensureObligation(tdb, {
        ...payerColumns(opts.payer ?? payer), kind: opts.kind ?? 'real_estate_tax', subject_type: 'structure', subject_id: null,
        subject_label: opts.label ?? `Test house ${serial}`, period: year, due_on: dueOn, revenue_line: '1131', source_key: key,
      });
      const accrualOn = `${year}-${dueOn.slice(5, 7) === '01' ? '01' : String(Number(dueOn.slice(5, 7)) - 1).padStart(2, '0')}-01`;
      await postEntries(tdb, [{
        obligation_id: id, kind: 'accrual', component: 'principal', amount, entry_on: accrualOn, payment_id: null,
        reverses_entry_id: null, legal_ground: null, note: null, batch: 'test', actor_user_id: null,
      }]);
      return id;
    },
    async pay(amount, on, who = payer) {
      const { id } = await recordPayment(tdb, {
        ...payerColumns(who), payer_name: 'Test payer', amount, channel: 'cash', provider: 'test', provider_txn_id: `t${++serial}`,
        reference: null, paid_on: on, receipt_number: null, actor_user_id: null,
      });
      return id;
    },
  };
}
