import type { MigrationSet } from '../db/migrations.ts';

export const authMigrations: MigrationSet = {
  '20261126_0200_auth_init': {
    async up(db, t) {
      await t
        .id(db.schema.createTable('users'))
        .addColumn('email', 'varchar(254)', (c) => c.unique())
        .addColumn('phone', 'varchar(20)', (c) => c.unique())
        .addColumn('password_hash', 'text')
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('locale', 'varchar(2)', (c) => c.notNull().defaultTo('hy'))
        .addColumn('is_staff', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('mfa_pending', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await t
        .id(db.schema.createTable('api_tokens'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await t
        .id(db.schema.createTable('password_resets'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await t
        .id(db.schema.createTable('external_identities'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('provider', 'varchar(40)', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('external_identities_provider_subject', ['provider', 'subject'])
        .execute();

      await t
        .id(db.schema.createTable('role_assignments'))
        .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'varchar(40)', (c) => c.notNull())
        .addColumn('settlement_id', 'integer', (c) => c.references('settlements.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('role_assignments_user').on('role_assignments').column('user_id').execute();
      await db.schema
        .createIndex('role_assignments_unique')
        .on('role_assignments')
        .columns(['community_id', 'user_id', 'role'])
        .unique()
        .execute();

      await db.schema
        .createTable('national_roles')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'varchar(40)', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('national_roles_pk', ['user_id', 'role'])
        .execute();
    },
  },
  '20261127_0200_auth_totp_step': {
    // The time step of the last accepted TOTP code, so a code cannot be used twice.
    async up(db) {
      await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
    },
  },
};
