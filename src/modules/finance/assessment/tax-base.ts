// The tax base read from the property register in chunks: a range of parcels or
// structures by id, with the owners valid on the day read, in two set-based queries per
// chunk (never a query per object), so a national-size register streams through.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { ObjectOwner, TaxObject } from './compute.ts';

export type ObjectType = 'parcel' | 'structure';

export interface BaseChunk {
  objects: TaxObject[];
  owners: Map<number, ObjectOwner[]>;
  /** The id range read, inclusive; the next chunk starts after `lastId`. */
  firstId: number;
  lastId: number;
}

/** How many objects of each kind the register has (for the progress bar). */
export async function countObjects(tdb: TenantDb): Promise<number> {
  const [p, s] = await Promise.all([
    tdb.selectFrom('parcels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    tdb.selectFrom('structures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return Number(p.n) + Number(s.n);
}

async function readObjects(tdb: TenantDb, type: ObjectType, afterId: number, limit: number): Promise<TaxObject[]> {
  if (type === 'parcel') {
    const rows = await tdb.selectFrom('parcels')
      .select(['id', 'cadastral_code', 'purpose', 'inside_settlement', 'cadastral_value', 'net_income'])
      .where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => ({
      type, id: r.id, label: r.cadastral_code, kind: null, purpose: r.purpose, insideSettlement: Number(r.inside_settlement) === 1,
      cadastralValue: r.cadastral_value == null ? null : Number(r.cadastral_value), netIncome: r.net_income == null ? null : Number(r.net_income),
    }));
  }
  const rows = await tdb.selectFrom('structures')
    .select(['id', 'cadastral_code', 'kind', 'purpose', 'cadastral_value'])
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    type, id: r.id, label: r.cadastral_code, kind: r.kind, purpose: r.purpose, insideSettlement: true,
    cadastralValue: r.cadastral_value == null ? null : Number(r.cadastral_value), netIncome: null,
  }));
}

/** The next chunk of objects of `type` after `afterId`, or null when the register is done. */
export async function readChunk(tdb: TenantDb, type: ObjectType, afterId: number, limit: number, asOf: string): Promise<BaseChunk | null> {
  const objects = await readObjects(tdb, type, afterId, limit);
  if (objects.length === 0) return null;
  const firstId = objects[0]!.id;
  const lastId = objects[objects.length - 1]!.id;
  const rows = await tdb.selectFrom('ownerships')
    .leftJoin('organizations', 'organizations.id', 'ownerships.owner_organization_id')
    .select([
      'ownerships.id', 'ownerships.object_id', 'ownerships.owner_type', 'ownerships.owner_resident_id', 'ownerships.owner_organization_id',
      'ownerships.owner_name', 'ownerships.share_num', 'ownerships.share_den', 'ownerships.tenure', 'organizations.legal_form',
    ])
    .where('ownerships.object_type', '=', type)
    .where('ownerships.object_id', '>=', firstId)
    .where('ownerships.object_id', '<=', lastId)
    .where('ownerships.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('ownerships.valid_to', 'is', null), eb('ownerships.valid_to', '>=', asOf)]))
    .execute();
  const owners = new Map<number, ObjectOwner[]>();
  for (const r of rows) {
    const o: ObjectOwner = {
      ownershipId: r.id, ownerType: r.owner_type, residentId: r.owner_resident_id, organizationId: r.owner_organization_id,
      name: r.owner_name, legalForm: r.legal_form, shareNum: r.share_num, shareDen: r.share_den, tenure: r.tenure,
    };
    const list = owners.get(r.object_id);
    if (list) list.push(o);
    else owners.set(r.object_id, [o]);
  }
  return { objects, owners, firstId, lastId };
}
