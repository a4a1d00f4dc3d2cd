import type { MigrationSet } from '../../../platform/db/migrations.ts';
import { MARZES } from '../marzes.ts';

export const communitiesMigrations: MigrationSet = {
  '20261126_0100_communities_init': {
    async up(db, t) {
      await db.schema
        .createTable('marzes')
        .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('name_hy', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_ru', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('marzes').values(MARZES.map((m, i) => ({ ...m, sort: i + 1 }))).execute();

      await t
        .id(db.schema.createTable('communities'))
        .addColumn('slug', 'varchar(63)', (c) => c.notNull().unique())
        .addColumn('marz_id', 'varchar(40)', (c) => c.notNull().references('marzes.id'))
        .addColumn('name_hy', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_ru', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('address_hy', 'text')
        .addColumn('address_en', 'text')
        .addColumn('address_ru', 'text')
        .addColumn('reception_hours_hy', 'text')
        .addColumn('reception_hours_en', 'text')
        .addColumn('reception_hours_ru', 'text')
        .addColumn('coat_of_arms_svg', 'text')
        .addColumn('color_primary', 'varchar(7)', (c) => c.notNull())
        .addColumn('color_accent', 'varchar(7)', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await t
        .id(db.schema.createTable('settlements'))
        .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('name_hy', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_ru', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(10)', (c) => c.notNull())
        .addColumn('postcode', 'varchar(4)')
        .addColumn('is_centre', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('settlements_community').on('settlements').column('community_id').execute();

      await t
        .id(db.schema.createTable('community_domains'))
        .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('host', 'varchar(253)', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
