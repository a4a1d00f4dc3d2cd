// Tables of the platform's background parts: jobs, the notification outbox, in-app
// notices, the file store's index and the national working-day calendar.
import type { MigrationSet } from '../db/migrations.ts';

export const backgroundMigrations: MigrationSet = {
  '20261127_0100_platform_background': {
    async up(db, t) {
      await t.id(db.schema.createTable('jobs'))
        .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(80)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('jobs_status_run_at').on('jobs').columns(['status', 'run_at']).execute();

      await t.id(db.schema.createTable('outbox_messages'))
        .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('cascade'))
        .addColumn('channel', 'varchar(10)', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('locale', 'varchar(5)', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_status_next').on('outbox_messages').columns(['status', 'next_attempt_at']).execute();

      await t.id(db.schema.createTable('notices'))
        .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('message_key', 'varchar(120)', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('notices_user').on('notices').columns(['community_id', 'user_id', 'read_at']).execute();

      await db.schema.createTable('stored_files')
        .addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('mime', 'varchar(100)', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('calendar_days')
        .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('working', 'integer', (c) => c.notNull())
        .addColumn('name_hy', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_ru', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
