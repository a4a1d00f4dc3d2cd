// Land parcels, keyed by cadastral code.
import { cadastralCode } from '../identifiers.ts';
import type { LandPurpose } from '../registry.table.ts';
import type { SourceRow } from './read.ts';
import type { Gazetteer } from './gazetteer.ts';
import { boolOrNull, err, intOrNull, numOrNull, opt, type Checked, type Importer, type RowError, type Valid, type WriteContext } from './types.ts';
import { chunk } from './util.ts';

export const LAND_PURPOSES: LandPurpose[] = ['agricultural', 'residential', 'public', 'industrial', 'commercial', 'energy', 'transport', 'forest', 'water', 'special', 'other'];

export interface ParcelRec {
  cadastral_code: string;
  settlement_id: number | null;
  area_m2: number;
  purpose: LandPurpose;
  inside_settlement: number;
  cadastral_value: number | null;
  net_income: number | null;
  street: string | null;
  building: string | null;
  lat: number | null;
  lon: number | null;
}

/** Checks shared by parcels and structures: code, settlement, area, coordinates. */
export function checkCommon(row: SourceRow, g: Gazetteer, errors: RowError[]) {
  const c = row.cells;
  const code = cadastralCode.safeParse(c.cadastral_code ?? '');
  if (!code.success) errors.push(err(row.line, 'cadastral_code', opt(c.cadastral_code) ? 'registry.error.cadastralCode' : 'field.required'));
  const sName = opt(c.settlement);
  const settlementId = sName ? g.settlement(sName) : null;
  if (sName && settlementId === null) errors.push(err(row.line, 'settlement', 'registry.import.error.settlement'));
  if (!sName && opt(c.building)) errors.push(err(row.line, 'settlement', 'field.required'));
  const area = numOrNull(c.area_m2);
  if (area === null) errors.push(err(row.line, 'area_m2', 'field.required'));
  else if (area === 'bad' || area <= 0) errors.push(err(row.line, 'area_m2', 'registry.import.error.number'));
  const lat = numOrNull(c.lat);
  const lon = numOrNull(c.lon);
  if (lat === 'bad' || (lat !== null && (lat < -90 || lat > 90))) errors.push(err(row.line, 'lat', 'registry.import.error.number'));
  if (lon === 'bad' || (lon !== null && (lon < -180 || lon > 180))) errors.push(err(row.line, 'lon', 'registry.import.error.number'));
  const money = (col: string) => {
    const v = intOrNull(c[col]);
    if (v === 'bad') errors.push(err(row.line, col, 'registry.import.error.amount'));
    return v === 'bad' ? null : v;
  };
  return {
    cadastral_code: code.success ? code.data : '', settlement_id: settlementId, area_m2: typeof area === 'number' ? area : 0,
    lat: typeof lat === 'number' ? lat : null, lon: typeof lon === 'number' ? lon : null, money,
  };
}

function check(row: SourceRow, g: Gazetteer): Checked<ParcelRec> {
  const c = row.cells;
  const errors: RowError[] = [];
  const common = checkCommon(row, g, errors);
  const purpose = (opt(c.purpose) ?? '').toLowerCase() as LandPurpose;
  if (!LAND_PURPOSES.includes(purpose)) errors.push(err(row.line, 'purpose', opt(c.purpose) ? 'registry.import.error.purpose' : 'field.required'));
  const inside = boolOrNull(c.inside_settlement);
  if (inside === 'bad') errors.push(err(row.line, 'inside_settlement', 'registry.import.error.boolean'));
  const cadastral_value = common.money('cadastral_value');
  const net_income = common.money('net_income');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    rec: {
      cadastral_code: common.cadastral_code, settlement_id: common.settlement_id, area_m2: common.area_m2, purpose,
      inside_settlement: inside === null ? 1 : (inside as number), cadastral_value, net_income, street: opt(c.street), building: opt(c.building), lat: common.lat, lon: common.lon,
    },
  };
}

const COMPARED = ['settlement_id', 'address_id', 'area_m2', 'purpose', 'inside_settlement', 'cadastral_value', 'net_income', 'lat', 'lon'] as const;

async function write(ctx: WriteContext, rows: Valid<ParcelRec>[]) {
  const { tx, gazetteer, now } = ctx;
  const existing = new Map<string, Record<string, unknown> & { id: number }>();
  for (const part of chunk(rows.map((r) => r.rec.cadastral_code), 500)) {
    for (const f of await tx.selectFrom('parcels').select(['id', 'cadastral_code', ...COMPARED]).where('cadastral_code', 'in', part).execute()) existing.set(f.cadastral_code, f);
  }
  let imported = 0;
  let unchanged = 0;
  const inserts = [];
  for (const { rec } of rows) {
    const { addressId } = rec.settlement_id ? await gazetteer.resolve(tx, { settlementId: rec.settlement_id, street: rec.street, building: rec.building, apartment: null }, now) : { addressId: null };
    const values = {
      settlement_id: rec.settlement_id, address_id: addressId, area_m2: rec.area_m2, purpose: rec.purpose, inside_settlement: rec.inside_settlement,
      cadastral_value: rec.cadastral_value, net_income: rec.net_income, lat: rec.lat, lon: rec.lon,
    };
    const old = existing.get(rec.cadastral_code);
    if (!old) {
      inserts.push({ ...values, cadastral_code: rec.cadastral_code, created_at: now, updated_at: now });
    } else if (COMPARED.every((k) => (old[k] ?? null) === (values[k] ?? null))) {
      unchanged++;
    } else {
      await tx.updateTable('parcels').set({ ...values, updated_at: now }).where('id', '=', old.id).execute();
      imported++;
    }
  }
  for (const part of chunk(inserts, 500)) await tx.insertInto('parcels', part).execute();
  return { imported: imported + inserts.length, unchanged, rejected: [] };
}

export const parcelsImporter: Importer<ParcelRec> = {
  register: 'parcels',
  columns: ['cadastral_code', 'settlement', 'area_m2', 'purpose', 'inside_settlement', 'cadastral_value', 'net_income', 'street', 'building', 'lat', 'lon'],
  required: ['cadastral_code', 'area_m2', 'purpose'],
  prepare: async () => {},
  check,
  key: (r) => r.cadastral_code,
  write,
};
