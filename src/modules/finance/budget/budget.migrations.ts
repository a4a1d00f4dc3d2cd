// The budget's tables (budget.table.ts), on both engines.
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';

const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
const req = (c: ColumnDefinitionBuilder) => c.notNull();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function index(db: Kysely<any>, table: string, columns: string[], unique = false) {
  let b = db.schema.createIndex(`${table}_${columns.join('_')}`).on(table).columns(['community_id', ...columns]);
  if (unique) b = b.unique();
  await b.execute();
}

export const financeBudgetMigrations: MigrationSet = {
  '20261207_0600_finance_budget': {
    async up(db, t) {
      await t.id(db.schema.createTable('fin_budgets'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('year', 'integer', req)
        .addColumn('status', 'varchar(10)', req)
        .addColumn('decision_number', 'varchar(40)')
        .addColumn('decision_date', 'varchar(10)')
        .addColumn('decision_id', 'integer')
        .addColumn('created_at', 'text', req)
        .addColumn('updated_at', 'text', req)
        .execute();
      await index(db, 'fin_budgets', ['year'], true);

      await t.id(db.schema.createTable('fin_budget_lines'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('budget_id', 'integer', (c) => c.notNull().references('fin_budgets.id').onDelete('cascade'))
        .addColumn('direction', 'varchar(8)', req)
        .addColumn('part', 'varchar(16)', req)
        .addColumn('functional_code', 'varchar(12)', req)
        .addColumn('economic_code', 'varchar(12)', req)
        .addColumn('name', 'text', req)
        .addColumn('approved', 'bigint', req)
        .execute();
      await index(db, 'fin_budget_lines', ['budget_id', 'direction', 'part', 'functional_code', 'economic_code'], true);

      await t.id(db.schema.createTable('fin_budget_amendments'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('budget_id', 'integer', (c) => c.notNull().references('fin_budgets.id').onDelete('cascade'))
        .addColumn('decision_number', 'varchar(40)', req)
        .addColumn('decision_date', 'varchar(10)', req)
        .addColumn('decision_id', 'integer')
        .addColumn('note', 'text')
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', req)
        .execute();
      await index(db, 'fin_budget_amendments', ['budget_id']);

      await t.id(db.schema.createTable('fin_budget_amendment_lines'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('amendment_id', 'integer', (c) => c.notNull().references('fin_budget_amendments.id').onDelete('cascade'))
        .addColumn('line_id', 'integer', (c) => c.notNull().references('fin_budget_lines.id').onDelete('cascade'))
        .addColumn('delta', 'bigint', req)
        .execute();
      await index(db, 'fin_budget_amendment_lines', ['amendment_id', 'line_id'], true);

      await t.id(db.schema.createTable('fin_budget_exec_imports'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('budget_id', 'integer', (c) => c.notNull().references('fin_budgets.id').onDelete('cascade'))
        .addColumn('sha256', 'varchar(64)', req)
        .addColumn('file_name', 'text', req)
        .addColumn('rows_applied', 'integer', req)
        .addColumn('rows_rejected', 'integer', req)
        .addColumn('report_json', 'text', req)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', req)
        .execute();
      await index(db, 'fin_budget_exec_imports', ['budget_id', 'sha256'], true);

      await t.id(db.schema.createTable('fin_budget_execution'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('line_id', 'integer', (c) => c.notNull().references('fin_budget_lines.id').onDelete('cascade'))
        .addColumn('period', 'varchar(7)', req)
        .addColumn('amount', 'bigint', req)
        .addColumn('import_id', 'integer', (c) => c.notNull().references('fin_budget_exec_imports.id'))
        .execute();
      await index(db, 'fin_budget_execution', ['line_id', 'period'], true);
    },
  },
};
