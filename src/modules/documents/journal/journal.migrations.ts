// The journal part's tables (journal.table.ts).
import type { ColumnDefinitionBuilder } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';

const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
const req = (c: ColumnDefinitionBuilder) => c.notNull();

export const documentsJournalMigrations: MigrationSet = {
  '20261207_2140_documents_journal': {
    async up(db, t) {
      await t.id(db.schema.createTable('doc_nomenclature'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('code', 'varchar(20)', req)
        .addColumn('title', 'text', req)
        .addColumn('retention_years', 'integer')
        .addColumn('created_at', 'text', req)
        .execute();
      await db.schema.createIndex('doc_nomenclature_code').on('doc_nomenclature').columns(['community_id', 'code']).unique().execute();

      await t.id(db.schema.createTable('doc_documents'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('journal', 'varchar(10)', req)
        .addColumn('year', 'integer', req)
        .addColumn('seq', 'integer', req)
        .addColumn('number', 'varchar(30)', req)
        .addColumn('registered_on', 'varchar(10)', req)
        .addColumn('correspondent_kind', 'varchar(12)', req)
        .addColumn('correspondent_name', 'text', req)
        .addColumn('correspondent_person_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('correspondent_org_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('correspondent_email', 'text')
        .addColumn('correspondent_address', 'text')
        .addColumn('summary', 'text', req)
        .addColumn('pages', 'integer')
        .addColumn('language', 'varchar(2)', req)
        .addColumn('access', 'varchar(10)', req)
        .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
        .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('external_ref', 'text')
        .addColumn('letter_kind', 'varchar(12)')
        .addColumn('channel', 'varchar(10)')
        .addColumn('reply_to_id', 'integer', (c) => c.references('doc_documents.id'))
        .addColumn('answer_due_on', 'varchar(10)')
        .addColumn('citizen_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('status', 'varchar(10)', req)
        .addColumn('nomenclature_id', 'integer', (c) => c.references('doc_nomenclature.id'))
        .addColumn('archived_at', 'text')
        .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', req)
        .addColumn('updated_at', 'text', req)
        .execute();
      await db.schema.createIndex('doc_documents_number').on('doc_documents').columns(['community_id', 'journal', 'year', 'seq']).unique().execute();
      await db.schema.createIndex('doc_documents_date').on('doc_documents').columns(['community_id', 'registered_on']).execute();
      await db.schema.createIndex('doc_documents_citizen').on('doc_documents').columns(['citizen_user_id']).execute();
      await db.schema.createIndex('doc_documents_reply').on('doc_documents').columns(['reply_to_id']).execute();

      await t.id(db.schema.createTable('doc_versions'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('document_id', 'integer', (c) => c.notNull().references('doc_documents.id').onDelete('cascade'))
        .addColumn('sha256', 'varchar(64)', req)
        .addColumn('name', 'text', req)
        .addColumn('media_type', 'varchar(100)', req)
        .addColumn('bytes', 'integer', req)
        .addColumn('added_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('added_at', 'text', req)
        .execute();
      await db.schema.createIndex('doc_versions_document').on('doc_versions').columns(['document_id']).execute();
      await db.schema.createIndex('doc_versions_sha256').on('doc_versions').columns(['sha256']).execute();

      await t.id(db.schema.createTable('doc_search_keys'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('document_id', 'integer', (c) => c.notNull().references('doc_documents.id').onDelete('cascade'))
        .addColumn('key', 'varchar(100)', req)
        .execute();
      await db.schema.createIndex('doc_search_keys_key').on('doc_search_keys').columns(['community_id', 'key', 'document_id']).execute();
      await db.schema.createIndex('doc_search_keys_document').on('doc_search_keys').columns(['document_id']).execute();

      await t.id(db.schema.createTable('doc_resolutions'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('document_id', 'integer', (c) => c.notNull().references('doc_documents.id').onDelete('cascade'))
        .addColumn('resolver_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('task', 'text', req)
        .addColumn('working_days', 'integer', req)
        .addColumn('issued_on', 'varchar(10)', req)
        .addColumn('due_on', 'varchar(10)', req)
        .addColumn('status', 'varchar(20)', req)
        .addColumn('report', 'text')
        .addColumn('requested_due_on', 'varchar(10)')
        .addColumn('done_on', 'varchar(10)')
        .addColumn('reminded_on', 'varchar(10)')
        .addColumn('escalated_on', 'varchar(10)')
        .addColumn('created_at', 'text', req)
        .addColumn('updated_at', 'text', req)
        .execute();
      await db.schema.createIndex('doc_resolutions_document').on('doc_resolutions').columns(['document_id']).execute();
      await db.schema.createIndex('doc_resolutions_due').on('doc_resolutions').columns(['community_id', 'status', 'due_on']).execute();

      await t.id(db.schema.createTable('doc_resolution_executors'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('resolution_id', 'integer', (c) => c.notNull().references('doc_resolutions.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('responsible', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('department', 'text')
        .execute();
      await db.schema.createIndex('doc_resolution_executors_resolution').on('doc_resolution_executors').columns(['resolution_id']).execute();
      await db.schema.createIndex('doc_resolution_executors_user').on('doc_resolution_executors').columns(['community_id', 'user_id']).execute();

      await t.id(db.schema.createTable('doc_resolution_events'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('resolution_id', 'integer', (c) => c.notNull().references('doc_resolutions.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(20)', req)
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .addColumn('at', 'text', req)
        .execute();
      await db.schema.createIndex('doc_resolution_events_resolution').on('doc_resolution_events').columns(['resolution_id']).execute();
    },
  },
};
