import type { ColumnDefinitionBuilder } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';
import type { Executor } from '../../../platform/db/tenant.ts';
import { refoldSearchKeys } from '../search-refold.ts';

export const registryMigrations: MigrationSet = {
  '20261126_0400_registry_init': {
    async up(db, t) {
      const tenantIndex = async (table: string, columns: string[], unique = false) => {
        let b = db.schema.createIndex(`${table}_${columns.join('_')}`).on(table).columns(['community_id', ...columns]);
        if (unique) b = b.unique();
        await b.execute();
      };
      const fk = (table: string) => (c: ColumnDefinitionBuilder) => c.references(`${table}.id`);
      const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');

      await t.id(db.schema.createTable('streets'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('settlement_id', 'integer', (c) => c.notNull().references('settlements.id'))
        .addColumn('name_hy', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_ru', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('streets', ['settlement_id']);

      await t.id(db.schema.createTable('addresses'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('settlement_id', 'integer', (c) => c.notNull().references('settlements.id'))
        .addColumn('street_id', 'integer', fk('streets'))
        .addColumn('number', 'varchar(20)', (c) => c.notNull())
        .addColumn('postcode', 'varchar(4)')
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('addresses', ['settlement_id', 'street_id', 'number']);

      await t.id(db.schema.createTable('address_units'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('address_id', 'integer', (c) => c.notNull().references('addresses.id').onDelete('cascade'))
        .addColumn('number', 'varchar(20)', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('address_units', ['address_id', 'number'], true);

      await t.id(db.schema.createTable('households'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('settlement_id', 'integer', (c) => c.notNull().references('settlements.id'))
        .addColumn('address_id', 'integer', fk('addresses'))
        .addColumn('unit_id', 'integer', fk('address_units'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('households', ['address_id']);

      await t.id(db.schema.createTable('residents'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('patronymic', 'text')
        .addColumn('last_name_latin', 'text', (c) => c.notNull())
        .addColumn('first_name_latin', 'text', (c) => c.notNull())
        .addColumn('patronymic_latin', 'text')
        .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('sex', 'varchar(1)', (c) => c.notNull())
        .addColumn('public_service_number', 'varchar(10)')
        .addColumn('id_document', 'text')
        .addColumn('phone', 'varchar(20)')
        .addColumn('email', 'varchar(254)')
        .addColumn('settlement_id', 'integer', (c) => c.notNull().references('settlements.id'))
        .addColumn('address_id', 'integer', fk('addresses'))
        .addColumn('unit_id', 'integer', fk('address_units'))
        .addColumn('household_id', 'integer', fk('households'))
        .addColumn('relationship', 'varchar(20)')
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('registered'))
        .addColumn('search_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('residents', ['public_service_number'], true);
      await tenantIndex('residents', ['household_id']);
      await tenantIndex('residents', ['settlement_id', 'status']);
      await tenantIndex('residents', ['last_name', 'first_name']);

      await t.id(db.schema.createTable('resident_events'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('resident_id', 'integer', (c) => c.notNull().references('residents.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('details_json', 'text')
        .addColumn('reason', 'text')
        .addColumn('actor_user_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('resident_events', ['resident_id']);

      await t.id(db.schema.createTable('organizations'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('tax_id', 'varchar(8)', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('legal_form', 'varchar(30)', (c) => c.notNull())
        .addColumn('is_entrepreneur', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('address_id', 'integer', fk('addresses'))
        .addColumn('settlement_id', 'integer', fk('settlements'))
        .addColumn('activity', 'text')
        .addColumn('phone', 'varchar(20)')
        .addColumn('email', 'varchar(254)')
        .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('active'))
        .addColumn('search_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('organizations', ['tax_id'], true);

      await t.id(db.schema.createTable('parcels'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('cadastral_code', 'varchar(30)', (c) => c.notNull())
        .addColumn('settlement_id', 'integer', fk('settlements'))
        .addColumn('address_id', 'integer', fk('addresses'))
        .addColumn('area_m2', 'double precision', (c) => c.notNull())
        .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
        .addColumn('inside_settlement', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('cadastral_value', 'bigint')
        .addColumn('net_income', 'bigint')
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('parcels', ['cadastral_code'], true);

      await t.id(db.schema.createTable('structures'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('kind', 'varchar(10)', (c) => c.notNull())
        .addColumn('cadastral_code', 'varchar(40)', (c) => c.notNull())
        .addColumn('parcel_id', 'integer', fk('parcels'))
        .addColumn('address_id', 'integer', fk('addresses'))
        .addColumn('unit_id', 'integer', fk('address_units'))
        .addColumn('area_m2', 'double precision', (c) => c.notNull())
        .addColumn('purpose', 'varchar(30)', (c) => c.notNull())
        .addColumn('cadastral_value', 'bigint')
        .addColumn('market_value', 'bigint')
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('structures', ['cadastral_code'], true);

      await t.id(db.schema.createTable('ownerships'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('object_type', 'varchar(10)', (c) => c.notNull())
        .addColumn('object_id', 'integer', (c) => c.notNull())
        .addColumn('owner_type', 'varchar(15)', (c) => c.notNull())
        .addColumn('owner_resident_id', 'integer', fk('residents'))
        .addColumn('owner_organization_id', 'integer', fk('organizations'))
        .addColumn('owner_name', 'text')
        .addColumn('share_num', 'integer', (c) => c.notNull())
        .addColumn('share_den', 'integer', (c) => c.notNull())
        .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('valid_to', 'varchar(10)')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('ownerships', ['object_type', 'object_id']);
      await tenantIndex('ownerships', ['owner_resident_id']);
      await tenantIndex('ownerships', ['owner_organization_id']);

      await t.id(db.schema.createTable('assets'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(15)', (c) => c.notNull())
        .addColumn('parcel_id', 'integer', fk('parcels'))
        .addColumn('structure_id', 'integer', fk('structures'))
        .addColumn('address_id', 'integer', fk('addresses'))
        .addColumn('book_value', 'bigint')
        .addColumn('acquired_on', 'varchar(10)')
        .addColumn('notes', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await t.id(db.schema.createTable('leases'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('asset_id', 'integer', (c) => c.notNull().references('assets.id'))
        .addColumn('tenant_resident_id', 'integer', fk('residents'))
        .addColumn('tenant_organization_id', 'integer', fk('organizations'))
        .addColumn('tenant_name', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('rent', 'bigint', (c) => c.notNull())
        .addColumn('rent_period', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await tenantIndex('leases', ['asset_id']);

      await t.id(db.schema.createTable('import_runs'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('register', 'varchar(20)', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('imported', 'integer', (c) => c.notNull())
        .addColumn('unchanged', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('report_path', 'text')
        .addColumn('actor_user_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      // One row per folded word of a name (platform/search/fold.ts), so a search is an
      // index range scan on (community, entity, key prefix) even on a national-size register.
      await t.id(db.schema.createTable('search_keys'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('entity', 'varchar(15)', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.notNull())
        .addColumn('key', 'varchar(60)', (c) => c.notNull())
        .execute();
      await tenantIndex('search_keys', ['entity', 'key', 'entity_id']);
      await db.schema.createIndex('search_keys_entity_id').on('search_keys').columns(['entity', 'entity_id']).execute();

      // A citizen account linked to a resident record once identity is verified (at the
      // Citizen Office desk or by e-ID), so the portal can show who viewed the record.
      await db.schema.alterTable('users').addColumn('verified_psn', 'varchar(10)').execute();
    },
  },
  // Ղ, Ք, Կ, Գ and Խ now share one key letter and Дж folds like Ջ (platform/search/fold.ts):
  // the stored keys of existing residents and organizations are folded again (a no-op on a
  // new database). Later changes of the folding rules add a migration like this one.
  '20261207_0410_registry_refold_search_keys': {
    async up(db) {
      await refoldSearchKeys(db as unknown as Executor);
    },
  },
  // Joint or shared ownership decides how the real estate and land tax is charged
  // (finance assessment); the register had shares only, so every existing row is shared.
  // The assessment walks a community's parcels and structures in id order a chunk at a
  // time; without (community_id, id) the planner sorts the whole community for each chunk.
  '20261207_0420_registry_ownership_tenure': {
    async up(db) {
      await db.schema.alterTable('ownerships').addColumn('tenure', 'varchar(6)', (c) => c.notNull().defaultTo('shared')).execute();
      await db.schema.createIndex('parcels_community_id_id').on('parcels').columns(['community_id', 'id']).execute();
      await db.schema.createIndex('structures_community_id_id').on('structures').columns(['community_id', 'id']).execute();
    },
  },
};
