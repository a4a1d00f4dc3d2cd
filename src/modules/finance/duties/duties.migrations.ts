// The duties part's tables (duties.table.ts) and the shipped national catalogue.
import type { ColumnDefinitionBuilder } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';
import { DUTY_LAW, SHIPPED_DUTY_KINDS } from './duty-kinds.data.ts';

const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
const req = (c: ColumnDefinitionBuilder) => c.notNull();

export const financeDutiesMigrations: MigrationSet = {
  '20261207_0400_finance_duties': {
    async up(db, t) {
      await t.id(db.schema.createTable('fin_duty_kinds'))
        .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
        .addColumn('grp', 'varchar(4)', req)
        .addColumn('name_hy', 'text', req)
        .addColumn('name_en', 'text', req)
        .addColumn('name_ru', 'text', req)
        .addColumn('measure', 'varchar(10)', req)
        .addColumn('periodicity', 'varchar(10)', req)
        .addColumn('revenue_line', 'varchar(20)')
        .addColumn('band_from_m2', 'integer')
        .addColumn('band_to_m2', 'integer')
        .addColumn('limit_amount', 'integer')
        .addColumn('legal_ref', 'text', req)
        .addColumn('source', 'text')
        .addColumn('verification', 'varchar(10)', req)
        .addColumn('updated_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', req)
        .execute();

      await t.id(db.schema.createTable('fin_duty_rates'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('year', 'integer', req)
        .addColumn('kind_id', 'integer', (c) => c.notNull().references('fin_duty_kinds.id'))
        .addColumn('variant', 'varchar(100)', req)
        .addColumn('revenue_line', 'varchar(20)', req)
        .addColumn('treasury_account', 'varchar(12)', req)
        .addColumn('rate', 'integer', req)
        .addColumn('periodicity', 'varchar(10)', req)
        .addColumn('measure', 'varchar(10)', req)
        .addColumn('zone_coefficient', 'varchar(12)', req)
        .addColumn('decision_number', 'varchar(40)', req)
        .addColumn('decision_date', 'varchar(10)', req)
        .addColumn('council_decision_id', 'integer')
        .addColumn('created_at', 'text', req)
        .addColumn('updated_at', 'text', req)
        .execute();
      await db.schema.createIndex('fin_duty_rates_year_kind').on('fin_duty_rates').columns(['community_id', 'year', 'kind_id', 'variant']).unique().execute();

      await t.id(db.schema.createTable('fin_duty_payers'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('kind_id', 'integer', (c) => c.notNull().references('fin_duty_kinds.id'))
        .addColumn('variant', 'varchar(100)', req)
        .addColumn('payer_kind', 'varchar(12)', req)
        .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('payer_name', 'text', req)
        .addColumn('quantity', 'varchar(14)')
        .addColumn('area_m2', 'varchar(14)')
        .addColumn('place', 'text', req)
        .addColumn('starts_on', 'varchar(10)', req)
        .addColumn('ends_on', 'varchar(10)')
        .addColumn('created_at', 'text', req)
        .addColumn('updated_at', 'text', req)
        .execute();
      await db.schema.createIndex('fin_duty_payers_kind').on('fin_duty_payers').columns(['community_id', 'kind_id', 'variant']).execute();

      const now = new Date().toISOString();
      await db.insertInto('fin_duty_kinds').values(SHIPPED_DUTY_KINDS.map((k) => ({
        code: k.code, grp: k.grp, name_hy: k.name.hy, name_en: k.name.en, name_ru: k.name.ru, measure: k.measure, periodicity: k.periodicity,
        revenue_line: k.revenueLine, band_from_m2: k.band?.from ?? null, band_to_m2: k.band?.to ?? null, limit_amount: k.limit,
        legal_ref: DUTY_LAW, source: k.source, verification: k.verification, updated_by_user_id: null, updated_at: now,
      }))).execute();
    },
  },
};
