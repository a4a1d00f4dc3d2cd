// The rule table (rules.table.ts); the shipped national defaults are seeded by rules.seed.ts.
import type { MigrationSet } from '../../../platform/db/migrations.ts';
import { NATIONAL_DEFAULTS } from './rules.seed.ts';

export const financeRulesMigrations: MigrationSet = {
  '20261207_0000_finance_rules': {
    async up(db, t) {
      await t.id(db.schema.createTable('fin_rules'))
        .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('valid_to', 'varchar(10)')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('legal_ref', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('verification', 'varchar(10)', (c) => c.notNull())
        .addColumn('updated_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('fin_rules_kind_from').on('fin_rules').columns(['kind', 'valid_from']).execute();
    },
  },
  // The national defaults as the system ships them (rules.seed.ts); the national
  // administrator corrects them from then on, each change audited. A later correction of
  // the shipped defaults is a new migration, never an edit of rules.seed.ts's past rows.
  '20261207_0100_finance_rules_national_defaults': {
    async up(db) {
      const at = new Date().toISOString();
      await db.insertInto('fin_rules').values(NATIONAL_DEFAULTS.map((r) => ({
        community_id: null, kind: r.kind, valid_from: r.validFrom, valid_to: r.validTo, data: JSON.stringify(r.data),
        legal_ref: r.legalRef, source: r.source, verification: r.verification, updated_by_user_id: null, updated_at: at,
      }))).execute();
    },
  },
};
