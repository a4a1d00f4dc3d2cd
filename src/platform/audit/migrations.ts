import { sql } from 'kysely';
import type { MigrationSet } from '../db/migrations.ts';

/** The message both engines raise when something tries to change or remove an audit event. */
export const APPEND_ONLY_MESSAGE = 'audit_events is append-only';

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
  // Append-only at the database: UPDATE and DELETE (and TRUNCATE on PostgreSQL) on
  // audit_events fail whoever asks. Someone with the rights to drop the triggers can still
  // tamper; `mmis audit verify` finds that through the hash chain. Restore only inserts.
  '20261126_0310_audit_append_only': {
    async up(db, t) {
      if (t.engine === 'sqlite') {
        await sql.raw(`create trigger audit_events_no_update before update on audit_events
          begin select raise(abort, '${APPEND_ONLY_MESSAGE}'); end`).execute(db);
        await sql.raw(`create trigger audit_events_no_delete before delete on audit_events
          begin select raise(abort, '${APPEND_ONLY_MESSAGE}'); end`).execute(db);
        return;
      }
      await sql.raw(`create or replace function audit_events_append_only() returns trigger language plpgsql as $$
        begin
          raise exception '${APPEND_ONLY_MESSAGE}' using errcode = 'insufficient_privilege';
        end
        $$`).execute(db);
      await sql.raw(`create trigger audit_events_no_change before update or delete on audit_events
        for each row execute function audit_events_append_only()`).execute(db);
      await sql.raw(`create trigger audit_events_no_truncate before truncate on audit_events
        for each statement execute function audit_events_append_only()`).execute(db);
    },
  },
  // "Who viewed my record" looks up the events of one record among every read of people
  // (a list page writes one per person shown): by entity, not by scanning the community's log.
  '20261207_0320_audit_entity_index': {
    async up(db) {
      await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity_type', 'entity_id', 'community_id']).execute();
    },
  },
};
