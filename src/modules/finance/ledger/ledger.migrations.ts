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

export const financeLedgerMigrations: MigrationSet = {
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
};
