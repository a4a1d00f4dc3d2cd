// The whole database as Kysely sees it: each module's tables, merged.
import type {
  ApiTokensTable, ExternalIdentitiesTable, NationalRolesTable, PasswordResetsTable,
  RoleAssignmentsTable, SessionsTable, UsersTable,
} from '../auth/auth.table.ts';
import type { AuditEventsTable, AuditHeadsTable } from '../audit/audit.table.ts';
import type {
  CommunitiesTable, CommunityDomainsTable, MarzesTable, SettlementsTable,
} from '../../modules/communities/communities.table.ts';
import type {
  AddressesTable, AddressUnitsTable, AssetsTable, HouseholdsTable, ImportRunsTable, LeasesTable,
  OrganizationsTable, OwnershipsTable, ParcelsTable, ResidentEventsTable, ResidentsTable, StreetsTable,
  StructuresTable, SearchKeysTable,
} from '../../modules/registry/registry.table.ts';
import type {
  CaseAttachmentsTable, CaseEventsTable, CasesTable, IssuedDocumentsTable, QueueTicketsTable, QueueWindowsTable,
  SequenceCountersTable, ServiceDefinitionsTable, ServiceStatsTable, ServiceVersionsTable,
} from '../../modules/services/services.table.ts';
import type { CalendarDaysTable } from '../calendar/calendar.table.ts';
import type { JobsTable } from '../jobs/jobs.table.ts';
import type { NoticesTable, OutboxMessagesTable } from '../notify/notify.table.ts';
import type { StoredFilesTable } from '../files/files.table.ts';

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  external_identities: ExternalIdentitiesTable;
  role_assignments: RoleAssignmentsTable;
  national_roles: NationalRolesTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  marzes: MarzesTable;
  communities: CommunitiesTable;
  settlements: SettlementsTable;
  community_domains: CommunityDomainsTable;
  streets: StreetsTable;
  addresses: AddressesTable;
  address_units: AddressUnitsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  resident_events: ResidentEventsTable;
  parcels: ParcelsTable;
  structures: StructuresTable;
  ownerships: OwnershipsTable;
  organizations: OrganizationsTable;
  assets: AssetsTable;
  leases: LeasesTable;
  import_runs: ImportRunsTable;
  search_keys: SearchKeysTable;
  calendar_days: CalendarDaysTable;
  jobs: JobsTable;
  outbox_messages: OutboxMessagesTable;
  notices: NoticesTable;
  stored_files: StoredFilesTable;
  sequence_counters: SequenceCountersTable;
  service_definitions: ServiceDefinitionsTable;
  service_versions: ServiceVersionsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_attachments: CaseAttachmentsTable;
  issued_documents: IssuedDocumentsTable;
  queue_windows: QueueWindowsTable;
  queue_tickets: QueueTicketsTable;
  service_stats: ServiceStatsTable;
}

/** Tables that belong to one community; the tenant-scoped handle only reaches these. */
export type TenantTable = {
  [K in keyof Database]: 'community_id' extends keyof Database[K]
    ? Database[K]['community_id'] extends number ? K : never
    : never;
}[keyof Database];
