// Data access of community assets and leases. A lease whose end day has passed shows as
// "ended" (computed here, not by a job); the stored status changes only by a person.
import type { Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { AssetsTable, LeasesTable } from '../registry.table.ts';
import type { AssetListQuery, LeaseStatus } from './assets.schemas.ts';

export const ASSET_PAGE_SIZE = 50;

export type Lease = Selectable<LeasesTable>;

export interface AssetRow extends Selectable<AssetsTable> {
  parcel_code: string | null;
  structure_code: string | null;
}

/** The status to show: an active lease past its end day is ended. */
export function effectiveStatus(lease: Pick<Lease, 'status' | 'ends_on'>, today: string): LeaseStatus {
  return lease.status === 'active' && lease.ends_on < today ? 'ended' : lease.status;
}

/** The lease running today, if any. */
export function currentLease(leases: Lease[], today: string): Lease | null {
  return leases.find((l) => effectiveStatus(l, today) === 'active' && l.starts_on <= today) ?? null;
}

function base(tenant: TenantDb) {
  return tenant
    .selectFrom('assets')
    .leftJoin('parcels', 'parcels.id', 'assets.parcel_id')
    .leftJoin('structures', 'structures.id', 'assets.structure_id');
}

/** One page of the assets list with each asset's leases; the export asks for page 1 with its own (large) limit. */
export async function listAssets(tenant: TenantDb, f: AssetListQuery, page: number, limit = ASSET_PAGE_SIZE): Promise<{ rows: (AssetRow & { leases: Lease[] })[]; total: number }> {
  let q = base(tenant);
  if (f.kind) q = q.where('assets.kind', '=', f.kind);
  const [rows, count] = await Promise.all([
    q.selectAll('assets').select(['parcels.cadastral_code as parcel_code', 'structures.cadastral_code as structure_code'])
      .orderBy('assets.name').orderBy('assets.id').limit(limit).offset((page - 1) * limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  // A page names its ids; a long export reads the leases of the same filtered assets instead
  // (a bind parameter per id would pass the engines' limits).
  const ofAssets = ids.length <= 1000 ? ids : q.select('assets.id');
  const leases = ids.length ? await tenant.selectFrom('leases').selectAll().where('asset_id', 'in', ofAssets).orderBy('starts_on', 'desc').execute() : [];
  const byAsset = new Map<number, Lease[]>();
  for (const l of leases) {
    const list = byAsset.get(l.asset_id);
    if (list) list.push(l);
    else byAsset.set(l.asset_id, [l]);
  }
  return { rows: rows.map((r) => ({ ...(r as AssetRow), leases: byAsset.get(r.id) ?? [] })), total: Number(count.n) };
}

export async function findAsset(tenant: TenantDb, id: number): Promise<AssetRow | null> {
  const row = await base(tenant)
    .selectAll('assets')
    .select(['parcels.cadastral_code as parcel_code', 'structures.cadastral_code as structure_code'])
    .where('assets.id', '=', id)
    .executeTakeFirst();
  return (row as AssetRow | undefined) ?? null;
}

export async function leasesOf(tenant: TenantDb, assetId: number): Promise<Lease[]> {
  return tenant.selectFrom('leases').selectAll().where('asset_id', '=', assetId).orderBy('starts_on', 'desc').orderBy('id', 'desc').execute();
}
