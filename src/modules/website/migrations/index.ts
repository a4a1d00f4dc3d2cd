import type { ColumnDefinitionBuilder } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrations.ts';

export const websiteMigrations: MigrationSet = {
  '20261207_0100_website_init': {
    async up(db, t) {
      const cid = (c: ColumnDefinitionBuilder) => c.notNull().references('communities.id').onDelete('cascade');
      const req = (c: ColumnDefinitionBuilder) => c.notNull();
      const user = (c: ColumnDefinitionBuilder) => c.references('users.id');

      await t.id(db.schema.createTable('web_posts'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('kind', 'varchar(12)', req)
        .addColumn('path', 'varchar(80)')
        .addColumn('title_hy', 'varchar(200)', req)
        .addColumn('title_en', 'varchar(200)')
        .addColumn('title_ru', 'varchar(200)')
        .addColumn('summary_hy', 'text')
        .addColumn('summary_en', 'text')
        .addColumn('summary_ru', 'text')
        .addColumn('body_hy', 'text')
        .addColumn('body_en', 'text')
        .addColumn('body_ru', 'text')
        .addColumn('category', 'varchar(40)')
        .addColumn('status', 'varchar(10)', req)
        .addColumn('publish_at', 'varchar(30)')
        .addColumn('expires_at', 'varchar(30)')
        .addColumn('starts_at', 'varchar(30)')
        .addColumn('ends_at', 'varchar(30)')
        .addColumn('place_hy', 'varchar(200)')
        .addColumn('image_sha256', 'varchar(64)')
        .addColumn('image_width', 'integer')
        .addColumn('image_height', 'integer')
        .addColumn('image_alt_hy', 'varchar(200)')
        .addColumn('created_by_user_id', 'integer', user)
        .addColumn('updated_by_user_id', 'integer', user)
        .addColumn('published_by_user_id', 'integer', user)
        .addColumn('created_at', 'varchar(30)', req)
        .addColumn('updated_at', 'varchar(30)', req)
        .execute();
      // The public lists: a community's published items of one kind, newest first.
      await db.schema.createIndex('web_posts_list').on('web_posts').columns(['community_id', 'kind', 'status', 'publish_at']).execute();
      await db.schema.createIndex('web_posts_path').on('web_posts').columns(['community_id', 'path']).unique().execute();

      await t.id(db.schema.createTable('web_attachments'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('post_id', 'integer', (c) => c.notNull().references('web_posts.id').onDelete('cascade'))
        .addColumn('sha256', 'varchar(64)', req)
        .addColumn('filename', 'varchar(200)', req)
        .addColumn('mime', 'varchar(80)', req)
        .addColumn('bytes', 'integer', req)
        .addColumn('created_at', 'varchar(30)', req)
        .execute();
      await db.schema.createIndex('web_attachments_post').on('web_attachments').columns(['community_id', 'post_id']).execute();

      await t.id(db.schema.createTable('web_menu_items'))
        .addColumn('community_id', 'integer', cid)
        .addColumn('label_hy', 'varchar(80)', req)
        .addColumn('label_en', 'varchar(80)')
        .addColumn('label_ru', 'varchar(80)')
        .addColumn('href', 'varchar(300)', req)
        .addColumn('sort_order', 'integer', req)
        .addColumn('created_at', 'varchar(30)', req)
        .execute();
    },
  },
};
