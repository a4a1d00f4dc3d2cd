// The address gazetteer held in memory during an import: settlements by Armenian name or
// id, streets, building addresses and apartments; missing streets, addresses and units
// are created in the batch's transaction. Loaded once, so rows never query one by one.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { romanizeArmenian } from '../../../platform/search/romanize.ts';
import type { SqliteWriter } from './sqlite.ts';

export interface AddressRef {
  settlementId: number;
  street: string | null;
  building: string | null;
  apartment: string | null;
}

const normalize = (s: string) => s.trim().toLocaleLowerCase('hy').replace(/\s+/g, ' ');
// Street names and house numbers repeat on every row of a big file; lower-casing with the
// Armenian locale is the dear part, so each distinct spelling is normalized once.
const normCache = new Map<string, string>();
function norm(s: string): string {
  let v = normCache.get(s);
  if (v === undefined) {
    if (normCache.size > 100_000) normCache.clear();
    v = normalize(s);
    normCache.set(s, v);
  }
  return v;
}

export class Gazetteer {
  private settlementsByName = new Map<string, number>();
  private settlementIds = new Set<number>();
  private streets = new Map<string, number>();
  private addresses = new Map<string, number>();
  private units = new Map<string, number>();

  static async load(tenant: TenantDb): Promise<Gazetteer> {
    const g = new Gazetteer();
    const [settlements, streets, addresses, units] = await Promise.all([
      tenant.selectFrom('settlements').select(['id', 'name_hy', 'name_en', 'name_ru']).execute(),
      tenant.selectFrom('streets').select(['id', 'settlement_id', 'name_hy']).execute(),
      tenant.selectFrom('addresses').select(['id', 'settlement_id', 'street_id', 'number']).execute(),
      tenant.selectFrom('address_units').select(['id', 'address_id', 'number']).execute(),
    ]);
    for (const s of settlements) {
      g.settlementIds.add(s.id);
      for (const n of [s.name_hy, s.name_en, s.name_ru]) if (!g.settlementsByName.has(norm(n))) g.settlementsByName.set(norm(n), s.id);
    }
    for (const s of streets) g.streets.set(`${s.settlement_id}|${norm(s.name_hy)}`, s.id);
    for (const a of addresses) g.addresses.set(`${a.settlement_id}|${a.street_id ?? ''}|${norm(a.number)}`, a.id);
    for (const u of units) g.units.set(`${u.address_id}|${norm(u.number)}`, u.id);
    return g;
  }

  /** A settlement by its Armenian (or English, Russian) name or its id; null when unknown. */
  settlement(value: string): number | null {
    const v = value.trim();
    if (/^\d+$/.test(v)) return this.settlementIds.has(Number(v)) ? Number(v) : null;
    return this.settlementsByName.get(norm(v)) ?? null;
  }

  /** The ids of a reference already in the gazetteer, or undefined when something must be created. */
  known(ref: AddressRef): { addressId: number | null; unitId: number | null } | undefined {
    if (!ref.building) return { addressId: null, unitId: null };
    let streetId: number | null = null;
    if (ref.street) {
      const id = this.streets.get(`${ref.settlementId}|${norm(ref.street)}`);
      if (id === undefined) return undefined;
      streetId = id;
    }
    const addressId = this.addresses.get(`${ref.settlementId}|${streetId ?? ''}|${norm(ref.building)}`);
    if (addressId === undefined) return undefined;
    if (!ref.apartment) return { addressId, unitId: null };
    const unitId = this.units.get(`${addressId}|${norm(ref.apartment)}`);
    return unitId === undefined ? undefined : { addressId, unitId };
  }

  /**
   * The address and unit ids of a reference, creating what is missing: through `raw` (the
   * SQLite fast path, prepared statements inside the same transaction) when given, else Kysely.
   */
  async resolve(tx: TenantDb, ref: AddressRef, now: string, raw?: SqliteWriter): Promise<{ addressId: number | null; unitId: number | null }> {
    if (!ref.building) return { addressId: null, unitId: null };
    let streetId: number | null = null;
    if (ref.street) {
      const sk = `${ref.settlementId}|${norm(ref.street)}`;
      streetId = this.streets.get(sk) ?? null;
      if (streetId === null) {
        const latin = romanizeArmenian(ref.street);
        const name = ref.street.trim();
        streetId = raw
          ? raw.street(ref.settlementId, name, latin, name, now)
          : (await tx.insertInto('streets', { settlement_id: ref.settlementId, name_hy: name, name_en: latin, name_ru: name, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
        this.streets.set(sk, streetId);
      }
    }
    const ak = `${ref.settlementId}|${streetId ?? ''}|${norm(ref.building)}`;
    let addressId = this.addresses.get(ak) ?? null;
    if (addressId === null) {
      const number = ref.building.trim();
      addressId = raw
        ? raw.address(ref.settlementId, streetId, number, now)
        : (await tx.insertInto('addresses', { settlement_id: ref.settlementId, street_id: streetId, number, postcode: null, lat: null, lon: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      this.addresses.set(ak, addressId);
    }
    if (!ref.apartment) return { addressId, unitId: null };
    const uk = `${addressId}|${norm(ref.apartment)}`;
    let unitId = this.units.get(uk) ?? null;
    if (unitId === null) {
      const number = ref.apartment.trim();
      unitId = raw
        ? raw.unit(addressId, number, now)
        : (await tx.insertInto('address_units', { address_id: addressId, number, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      this.units.set(uk, unitId);
    }
    return { addressId, unitId };
  }
}
