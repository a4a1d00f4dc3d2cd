// The statements' tables (statements.table.ts).
import type { ColumnDefinitionBuilder } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';

const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
const req = (c: ColumnDefinitionBuilder) => c.notNull();

export const financeStatementsMigrations: MigrationSet = {
  '20261207_0500_finance_statements': {
    async up(db, t) {
      await t.id(db.schema.createTable('fin_stmt_imports'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('source', 'varchar(30)', req)
        .addColumn('file_name', 'varchar(255)', req)
        .addColumn('sha256', 'varchar(64)', req)
        .addColumn('line_count', 'integer', req)
        .addColumn('matched_count', 'integer', req)
        .addColumn('unmatched_count', 'integer', req)
        .addColumn('rejected_count', 'integer', req)
        .addColumn('duplicate_count', 'integer', req)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', req)
        .execute();
      await db.schema.createIndex('fin_stmt_imports_sha256').on('fin_stmt_imports').columns(['community_id', 'sha256']).unique().execute();

      await t.id(db.schema.createTable('fin_stmt_lines'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('import_id', 'integer', (c) => c.notNull().references('fin_stmt_imports.id').onDelete('cascade'))
        .addColumn('source', 'varchar(30)', req)
        .addColumn('line_no', 'integer', req)
        .addColumn('bank_txn_id', 'varchar(100)')
        .addColumn('raw', 'text', req)
        .addColumn('paid_on', 'varchar(10)')
        .addColumn('amount', 'integer')
        .addColumn('payer_name', 'text')
        .addColumn('payer_identifier', 'varchar(20)')
        .addColumn('purpose', 'text')
        .addColumn('status', 'varchar(10)', req)
        .addColumn('reason', 'varchar(80)', req)
        .addColumn('reasons', 'text', req)
        .addColumn('payer_kind', 'varchar(12)')
        .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('payment_id', 'integer', (c) => c.references('fin_payments.id'))
        .addColumn('note', 'text')
        .addColumn('resolved_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('resolved_at', 'text')
        .addColumn('created_at', 'text', req)
        .execute();
      // Null ids (rejected lines without one) are distinct on both engines, so only real ids collide.
      await db.schema.createIndex('fin_stmt_lines_txn').on('fin_stmt_lines').columns(['community_id', 'source', 'bank_txn_id']).unique().execute();
      await db.schema.createIndex('fin_stmt_lines_import').on('fin_stmt_lines').columns(['community_id', 'import_id']).execute();
      await db.schema.createIndex('fin_stmt_lines_status').on('fin_stmt_lines').columns(['community_id', 'status']).execute();
    },
  },
};
