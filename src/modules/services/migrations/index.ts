import type { ColumnDefinitionBuilder } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';

export const servicesMigrations: MigrationSet = {
  '20261127_0500_services_init': {
    async up(db, t) {
      const index = async (table: string, columns: string[], unique = false) => {
        let b = db.schema.createIndex(`${table}_${columns.join('_')}`).on(table).columns(['community_id', ...columns]);
        if (unique) b = b.unique();
        await b.execute();
      };
      const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
      const text = (c: ColumnDefinitionBuilder) => c.notNull();

      await t.id(db.schema.createTable('sequence_counters'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('name', 'varchar(80)', text)
        .addColumn('last', 'integer', text)
        .execute();
      await index('sequence_counters', ['name'], true);

      await t.id(db.schema.createTable('service_definitions'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('code', 'varchar(60)', text)
        .addColumn('template_code', 'varchar(60)')
        .addColumn('group_code', 'varchar(30)', text)
        .addColumn('status', 'varchar(10)', text)
        .addColumn('current_version_id', 'integer')
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', text)
        .addColumn('updated_at', 'text', text)
        .execute();
      await index('service_definitions', ['code'], true);

      await t.id(db.schema.createTable('service_versions'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('service_id', 'integer', (c) => c.notNull().references('service_definitions.id').onDelete('cascade'))
        .addColumn('version', 'integer', text)
        .addColumn('spec', 'text', text)
        .addColumn('created_at', 'text', text)
        .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id'))
        .execute();
      await index('service_versions', ['service_id', 'version'], true);

      await t.id(db.schema.createTable('cases'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('service_id', 'integer', (c) => c.notNull().references('service_definitions.id'))
        .addColumn('service_version_id', 'integer', (c) => c.notNull().references('service_versions.id'))
        .addColumn('reg_number', 'varchar(20)')
        .addColumn('reg_year', 'integer')
        .addColumn('reg_seq', 'integer')
        .addColumn('state', 'varchar(40)', text)
        .addColumn('channel', 'varchar(10)', text)
        .addColumn('applicant_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('applicant_kind', 'varchar(12)', text)
        .addColumn('applicant_psn', 'varchar(10)')
        .addColumn('applicant_tax_id', 'varchar(8)')
        .addColumn('applicant_name', 'text', text)
        .addColumn('applicant_email', 'text')
        .addColumn('applicant_phone', 'text')
        .addColumn('applicant_locale', 'varchar(5)', text)
        .addColumn('settlement_id', 'integer', (c) => c.references('settlements.id'))
        .addColumn('form_data', 'text', text)
        .addColumn('fee_amount', 'integer', text)
        .addColumn('fee_status', 'varchar(10)', text)
        .addColumn('assignee_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('department', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('registered_at', 'text')
        .addColumn('due_date', 'varchar(10)')
        .addColumn('state_due_date', 'varchar(10)')
        .addColumn('state_entered_at', 'text', text)
        .addColumn('paused_at', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('decision', 'varchar(10)')
        .addColumn('decision_reason', 'text')
        .addColumn('info_request', 'text')
        .addColumn('rating', 'integer')
        .addColumn('rating_comment', 'text')
        .addColumn('rated_at', 'text')
        .addColumn('escalated_at', 'text')
        .addColumn('version', 'integer', text)
        .addColumn('created_at', 'text', text)
        .addColumn('updated_at', 'text', text)
        .execute();
      await index('cases', ['reg_year', 'reg_seq'], true);
      // The inbox: open cases by state and deadline; "mine": by assignee.
      await index('cases', ['state', 'due_date']);
      await index('cases', ['assignee_user_id', 'state']);
      await index('cases', ['service_id', 'registered_at']);
      await index('cases', ['updated_at']);
      await db.schema.createIndex('cases_applicant_user').on('cases').columns(['applicant_user_id', 'updated_at']).execute();

      await t.id(db.schema.createTable('case_events'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('at', 'text', text)
        .addColumn('kind', 'varchar(20)', text)
        .addColumn('public', 'integer', text)
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('actor_label', 'text', text)
        .addColumn('from_state', 'varchar(40)')
        .addColumn('to_state', 'varchar(40)')
        .addColumn('body', 'text')
        .addColumn('data', 'text')
        .execute();
      await index('case_events', ['case_id', 'at']);

      await t.id(db.schema.createTable('case_attachments'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('document_key', 'varchar(40)')
        .addColumn('sha256', 'varchar(64)', text)
        .addColumn('filename', 'text', text)
        .addColumn('mime', 'varchar(100)', text)
        .addColumn('size', 'integer', text)
        .addColumn('public', 'integer', text)
        .addColumn('uploaded_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('uploaded_at', 'text', text)
        .execute();
      await index('case_attachments', ['case_id']);

      await t.id(db.schema.createTable('issued_documents'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
        .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('kind', 'varchar(40)', text)
        .addColumn('title', 'text', text)
        .addColumn('subject', 'text', text)
        .addColumn('issuer_name', 'text', text)
        .addColumn('issued_at', 'text', text)
        .addColumn('sha256', 'varchar(64)', text)
        .addColumn('status', 'varchar(10)', text)
        .addColumn('revoked_at', 'text')
        .addColumn('revoke_reason', 'text')
        .execute();
      await index('issued_documents', ['case_id']);

      await t.id(db.schema.createTable('queue_windows'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('settlement_id', 'integer', (c) => c.references('settlements.id'))
        .addColumn('label', 'varchar(10)', text)
        .addColumn('groups', 'text', text)
        .addColumn('operator_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('active', 'integer', text)
        .addColumn('created_at', 'text', text)
        .execute();
      await index('queue_windows', ['settlement_id']);

      await t.id(db.schema.createTable('queue_tickets'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('settlement_id', 'integer', (c) => c.references('settlements.id'))
        .addColumn('group_code', 'varchar(30)', text)
        .addColumn('day', 'varchar(10)', text)
        .addColumn('number', 'integer', text)
        .addColumn('label', 'varchar(12)', text)
        .addColumn('status', 'varchar(10)', text)
        .addColumn('window_id', 'integer', (c) => c.references('queue_windows.id'))
        .addColumn('operator_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('issued_at', 'text', text)
        .addColumn('called_at', 'text')
        .addColumn('served_at', 'text')
        .addColumn('done_at', 'text')
        .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
        .execute();
      await index('queue_tickets', ['day', 'status']);

      await t.id(db.schema.createTable('service_stats'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('service_id', 'integer', (c) => c.notNull().references('service_definitions.id').onDelete('cascade'))
        .addColumn('cases', 'integer', text)
        .addColumn('decided', 'integer', text)
        .addColumn('decided_on_time', 'integer', text)
        .addColumn('median_days', 'double precision')
        .addColumn('rating_count', 'integer', text)
        .addColumn('rating_sum', 'integer', text)
        .addColumn('computed_at', 'text', text)
        .execute();
      await index('service_stats', ['service_id'], true);
    },
  },
  // Inbox filters that the first indexes did not cover (measured on 100,000 cases: a
  // settlement head's inbox 102 → 5 ms, search by PSN 43 → 1 ms on SQLite).
  '20261128_0500_services_inbox_indexes': {
    async up(db) {
      await db.schema.createIndex('cases_settlement_state_due').on('cases').columns(['community_id', 'settlement_id', 'state', 'due_date']).execute();
      await db.schema.createIndex('cases_service_state_due').on('cases').columns(['community_id', 'service_id', 'state', 'due_date']).execute();
      await db.schema.createIndex('cases_applicant_psn').on('cases').columns(['community_id', 'applicant_psn']).execute();
      await db.schema.createIndex('cases_applicant_name').on('cases').columns(['community_id', 'applicant_name']).execute();
    },
  },
  // The file sweep (platform/files/sweep.ts) asks, for each old stored file, whether any
  // attachment or document still refers to it: by hash, across communities.
  '20261207_0500_services_file_ref_indexes': {
    async up(db) {
      await db.schema.createIndex('case_attachments_sha256').on('case_attachments').column('sha256').execute();
      await db.schema.createIndex('issued_documents_sha256').on('issued_documents').column('sha256').execute();
    },
  },
};
