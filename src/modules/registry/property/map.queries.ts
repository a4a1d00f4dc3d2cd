// The points of the property map: parcels and structures with coordinates (their own,
// else their address's). A settlement head only gets points of their settlements.
import { sql } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { SettlementScope } from './property.queries.ts';

/**
 * At most this many points are drawn (plot and table), so the page stays small on weak
 * links; the page says how many are left out and offers a filter by settlement.
 */
export const MAP_LIMIT = 1000;

export interface MapPoint {
  id: number;
  kind: 'parcel' | 'building' | 'apartment';
  code: string;
  lat: number;
  lon: number;
}

export interface MapData {
  points: MapPoint[];
  /** All objects with coordinates matching the filter, drawn or not. */
  total: number;
}

/** How many of each kind to draw: all if they fit, else shares in proportion to their totals. */
export function quotas(parcels: number, structures: number, limit: number): [number, number] {
  if (parcels + structures <= limit) return [parcels, structures];
  const p = Math.min(parcels, Math.max(limit - structures, Math.round((limit * parcels) / (parcels + structures))));
  return [p, Math.min(structures, limit - p)];
}

export async function mapPoints(tenant: TenantDb, scope: SettlementScope, settlement: number | null = null, limit = MAP_LIMIT): Promise<MapData> {
  let parcels = tenant
    .selectFrom('parcels')
    .leftJoin('addresses', 'addresses.id', 'parcels.address_id')
    .where((eb) => eb(eb.fn.coalesce('parcels.lat', 'addresses.lat'), 'is not', null))
    .where((eb) => eb(eb.fn.coalesce('parcels.lon', 'addresses.lon'), 'is not', null));
  let structures = tenant
    .selectFrom('structures')
    .leftJoin('addresses', 'addresses.id', 'structures.address_id')
    .leftJoin('parcels', 'parcels.id', 'structures.parcel_id')
    .where((eb) => eb(eb.fn.coalesce('structures.lat', 'addresses.lat'), 'is not', null))
    .where((eb) => eb(eb.fn.coalesce('structures.lon', 'addresses.lon'), 'is not', null));
  if (scope) {
    parcels = scope.length ? parcels.where('parcels.settlement_id', 'in', scope) : parcels.where(sql.lit(false));
    structures = scope.length
      ? structures.where((eb) => eb(eb.fn.coalesce('addresses.settlement_id', 'parcels.settlement_id'), 'in', scope))
      : structures.where(sql.lit(false));
  }
  if (settlement !== null) {
    parcels = parcels.where('parcels.settlement_id', '=', settlement);
    structures = structures.where((eb) => eb(eb.fn.coalesce('addresses.settlement_id', 'parcels.settlement_id'), '=', settlement));
  }
  const [pc, sc] = await Promise.all([
    parcels.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    structures.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const [pn, sn] = quotas(Number(pc.n), Number(sc.n), limit);
  const [p, s] = await Promise.all([
    pn === 0 ? [] : parcels
      .select((eb) => ['parcels.id', 'parcels.cadastral_code as code', eb.fn.coalesce('parcels.lat', 'addresses.lat').as('lat'), eb.fn.coalesce('parcels.lon', 'addresses.lon').as('lon')])
      .orderBy('parcels.cadastral_code').limit(pn).execute(),
    sn === 0 ? [] : structures
      .select((eb) => ['structures.id', 'structures.kind', 'structures.cadastral_code as code', eb.fn.coalesce('structures.lat', 'addresses.lat').as('lat'), eb.fn.coalesce('structures.lon', 'addresses.lon').as('lon')])
      .orderBy('structures.cadastral_code').limit(sn).execute(),
  ]);
  const points = [
    ...p.map((r) => ({ id: r.id, kind: 'parcel' as const, code: r.code, lat: Number(r.lat), lon: Number(r.lon) })),
    ...s.map((r) => ({ id: r.id, kind: r.kind, code: r.code, lat: Number(r.lat), lon: Number(r.lon) })),
  ];
  return { points, total: Number(pc.n) + Number(sc.n) };
}

/** Where a point's record page is. */
export function pointHref(slug: string, p: Pick<MapPoint, 'kind' | 'id'>): string {
  return `/${slug}/staff/registry/${p.kind === 'parcel' ? 'parcels' : 'structures'}/${p.id}`;
}

/**
 * Screen positions for the plot: an equirectangular projection (longitude shrunk by the
 * cosine of the mean latitude) fitted into width×height with a margin; north up.
 */
export function project(points: Pick<MapPoint, 'lat' | 'lon'>[], width: number, height: number, margin = 20): { x: number; y: number }[] {
  if (points.length === 0) return [];
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return points.map((p) => ({
    x: Math.round((offX + (p.lon - minLon) * k * scale) * 10) / 10,
    y: Math.round((height - offY - (p.lat - minLat) * scale) * 10) / 10,
  }));
}
