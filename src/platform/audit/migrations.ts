import type { MigrationSet } from '../db/migrations.ts';

export const auditMigrations: MigrationSet = {
  '20261126_0300_audit_init': {
    async up(db, t) {
      await t
        .id(db.schema.createTable('audit_events'))
        .addColumn('community_id', 'integer', (c) => c.references('communities.id'))
        .addColumn('chain', 'varchar(40)', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_label', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('request_id', 'text')
        .addColumn('action', 'varchar(80)', (c) => c.notNull())
        .addColumn('entity_type', 'varchar(60)', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        .addUniqueConstraint('audit_events_chain_seq', ['chain', 'seq'])
        .execute();
      await db.schema.createIndex('audit_events_community_at').on('audit_events').columns(['community_id', 'at']).execute();

      await db.schema
        .createTable('audit_heads')
        .addColumn('chain', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        .execute();
    },
  },
};
