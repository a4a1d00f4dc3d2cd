// The payments part's tables (payments.table.ts).
import type { ColumnDefinitionBuilder } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';

const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
const req = (c: ColumnDefinitionBuilder) => c.notNull();

export const financePaymentsMigrations: MigrationSet = {
  '20261207_0400_finance_payments': {
    async up(db, t) {
      await t.id(db.schema.createTable('fin_payment_providers'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('provider', 'varchar(10)', req)
        .addColumn('merchant_id', 'varchar(60)', req)
        .addColumn('username', 'varchar(60)')
        .addColumn('secret', 'varchar(200)', req)
        .addColumn('gateway_url', 'varchar(300)', req)
        .addColumn('enabled', 'integer', req)
        .addColumn('updated_at', 'text', req)
        .execute();
      await db.schema.createIndex('fin_payment_providers_community_provider').on('fin_payment_providers').columns(['community_id', 'provider']).unique().execute();

      await t.id(db.schema.createTable('fin_payment_intents'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('bill_no', 'varchar(40)', req)
        .addColumn('provider', 'varchar(10)', req)
        .addColumn('payer_kind', 'varchar(12)', req)
        .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('payer_name', 'text', req)
        .addColumn('obligation_ids', 'text', req)
        .addColumn('amount', 'integer', req)
        .addColumn('status', 'varchar(10)', req)
        .addColumn('provider_order_id', 'varchar(100)')
        .addColumn('provider_txn_id', 'varchar(100)')
        .addColumn('payment_id', 'integer', (c) => c.references('fin_payments.id'))
        .addColumn('return_path', 'varchar(300)', req)
        .addColumn('description', 'text', req)
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', req)
        .addColumn('updated_at', 'text', req)
        .addColumn('checked_at', 'text')
        .execute();
      await db.schema.createIndex('fin_payment_intents_community_bill').on('fin_payment_intents').columns(['community_id', 'bill_no']).unique().execute();
      await db.schema.createIndex('fin_payment_intents_status_created').on('fin_payment_intents').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('fin_payment_intents_order').on('fin_payment_intents').columns(['community_id', 'provider', 'provider_order_id']).execute();

      await t.id(db.schema.createTable('fin_receipts'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('payment_id', 'integer', (c) => c.notNull().references('fin_payments.id'))
        .addColumn('number', 'varchar(20)', req)
        .addColumn('code', 'varchar(20)', req)
        .addColumn('sha256', 'varchar(64)', req)
        .addColumn('issued_at', 'text', req)
        .execute();
      await db.schema.createIndex('fin_receipts_community_payment').on('fin_receipts').columns(['community_id', 'payment_id']).unique().execute();
      await db.schema.createIndex('fin_receipts_community_number').on('fin_receipts').columns(['community_id', 'number']).unique().execute();

      await t.id(db.schema.createTable('fin_org_representatives'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('added_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('added_at', 'text', req)
        .execute();
      await db.schema.createIndex('fin_org_representatives_unique').on('fin_org_representatives').columns(['community_id', 'organization_id', 'user_id']).unique().execute();
      await db.schema.createIndex('fin_org_representatives_user').on('fin_org_representatives').columns(['user_id']).execute();
    },
  },
};
