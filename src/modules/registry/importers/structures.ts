// Buildings and apartments as property, keyed by cadastral code; the parcel they stand on
// is named by its cadastral code and must already be in the register (import parcels first).
import type { SourceRow } from './read.ts';
import type { Gazetteer } from './gazetteer.ts';
import { checkCommon } from './parcels.ts';
import { err, opt, type Checked, type Importer, type RowError, type Valid, type WriteContext } from './types.ts';
import { chunk } from './util.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';

export interface StructureRec {
  cadastral_code: string;
  kind: 'building' | 'apartment';
  parcel_id: number | null;
  settlement_id: number | null;
  street: string | null;
  building: string | null;
  apartment: string | null;
  area_m2: number;
  purpose: string;
  cadastral_value: number | null;
  market_value: number | null;
  lat: number | null;
  lon: number | null;
}

function check(parcelIds: Map<string, number>, row: SourceRow, g: Gazetteer): Checked<StructureRec> {
  const c = row.cells;
  const errors: RowError[] = [];
  const common = checkCommon(row, g, errors);
  const kind = (opt(c.kind) ?? '').toLowerCase();
  if (kind !== 'building' && kind !== 'apartment') errors.push(err(row.line, 'kind', opt(c.kind) ? 'registry.import.error.kind' : 'field.required'));
  const parcelCode = opt(c.parcel_cadastral_code);
  const parcelId = parcelCode ? (parcelIds.get(parcelCode) ?? null) : null;
  if (parcelCode && parcelId === null) errors.push(err(row.line, 'parcel_cadastral_code', 'registry.import.error.parcel'));
  const purpose = opt(c.purpose);
  if (!purpose) errors.push(err(row.line, 'purpose', 'field.required'));
  else if (purpose.length > 30) errors.push(err(row.line, 'purpose', 'field.tooLong'));
  if (opt(c.apartment) && !opt(c.building)) errors.push(err(row.line, 'building', 'field.required'));
  const cadastral_value = common.money('cadastral_value');
  const market_value = common.money('market_value');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    rec: {
      cadastral_code: common.cadastral_code, kind: kind as 'building' | 'apartment', parcel_id: parcelId, settlement_id: common.settlement_id,
      street: opt(c.street), building: opt(c.building), apartment: opt(c.apartment), area_m2: common.area_m2, purpose: purpose!,
      cadastral_value, market_value, lat: common.lat, lon: common.lon,
    },
  };
}

const COMPARED = ['kind', 'parcel_id', 'address_id', 'unit_id', 'area_m2', 'purpose', 'cadastral_value', 'market_value', 'lat', 'lon'] as const;

async function write(ctx: WriteContext, rows: Valid<StructureRec>[]) {
  const { tx, gazetteer, now } = ctx;
  const existing = new Map<string, Record<string, unknown> & { id: number }>();
  for (const part of chunk(rows.map((r) => r.rec.cadastral_code), 500)) {
    for (const f of await tx.selectFrom('structures').select(['id', 'cadastral_code', ...COMPARED]).where('cadastral_code', 'in', part).execute()) existing.set(f.cadastral_code, f);
  }
  let imported = 0;
  let unchanged = 0;
  const inserts = [];
  for (const { rec } of rows) {
    const { addressId, unitId } = rec.settlement_id
      ? await gazetteer.resolve(tx, { settlementId: rec.settlement_id, street: rec.street, building: rec.building, apartment: rec.apartment }, now)
      : { addressId: null, unitId: null };
    const values = {
      kind: rec.kind, parcel_id: rec.parcel_id, address_id: addressId, unit_id: unitId, area_m2: rec.area_m2, purpose: rec.purpose,
      cadastral_value: rec.cadastral_value, market_value: rec.market_value, lat: rec.lat, lon: rec.lon,
    };
    const old = existing.get(rec.cadastral_code);
    if (!old) inserts.push({ ...values, cadastral_code: rec.cadastral_code, created_at: now, updated_at: now });
    else if (COMPARED.every((k) => (old[k] ?? null) === (values[k] ?? null))) unchanged++;
    else {
      await tx.updateTable('structures').set({ ...values, updated_at: now }).where('id', '=', old.id).execute();
      imported++;
    }
  }
  for (const part of chunk(inserts, 500)) await tx.insertInto('structures', part).execute();
  return { imported: imported + inserts.length, unchanged, rejected: [] };
}

export function structuresImporter(): Importer<StructureRec> {
  let parcelIds = new Map<string, number>();
  return {
  register: 'buildings',
  columns: ['cadastral_code', 'kind', 'parcel_cadastral_code', 'settlement', 'street', 'building', 'apartment', 'area_m2', 'purpose', 'cadastral_value', 'market_value', 'lat', 'lon'],
  required: ['cadastral_code', 'kind', 'area_m2', 'purpose'],
  prepare: async (tenant: TenantDb) => {
    parcelIds = new Map((await tenant.selectFrom('parcels').select(['id', 'cadastral_code']).execute()).map((p) => [p.cadastral_code, p.id]));
  },
  check: (row, g) => check(parcelIds, row, g),
  key: (r) => r.cadastral_code,
  write,
  };
}
