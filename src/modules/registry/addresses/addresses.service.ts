// The address gazetteer: streets per settlement, addresses (street, number, postcode,
// coordinates) and their units. Reads and audited changes.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import { romanizeArmenian } from '../../../platform/search/romanize.ts';
import type { AddressInput, StreetInput } from '../population/population.schemas.ts';

export async function listStreets(tenant: TenantDb, settlementId?: number) {
  let q = tenant.selectFrom('streets').select(['id', 'settlement_id', 'name_hy', 'name_en', 'name_ru']).orderBy('name_hy');
  if (settlementId) q = q.where('settlement_id', '=', settlementId);
  return q.execute();
}

export async function listAddresses(tenant: TenantDb, settlementId?: number) {
  let q = tenant
    .selectFrom('addresses')
    .leftJoin('streets', 'streets.id', 'addresses.street_id')
    .select([
      'addresses.id', 'addresses.settlement_id', 'addresses.street_id', 'addresses.number', 'addresses.postcode', 'addresses.lat', 'addresses.lon',
      'streets.name_hy as street_hy', 'streets.name_en as street_en', 'streets.name_ru as street_ru',
      (eb) => eb.selectFrom('address_units').select((e) => e.fn.countAll<number>().as('n')).whereRef('address_units.address_id', '=', 'addresses.id').as('units'),
    ])
    .orderBy('streets.name_hy')
    .orderBy('addresses.number')
    .limit(500);
  if (settlementId) q = q.where('addresses.settlement_id', '=', settlementId);
  return q.execute();
}

export async function findAddress(tenant: TenantDb, id: number) {
  const a = await tenant.selectFrom('addresses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) return null;
  const units = await tenant.selectFrom('address_units').select(['id', 'number']).where('address_id', '=', id).orderBy('number').execute();
  return { ...a, units };
}

async function checkSettlementStreet(tenant: TenantDb, settlementId: number, streetId: number | null) {
  const s = await tenant.selectFrom('settlements').select('id').where('id', '=', settlementId).executeTakeFirst();
  if (!s) throw badRequest({ settlement_id: 'field.invalid' });
  if (streetId !== null) {
    const st = await tenant.selectFrom('streets').select('settlement_id').where('id', '=', streetId).executeTakeFirst();
    if (!st || st.settlement_id !== settlementId) throw badRequest({ street_id: 'registry.population.error.street' });
  }
}

export async function createStreet(tenant: TenantDb, audit: AuditActor, input: StreetInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    await checkSettlementStreet(scoped, input.settlement_id, null);
    const latin = romanizeArmenian(input.name_hy);
    const row = { settlement_id: input.settlement_id, name_hy: input.name_hy, name_en: input.name_en ?? latin, name_ru: input.name_ru ?? latin, created_at: new Date().toISOString() };
    const { id } = await scoped.insertInto('streets', row).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, audit, { communityId: scoped.communityId, action: 'street.create', entityType: 'street', entityId: id, after: row });
    return id;
  });
}

export async function saveAddress(tenant: TenantDb, audit: AuditActor, id: number | null, input: AddressInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    await checkSettlementStreet(scoped, input.settlement_id, input.street_id);
    const fields = { settlement_id: input.settlement_id, street_id: input.street_id, number: input.number, postcode: input.postcode, lat: input.lat, lon: input.lon };
    if (id === null) {
      const row = { ...fields, created_at: new Date().toISOString() };
      const created = await scoped.insertInto('addresses', row).returning('id').executeTakeFirstOrThrow();
      await appendAudit(tx, audit, { communityId: scoped.communityId, action: 'address.create', entityType: 'address', entityId: created.id, after: row });
      return created.id;
    }
    const before = await scoped.selectFrom('addresses').select(['settlement_id', 'street_id', 'number', 'postcode', 'lat', 'lon']).where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound();
    await scoped.updateTable('addresses').set(fields).where('id', '=', id).execute();
    await appendAudit(tx, audit, { communityId: scoped.communityId, action: 'address.update', entityType: 'address', entityId: id, before, after: fields });
    return id;
  });
}

export async function addUnit(tenant: TenantDb, audit: AuditActor, addressId: number, number: string): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const a = await scoped.selectFrom('addresses').select('id').where('id', '=', addressId).executeTakeFirst();
    if (!a) throw notFound();
    const dup = await scoped.selectFrom('address_units').select('id').where('address_id', '=', addressId).where('number', '=', number).executeTakeFirst();
    if (dup) throw badRequest({ number: 'registry.population.error.unitTaken' });
    const row = { address_id: addressId, number, created_at: new Date().toISOString() };
    const { id } = await scoped.insertInto('address_units', row).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, audit, { communityId: scoped.communityId, action: 'address.add_unit', entityType: 'address_unit', entityId: id, after: row });
  });
}

/**
 * Addresses for the search box: the words are a street's name in any of its three spellings
 * (a prefix of a word, any case) and, optionally, a house number ("Sisakan 12", "Սիսական 12").
 */
export async function searchAddresses(tenant: TenantDb, q: string, limit: number) {
  const words = q.split(/[\s,]+/).filter(Boolean).slice(0, 4);
  const number = words.find((w) => /^\d/.test(w));
  const name = words.filter((w) => w !== number).join(' ').replace(/[%_\\]/g, '');
  if (!name && !number) return [];
  let query = tenant
    .selectFrom('addresses')
    .leftJoin('streets', 'streets.id', 'addresses.street_id')
    .innerJoin('settlements', 'settlements.id', 'addresses.settlement_id')
    .select([
      'addresses.id', 'addresses.number', 'streets.name_hy as street_hy', 'streets.name_en as street_en', 'streets.name_ru as street_ru',
      'settlements.name_hy as settlement_hy', 'settlements.name_en as settlement_en', 'settlements.name_ru as settlement_ru',
    ]);
  if (name) {
    // SQLite's lower() folds ASCII only: the text is tried as typed, lower-case and Capitalised.
    const variants = [...new Set([name, name.toLowerCase(), name.charAt(0).toUpperCase() + name.slice(1).toLowerCase()])];
    const cols = ['streets.name_hy', 'streets.name_en', 'streets.name_ru'] as const;
    query = query.where((eb) => eb.or(cols.flatMap((c) => variants.flatMap((v) => [eb(c, 'like', `${v}%`), eb(c, 'like', `% ${v}%`)]))));
  }
  if (number) query = query.where('addresses.number', 'like', `${number.replace(/[%_\\]/g, '')}%`);
  return query.orderBy('streets.name_hy').orderBy('addresses.number').limit(limit).execute();
}
