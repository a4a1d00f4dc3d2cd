// The assessment's tables (assessment.table.ts).
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';

const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
const req = (c: ColumnDefinitionBuilder) => c.notNull();
const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function tenantIndex(db: Kysely<any>, table: string, columns: string[], unique = false) {
  let b = db.schema.createIndex(`${table}_${columns.join('_')}`).on(table).columns(['community_id', ...columns]);
  if (unique) b = b.unique();
  await b.execute();
}

/** The payer and object columns a line and a difference share. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withSubject(tb: any) {
  return tb
    .addColumn('year', 'integer', req)
    .addColumn('tax_kind', 'varchar(20)', req)
    .addColumn('object_type', 'varchar(10)', req)
    .addColumn('object_id', 'integer', req)
    .addColumn('object_label', 'text', req)
    .addColumn('payer_kind', 'varchar(12)')
    .addColumn('resident_id', 'integer', (c: ColumnDefinitionBuilder) => c.references('residents.id'))
    .addColumn('organization_id', 'integer', (c: ColumnDefinitionBuilder) => c.references('organizations.id'))
    .addColumn('payer_name', 'text');
}

export const financeAssessmentMigrations: MigrationSet = {
  '20261207_0300_finance_assessment': {
    async up(db, t) {
      await t.id(db.schema.createTable('fin_assessment_runs'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('year', 'integer', req)
        .addColumn('kind', 'varchar(14)', req)
        .addColumn('status', 'varchar(12)', req)
        .addColumn('as_of', 'varchar(10)', req)
        .addColumn('objects', 'integer', zero)
        .addColumn('lines_created', 'integer', zero)
        .addColumn('obligations_created', 'integer', zero)
        .addColumn('exempt', 'integer', zero)
        .addColumn('unchanged', 'integer', zero)
        .addColumn('changed', 'integer', zero)
        .addColumn('differences', 'integer', zero)
        .addColumn('amount', 'bigint', zero)
        .addColumn('progress_done', 'integer', zero)
        .addColumn('progress_total', 'integer', zero)
        .addColumn('error', 'text')
        .addColumn('job_id', 'integer')
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('actor_label', 'text', req)
        .addColumn('started_at', 'text', req)
        .addColumn('finished_at', 'text')
        .addColumn('approved_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('approved_at', 'text')
        .execute();
      await tenantIndex(db, 'fin_assessment_runs', ['year', 'kind']);

      await withSubject(t.id(db.schema.createTable('fin_assessment_lines')).addColumn('community_id', 'integer', cid)
        .addColumn('run_id', 'integer', (c: ColumnDefinitionBuilder) => c.notNull().references('fin_assessment_runs.id').onDelete('cascade')))
        .addColumn('tenure', 'varchar(6)', req)
        .addColumn('base', 'bigint', req)
        .addColumn('share_num', 'integer', req)
        .addColumn('share_den', 'integer', req)
        .addColumn('amount', 'bigint', req)
        .addColumn('calc_kind', 'varchar(30)', req)
        .addColumn('rule_kind', 'varchar(30)')
        .addColumn('rule_id', 'integer')
        .addColumn('legal_ref', 'text')
        .addColumn('verification', 'varchar(30)')
        .addColumn('exempt_reason', 'varchar(60)')
        .addColumn('obligation_id', 'integer', (c: ColumnDefinitionBuilder) => c.references('fin_obligations.id'))
        .addColumn('fingerprint', 'varchar(40)', req)
        .addColumn('status', 'varchar(10)', req)
        .addColumn('created_at', 'text', req)
        .execute();
      await tenantIndex(db, 'fin_assessment_lines', ['year', 'object_type', 'object_id']);
      await tenantIndex(db, 'fin_assessment_lines', ['resident_id', 'year']);
      await tenantIndex(db, 'fin_assessment_lines', ['organization_id', 'year']);
      await tenantIndex(db, 'fin_assessment_lines', ['obligation_id']);

      await t.id(db.schema.createTable('fin_assessment_coowners'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('line_id', 'integer', (c) => c.notNull().references('fin_assessment_lines.id').onDelete('cascade'))
        .addColumn('obligation_id', 'integer', (c) => c.references('fin_obligations.id'))
        .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .execute();
      await tenantIndex(db, 'fin_assessment_coowners', ['resident_id']);
      await tenantIndex(db, 'fin_assessment_coowners', ['line_id']);

      await withSubject(t.id(db.schema.createTable('fin_assessment_differences')).addColumn('community_id', 'integer', cid)
        .addColumn('run_id', 'integer', (c: ColumnDefinitionBuilder) => c.notNull().references('fin_assessment_runs.id').onDelete('cascade')))
        .addColumn('old_line_id', 'integer', (c: ColumnDefinitionBuilder) => c.references('fin_assessment_lines.id'))
        .addColumn('old_amount', 'bigint', req)
        .addColumn('new_amount', 'bigint', req)
        .addColumn('reason', 'varchar(20)', req)
        .addColumn('new_line', 'text')
        .addColumn('created_at', 'text', req)
        .execute();
      await tenantIndex(db, 'fin_assessment_differences', ['run_id']);

      await t.id(db.schema.createTable('fin_tax_notices'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('year', 'integer', req)
        .addColumn('payer_kind', 'varchar(12)', req)
        .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('payer_key', 'varchar(30)', req)
        .addColumn('number', 'varchar(20)', req)
        .addColumn('email_sent_at', 'text')
        .addColumn('sms_sent_at', 'text')
        .addColumn('created_at', 'text', req)
        .execute();
      await tenantIndex(db, 'fin_tax_notices', ['number'], true);
      await tenantIndex(db, 'fin_tax_notices', ['year', 'payer_key'], true);
    },
  },
};
