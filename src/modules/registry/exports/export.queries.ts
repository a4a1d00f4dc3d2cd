// The rows of the register exports. Every export reads through its list's own query (the
// same filters, search, settlement scope and order, one long page), so an export holds
// exactly what the list shows; here the list rows only become export rows.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { ExportRow } from './export.ts';
import { findResidents } from '../population/people-search.ts';
import type { ResidentsQuery } from '../population/population.schemas.ts';
import type { Scope } from '../population/residents.queries.ts';
import { addressText, listParcels, listStructures, type SettlementScope } from '../property/property.queries.ts';
import type { ParcelListQuery, StructureListQuery } from '../property/property.schemas.ts';
import { listOrganizations } from '../organizations/organizations.queries.ts';
import type { OrganizationListQuery } from '../organizations/organizations.schemas.ts';
import { currentLease, listAssets } from '../assets/assets.queries.ts';
import type { AssetListQuery } from '../assets/assets.schemas.ts';

/** The residents list's filters and search, without its paging. */
export type ResidentExportFilters = Omit<ResidentsQuery, 'page' | 'done'>;

/** Hard ceiling of one export, so one request cannot hold the server for long. */
export const EXPORT_LIMIT = 200_000;

export interface ExportRows {
  rows: ExportRow[];
  /** True when the rows name residents (personal data: audited as 'resident.export'). */
  personal: boolean;
  /** The residents the rows name (each gets a view event of their record). */
  residents: number[];
}

/** The residents list's own rows (its search or list, filters, scope and order) as export rows. */
export async function residentExportRows(tenant: TenantDb, scope: Scope, f: ResidentExportFilters, today: string): Promise<ExportRows> {
  const found = await findResidents(tenant, scope, f, today, EXPORT_LIMIT, 0);
  const rows = found.rows.map((r) => ({
    last_name: r.last_name, first_name: r.first_name, patronymic: r.patronymic, latin: `${r.first_name_latin} ${r.last_name_latin}`,
    birth_date: r.birth_date, sex: r.sex, public_service_number: r.public_service_number, settlement: r.settlement_hy,
    address: [r.street_hy, r.address_number, r.unit_number ? `/ ${r.unit_number}` : null].filter(Boolean).join(' '), status: r.status, phone: r.phone, email: r.email,
  }));
  return { rows, personal: true, residents: found.rows.map((r) => r.id) };
}

export async function parcelExportRows(tenant: TenantDb, scope: SettlementScope, f: ParcelListQuery): Promise<ExportRows> {
  const { rows } = await listParcels(tenant, scope, f, 1, EXPORT_LIMIT);
  return {
    personal: false,
    residents: [],
    rows: rows.map((r) => ({
      cadastral_code: r.cadastral_code, settlement: r.settlement_hy, address: addressText(r), area_m2: r.area_m2, purpose: r.purpose,
      inside_settlement: r.inside_settlement ? 1 : 0, cadastral_value: r.cadastral_value, net_income: r.net_income,
    })),
  };
}

export async function structureExportRows(tenant: TenantDb, scope: SettlementScope, f: StructureListQuery): Promise<ExportRows> {
  const { rows } = await listStructures(tenant, scope, f, 1, EXPORT_LIMIT);
  return {
    personal: false,
    residents: [],
    rows: rows.map((r) => ({
      cadastral_code: r.cadastral_code, kind: r.kind, parcel: r.parcel_code, address: addressText(r), unit: r.unit_number, area_m2: r.area_m2,
      purpose: r.purpose, cadastral_value: r.cadastral_value, market_value: r.market_value,
    })),
  };
}

export async function organizationExportRows(tenant: TenantDb, f: OrganizationListQuery): Promise<ExportRows> {
  const { rows } = await listOrganizations(tenant, f, 1, EXPORT_LIMIT);
  return {
    personal: false,
    residents: [],
    rows: rows.map((r) => ({
      tax_id: r.tax_id, name: r.name, legal_form: r.legal_form, settlement: r.settlement_hy, address: addressText(r),
      activity: r.activity, status: r.status, phone: r.phone, email: r.email,
    })),
  };
}

/**
 * Assets with the lease running today ('free' without one). A resident tenant is named only
 * when `residentWord` is null (the role may see people); otherwise the word stands instead.
 */
export async function assetExportRows(tenant: TenantDb, f: AssetListQuery, today: string, residentWord: string | null): Promise<ExportRows> {
  const { rows } = await listAssets(tenant, f, 1, EXPORT_LIMIT);
  const residents: number[] = [];
  const out = rows.map((a) => {
    const lease = currentLease(a.leases, today);
    if (lease !== null && lease.tenant_resident_id !== null && residentWord === null) residents.push(lease.tenant_resident_id);
    const tenantName = lease === null ? null : lease.tenant_resident_id !== null && residentWord !== null ? residentWord : lease.tenant_name;
    return {
      name: a.name, kind: a.kind, object: a.parcel_code ?? a.structure_code, book_value: a.book_value, acquired_on: a.acquired_on,
      lease_status: lease ? 'active' : 'free', tenant: tenantName, rent: lease?.rent ?? null, rent_period: lease?.rent_period ?? null,
      lease_from: lease?.starts_on ?? null, lease_to: lease?.ends_on ?? null,
    };
  });
  return { rows: out, personal: residents.length > 0, residents };
}
