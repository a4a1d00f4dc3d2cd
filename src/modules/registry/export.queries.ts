// The rows of the register exports, filtered like the lists (settlement heads see only
// their settlements). Residents come through the residents list's own search and list
// functions; organization names match any spelling through search_keys.
import type { Expression, SqlBool } from 'kysely';
import type { TenantDb } from '../../platform/db/tenant.ts';
import { foldWords } from '../../platform/search/fold.ts';
import type { ExportRow } from './export.ts';
import { findResidents } from './people-search.ts';
import type { ResidentsQuery } from './population.schemas.ts';
import type { Scope } from './residents.queries.ts';

/** The residents list's filters and search, without its paging. */
export type ResidentExportFilters = Omit<ResidentsQuery, 'page' | 'done'>;

/** Hard ceiling of one export, so one request cannot hold the server for long. */
export const EXPORT_LIMIT = 200_000;

export interface ParcelFilters {
  settlement?: number;
  purpose?: string;
}

export interface OrganizationFilters {
  legal_form?: string;
  status?: 'active' | 'closed';
  q?: string;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function addressText(r: { street: string | null; number: string | null; unit: string | null }): string {
  return [r.street, r.number, r.unit ? `/ ${r.unit}` : null].filter(Boolean).join(' ');
}

/** The residents list's own rows (its search or list, filters, scope and order) as export rows. */
export async function residentExportRows(tenant: TenantDb, scope: Scope, f: ResidentExportFilters, today: string): Promise<ExportRow[]> {
  const found = await findResidents(tenant, scope, f, today, EXPORT_LIMIT, 0);
  return found.rows.map((r) => ({
    last_name: r.last_name, first_name: r.first_name, patronymic: r.patronymic, latin: `${r.first_name_latin} ${r.last_name_latin}`,
    birth_date: r.birth_date, sex: r.sex, public_service_number: r.public_service_number, settlement: r.settlement_hy,
    address: addressText({ street: r.street_hy, number: r.address_number, unit: r.unit_number }), status: r.status, phone: r.phone, email: r.email,
  }));
}

export async function parcelExportRows(tenant: TenantDb, f: ParcelFilters, settlementIds: number[] | null): Promise<ExportRow[]> {
  let q = tenant
    .selectFrom('parcels')
    .leftJoin('settlements', 'settlements.id', 'parcels.settlement_id')
    .leftJoin('addresses', 'addresses.id', 'parcels.address_id')
    .leftJoin('streets', 'streets.id', 'addresses.street_id')
    .select([
      'parcels.cadastral_code', 'parcels.area_m2', 'parcels.purpose', 'parcels.inside_settlement', 'parcels.cadastral_value', 'parcels.net_income',
      'settlements.name_hy as settlement', 'streets.name_hy as street', 'addresses.number as number',
    ]);
  if (settlementIds) q = q.where('parcels.settlement_id', 'in', settlementIds.length ? settlementIds : [-1]);
  if (f.settlement) q = q.where('parcels.settlement_id', '=', f.settlement);
  if (f.purpose) q = q.where('parcels.purpose', '=', f.purpose as never);
  const rows = await q.orderBy('parcels.cadastral_code').limit(EXPORT_LIMIT).execute();
  return rows.map((r) => ({
    cadastral_code: r.cadastral_code, settlement: r.settlement, address: addressText({ ...r, unit: null }), area_m2: r.area_m2, purpose: r.purpose,
    inside_settlement: r.inside_settlement ? 1 : 0, cadastral_value: r.cadastral_value, net_income: r.net_income,
  }));
}

export async function organizationExportRows(tenant: TenantDb, f: OrganizationFilters): Promise<ExportRow[]> {
  let q = tenant
    .selectFrom('organizations')
    .leftJoin('settlements', 'settlements.id', 'organizations.settlement_id')
    .leftJoin('addresses', 'addresses.id', 'organizations.address_id')
    .leftJoin('streets', 'streets.id', 'addresses.street_id')
    .select([
      'organizations.id', 'organizations.tax_id', 'organizations.name', 'organizations.legal_form', 'organizations.activity', 'organizations.status',
      'organizations.phone', 'organizations.email', 'settlements.name_hy as settlement', 'streets.name_hy as street', 'addresses.number as number',
    ]);
  if (f.legal_form) q = q.where('organizations.legal_form', '=', f.legal_form);
  if (f.status) q = q.where('organizations.status', '=', f.status);
  const text = f.q?.trim();
  if (text) {
    if (/^\d+$/.test(text)) q = q.where('organizations.tax_id', 'like', `${likeEscape(text)}%`);
    else {
      for (const w of foldWords(text)) {
        const sub = tenant.selectFrom('search_keys').select('entity_id').where('entity', '=', 'organization').where('key', 'like', `${likeEscape(w)}%`);
        q = q.where((eb) => eb('organizations.id', 'in', sub) as Expression<SqlBool>);
      }
    }
  }
  const rows = await q.orderBy('organizations.name').orderBy('organizations.id').limit(EXPORT_LIMIT).execute();
  return rows.map((r) => ({
    tax_id: r.tax_id, name: r.name, legal_form: r.legal_form, settlement: r.settlement, address: addressText({ ...r, unit: null }),
    activity: r.activity, status: r.status, phone: r.phone, email: r.email,
  }));
}
