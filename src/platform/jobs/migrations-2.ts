// Schedules ask "is there a job of this kind in this time slot?" on every slot; without
// this index that question reads the whole jobs table.
import type { MigrationSet } from '../db/migrations.ts';

export const jobsKindIndexMigrations: MigrationSet = {
  '20261127_0110_platform_jobs_kind_run_at': {
    async up(db) {
      await db.schema.createIndex('jobs_kind_run_at').on('jobs').columns(['kind', 'run_at']).execute();
    },
  },
};
