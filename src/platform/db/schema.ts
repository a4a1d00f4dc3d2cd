// The whole database as Kysely sees it. The platform declares its own tables here; each
// module's tables are merged into the same interface by the composition's types.ts,
// beside the modules' index (TypeScript declaration merging), so the platform names no module.
import type { Generated } from 'kysely';
import type {
  ApiTokensTable, ExternalIdentitiesTable, NationalRolesTable, PasswordResetsTable,
  RoleAssignmentsTable, SessionsTable, UsersTable,
} from '../auth/auth.table.ts';
import type { AuditEventsTable, AuditHeadsTable } from '../audit/audit.table.ts';
import type { CalendarDaysTable } from '../calendar/calendar.table.ts';
import type { JobsTable } from '../jobs/jobs.table.ts';
import type { NoticesTable, OutboxMessagesTable } from '../notify/notify.table.ts';
import type { StoredFilesTable } from '../files/files.table.ts';

/**
 * Gap-free numbers per community and name (`case:2026`, `queue:3:2026-12-07`), taken in
 * the transaction of the thing numbered (db/sequences.ts). Created by the services
 * module's first migration, which came before the platform took it over.
 */
export interface SequenceCountersTable {
  id: Generated<number>;
  community_id: number;
  name: string;
  last: number;
}

/** The platform's tables, for its manifest's `tables`. */
export interface PlatformTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  external_identities: ExternalIdentitiesTable;
  role_assignments: RoleAssignmentsTable;
  national_roles: NationalRolesTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  calendar_days: CalendarDaysTable;
  jobs: JobsTable;
  outbox_messages: OutboxMessagesTable;
  notices: NoticesTable;
  stored_files: StoredFilesTable;
  sequence_counters: SequenceCountersTable;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends PlatformTables {}

/** Tables that belong to one community; the tenant-scoped handle only reaches these. */
export type TenantTable = {
  [K in keyof Database]: 'community_id' extends keyof Database[K]
    ? Database[K]['community_id'] extends number ? K : never
    : never;
}[keyof Database];
