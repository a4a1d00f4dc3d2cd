// The ledger's tables: obligations, immutable entries and payments (ledger.table.ts).
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';

const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
const req = (c: ColumnDefinitionBuilder) => c.notNull();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function tenantIndex(db: Kysely<any>, table: string, columns: string[], unique = false) {
  let b = db.schema.createIndex(`${table}_${columns.join('_')}`).on(table).columns(['community_id', ...columns]);
  if (unique) b = b.unique();
  await b.execute();
}

const PENALTY_SOURCE = 'DOMAIN-finance.md §3: parliament.am/legislation.php?ID=7109; gov.am/en/news/item/9795 (rates, verified); the 730-day cap from time.news describing the same law (partly shown)';

export const financeLedgerMigrations: MigrationSet = {
  // The national penalty rate with its history (penalty.ts reads it). Rates are verified; the
  // cap of 730 days is only partly shown, so both rows, which carry it, ship 'to_check'.
  '20261207_0002_finance_penalty_defaults': {
    async up(db) {
      const at = new Date().toISOString();
      const row = (validFrom: string, validTo: string | null, ratePctPerDay: number, legalRef: string) => ({
        community_id: null, kind: 'penalty', valid_from: validFrom, valid_to: validTo, data: JSON.stringify({ ratePctPerDay, capDays: 730 }),
        legal_ref: legalRef, source: PENALTY_SOURCE, verification: 'to_check', updated_by_user_id: null, updated_at: at,
      });
      await db.insertInto('fin_rules').values([
        row('2018-01-01', '2020-04-20', 0.075, 'Tax Code HO-165-N, Art 401(1) (before HO-220-N); cap: Art 401 [P]'),
        row('2020-04-21', null, 0.04, 'Tax Code HO-165-N, Art 401(1) as amended by HO-220-N of 22.04.2020; cap: Art 401 [P]'),
      ]).execute();
    },
  },
  '20261207_0100_finance_ledger': {
    async up(db, t) {
      await t.id(db.schema.createTable('fin_obligations'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('payer_kind', 'varchar(12)', req)
        .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('kind', 'varchar(20)', req)
        .addColumn('subject_type', 'varchar(20)', req)
        .addColumn('subject_id', 'integer')
        .addColumn('subject_label', 'text', req)
        .addColumn('period', 'varchar(10)', req)
        .addColumn('due_on', 'varchar(10)', req)
        .addColumn('revenue_line', 'varchar(20)')
        .addColumn('source_key', 'varchar(160)', req)
        .addColumn('status', 'varchar(10)', req)
        .addColumn('created_at', 'text', req)
        .execute();
      await tenantIndex(db, 'fin_obligations', ['source_key'], true);
      await tenantIndex(db, 'fin_obligations', ['resident_id']);
      await tenantIndex(db, 'fin_obligations', ['organization_id']);
      await tenantIndex(db, 'fin_obligations', ['kind', 'period']);

      await t.id(db.schema.createTable('fin_payments'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('payer_kind', 'varchar(12)')
        .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('payer_name', 'text', req)
        .addColumn('amount', 'integer', req)
        .addColumn('channel', 'varchar(10)', req)
        .addColumn('provider', 'varchar(30)', req)
        .addColumn('provider_txn_id', 'varchar(100)', req)
        .addColumn('reference', 'text')
        .addColumn('paid_on', 'varchar(10)', req)
        .addColumn('receipt_number', 'varchar(20)')
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', req)
        .execute();
      await tenantIndex(db, 'fin_payments', ['provider', 'provider_txn_id'], true);
      await tenantIndex(db, 'fin_payments', ['resident_id']);
      await tenantIndex(db, 'fin_payments', ['organization_id']);

      await t.id(db.schema.createTable('fin_entries'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('obligation_id', 'integer', (c) => c.notNull().references('fin_obligations.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(12)', req)
        .addColumn('component', 'varchar(10)', req)
        .addColumn('amount', 'integer', req)
        .addColumn('entry_on', 'varchar(10)', req)
        .addColumn('payment_id', 'integer', (c) => c.references('fin_payments.id'))
        .addColumn('reverses_entry_id', 'integer', (c) => c.references('fin_entries.id'))
        .addColumn('legal_ground', 'text')
        .addColumn('note', 'text')
        .addColumn('batch', 'varchar(60)')
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', req)
        .execute();
      await tenantIndex(db, 'fin_entries', ['obligation_id']);
      await tenantIndex(db, 'fin_entries', ['payment_id']);
    },
  },
  '20261207_0101_finance_ledger_corrections': {
    async up(db, t) {
      // Set when a payment is allocated: the allocation's idempotency mark (allocate.ts).
      await db.schema.alterTable('fin_payments').addColumn('allocated_on', 'varchar(10)').execute();
      // An entry is reversed at most once: a second reversal of it is refused by this index too.
      await tenantIndex(db, 'fin_entries', ['reverses_entry_id'], true);
      await t.id(db.schema.createTable('fin_refunds'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('payment_id', 'integer', (c) => c.notNull().references('fin_payments.id'))
        .addColumn('amount', 'integer', req)
        .addColumn('refunded_on', 'varchar(10)', req)
        .addColumn('note', 'text', req)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', req)
        .execute();
      await tenantIndex(db, 'fin_refunds', ['payment_id']);
    },
  },
};
