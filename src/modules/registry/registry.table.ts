// The registers: address gazetteer, population (residents, households, life events),
// property (parcels, structures, ownership shares), organizations, community assets and
// leases, and import runs. Every table is a tenant table (community_id).
import type { Generated } from 'kysely';

/** Gazetteer: a street (or quarter) of a settlement. */
export interface StreetsTable {
  id: Generated<number>;
  community_id: number;
  settlement_id: number;
  name_hy: string;
  name_en: string;
  name_ru: string;
  created_at: string;
}

/** Gazetteer: one building's address (settlement, street, number). */
export interface AddressesTable {
  id: Generated<number>;
  community_id: number;
  settlement_id: number;
  street_id: number | null;
  /** House number as written: "12", "12/3", "12Ա". */
  number: string;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  created_at: string;
}

/** Gazetteer: an apartment (or other unit) at an address. */
export interface AddressUnitsTable {
  id: Generated<number>;
  community_id: number;
  address_id: number;
  number: string;
  created_at: string;
}

export type Sex = 'M' | 'F';
export type ResidentStatus = 'registered' | 'moved_out' | 'deceased';
export type Relationship = 'head' | 'spouse' | 'child' | 'parent' | 'sibling' | 'grandchild' | 'grandparent' | 'other';

export interface ResidentsTable {
  id: Generated<number>;
  community_id: number;
  /** Armenian, exactly as in the passport. */
  last_name: string;
  first_name: string;
  patronymic: string | null;
  /** BGN/PCGN romanization, for display in Latin script. */
  last_name_latin: string;
  first_name_latin: string;
  patronymic_latin: string | null;
  birth_date: string;
  sex: Sex;
  /** ՀԾՀ, 10 digits; the natural key for imports. */
  public_service_number: string | null;
  id_document: string | null;
  phone: string | null;
  email: string | null;
  settlement_id: number;
  address_id: number | null;
  unit_id: number | null;
  household_id: number | null;
  relationship: Relationship | null;
  status: ResidentStatus;
  /** Space-separated folded spellings of the names (platform/search/fold.ts), for search. */
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface HouseholdsTable {
  id: Generated<number>;
  community_id: number;
  settlement_id: number;
  address_id: number | null;
  unit_id: number | null;
  created_at: string;
}

export type LifeEventKind = 'registered' | 'moved_within' | 'moved_out' | 'died' | 'corrected';

/** History of a resident; never deleted. */
export interface ResidentEventsTable {
  id: Generated<number>;
  community_id: number;
  resident_id: number;
  kind: LifeEventKind;
  /** The day it happened (YYYY-MM-DD). */
  on_date: string;
  details_json: string | null;
  reason: string | null;
  actor_user_id: number | null;
  created_at: string;
}

export type LandPurpose = 'agricultural' | 'residential' | 'public' | 'industrial' | 'commercial' | 'energy' | 'transport' | 'forest' | 'water' | 'special' | 'other';

export interface ParcelsTable {
  id: Generated<number>;
  community_id: number;
  /** Natural key, e.g. 09-001-0123-0045. */
  cadastral_code: string;
  settlement_id: number | null;
  address_id: number | null;
  area_m2: number;
  purpose: LandPurpose;
  inside_settlement: number;
  /** AMD. */
  cadastral_value: number | null;
  /** AMD per year; the land-tax base of agricultural land. */
  net_income: number | null;
  lat: number | null;
  lon: number | null;
  created_at: string;
  updated_at: string;
}

/** Buildings and apartments as property (not the address they stand at). */
export interface StructuresTable {
  id: Generated<number>;
  community_id: number;
  kind: 'building' | 'apartment';
  cadastral_code: string;
  parcel_id: number | null;
  address_id: number | null;
  unit_id: number | null;
  area_m2: number;
  purpose: string;
  cadastral_value: number | null;
  market_value: number | null;
  lat: number | null;
  lon: number | null;
  created_at: string;
  updated_at: string;
}

export interface OwnershipsTable {
  id: Generated<number>;
  community_id: number;
  object_type: 'parcel' | 'structure';
  object_id: number;
  owner_type: 'resident' | 'organization' | 'community' | 'other';
  owner_resident_id: number | null;
  owner_organization_id: number | null;
  /** For owners outside the registers. */
  owner_name: string | null;
  share_num: number;
  share_den: number;
  /**
   * shared: the owner pays pro rata to the share; joint: the owners marked joint hold
   * their shares together and are jointly liable for one tax (old Property Tax Law Art 3(2)).
   */
  tenure: Generated<'shared' | 'joint'>;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

export interface OrganizationsTable {
  id: Generated<number>;
  community_id: number;
  /** ՀՎՀՀ, 8 digits; the natural key for imports. */
  tax_id: string;
  name: string;
  legal_form: string;
  is_entrepreneur: number;
  address_id: number | null;
  settlement_id: number | null;
  activity: string | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'closed';
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface AssetsTable {
  id: Generated<number>;
  community_id: number;
  name: string;
  kind: 'land' | 'building' | 'premises' | 'equipment' | 'vehicle' | 'other';
  parcel_id: number | null;
  structure_id: number | null;
  address_id: number | null;
  /** AMD. */
  book_value: number | null;
  acquired_on: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface LeasesTable {
  id: Generated<number>;
  community_id: number;
  asset_id: number;
  tenant_resident_id: number | null;
  tenant_organization_id: number | null;
  tenant_name: string;
  starts_on: string;
  ends_on: string;
  /** AMD per period. */
  rent: number;
  rent_period: 'month' | 'year';
  status: 'draft' | 'active' | 'ended' | 'terminated';
  created_at: string;
  updated_at: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  community_id: number;
  register: string;
  file_name: string;
  sha256: string;
  imported: number;
  unchanged: number;
  rejected: number;
  report_path: string | null;
  actor_user_id: number | null;
  created_at: string;
}

/** Folded name words for search; rebuilt whenever a name changes. */
export interface SearchKeysTable {
  id: Generated<number>;
  community_id: number;
  entity: 'resident' | 'organization';
  entity_id: number;
  key: string;
}

/** The registry module's tables, for the composed Database type (src/modules/types.ts). */
export interface RegistryTables {
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
}
