// A module's only public face (ARCHITECTURE "The module manifest").
import type { Command } from 'commander';
import type { MigrationSet } from '../db/migrations.ts';
import type { PermissionDef } from '../policy/roles.ts';
import type { RouteDef } from './route.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { Access } from '../policy/access.ts';
import type { Services } from './services.ts';
import type { JobHandler, Schedule } from '../jobs/types.ts';

export interface NavEntry {
  /** Where: the community back office or the national console. */
  area: 'backoffice' | 'national';
  /** Path under /{slug}/staff for backoffice entries, under /national for national ones. */
  path: string;
  label: MessageKey;
  access: Access;
  order: number;
}

export interface ModuleManifest {
  name: string;
  routes?: RouteDef[];
  migrations?: MigrationSet;
  permissions?: PermissionDef[];
  nav?: NavEntry[];
  /** Background job handlers by kind (`kind` is `module.what`). */
  jobs?: Record<string, JobHandler>;
  /** Jobs the runner enqueues on a timer. */
  schedules?: Schedule[];
  /** Adds `mmis` sub-commands. `open` connects to the configured database on demand. */
  cli?: (program: Command, open: () => Promise<Services>) => void;
}
