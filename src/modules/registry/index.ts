// The registers: addresses, population and households, property and land, organizations,
// community assets and leases; imported from legacy files and searchable in any spelling.
import type { ModuleManifest, TableList } from '../../platform/module/contract.ts';
import type { RegistryTables } from './registry.table.ts';
import { registryMessageParts } from './messages.ts';
import { registryAuditEvents, registryAuditSubjects } from './registry.audit.ts';
import { registrySearch } from './registry.search.ts';
import { populationIndicators } from './population/population.indicators.ts';
import { registryMigrations } from './migrations/index.ts';
import { populationRoutes } from './population/population.routes.ts';
import { propertyRoutes } from './property/property.routes.ts';
import { importRoutes } from './importers/import.routes.ts';
import { demographicsRoutes } from './demographics/demographics.routes.ts';
import { registerImportCommand } from './importers/import.cli.ts';

const PEOPLE_READERS = ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'operator', 'settlement_head'] as const;

export const registryModule: ModuleManifest = {
  name: 'registry',
  title: 'registry.module',
  messages: registryMessageParts,
  auditEvents: registryAuditEvents,
  auditSubjects: registryAuditSubjects,
  search: registrySearch,
  indicators: populationIndicators,
  tables: {
    streets: true, addresses: true, address_units: true, households: true, residents: true, resident_events: true,
    parcels: true, structures: true, ownerships: true, organizations: true, assets: true, leases: true,
    import_runs: true, search_keys: true,
  } satisfies TableList<RegistryTables>,
  migrations: registryMigrations,
  routes: [...populationRoutes, ...propertyRoutes, ...importRoutes, ...demographicsRoutes],
  permissions: [
    // Personal data: only these roles see people; every read is audited.
    { name: 'registry.people_view', scope: 'community', roles: PEOPLE_READERS },
    { name: 'registry.people_edit', scope: 'community', roles: ['chief_of_staff', 'specialist', 'operator'] },
    { name: 'registry.addresses_edit', scope: 'community', roles: ['chief_of_staff', 'specialist'] },
    { name: 'registry.property_view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'accountant', 'settlement_head'] },
    { name: 'registry.property_edit', scope: 'community', roles: ['chief_of_staff', 'specialist'] },
    { name: 'registry.organizations_view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'operator', 'accountant'] },
    { name: 'registry.organizations_edit', scope: 'community', roles: ['chief_of_staff', 'specialist', 'accountant'] },
    { name: 'registry.assets_view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'accountant'] },
    { name: 'registry.assets_edit', scope: 'community', roles: ['chief_of_staff', 'accountant'] },
    { name: 'registry.import', scope: 'community', roles: ['chief_of_staff', 'it_admin'] },
    // Aggregates only, no personal data.
    { name: 'registry.demographics_view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'council_member', 'settlement_head'] },
  ],
  nav: [
    { area: 'account', path: '/record-views', label: 'registry.population.portal.title', access: 'citizen', order: 20 },
    // Population register and address gazetteer (part A).
    { area: 'backoffice', path: '/registry/residents', label: 'registry.population.nav.residents', access: 'staff:registry.people_view', order: 200 },
    { area: 'backoffice', path: '/registry/addresses', label: 'registry.population.nav.addresses', access: 'staff:registry.people_view', order: 260 },
    // Property register, organizations, community assets and the map (part B).
    { area: 'backoffice', path: '/registry/parcels', label: 'registry.nav.parcels', access: 'staff:registry.property_view', order: 300 },
    { area: 'backoffice', path: '/registry/organizations', label: 'registry.nav.organizations', access: 'staff:registry.organizations_view', order: 320 },
    { area: 'backoffice', path: '/registry/assets', label: 'registry.nav.assets', access: 'staff:registry.assets_view', order: 340 },
    { area: 'backoffice', path: '/registry/map', label: 'registry.nav.map', access: 'staff:registry.property_view', order: 360 },
    { area: 'backoffice', path: '/registry/demographics', label: 'registry.demographics.nav', access: 'staff:registry.demographics_view', order: 380 },
    // Import from legacy files (part C).
    { area: 'backoffice', path: '/registry/import', label: 'registry.import.title', access: 'staff:registry.import', order: 390 },
  ],
  cli: registerImportCommand,
};

// What other modules may use: the services subsystem fills certificates from these, finds an
// applicant by public service number, and audits the people it shows.
export { residenceCertificateData, householdCompositionData, addressText } from './population/certificates.ts';
export { findByPsn } from './population/residents.queries.ts';
// Every module that shows a person of the register names them in the audit this way.
export { auditResidentsShown, residentViews } from './population/people-audit.ts';
export { publicServiceNumber, taxId, cadastralCode, parseDay } from './identifiers.ts';
