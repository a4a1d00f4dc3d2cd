// The property map page. Without JavaScript or without a tile server it is still useful:
// a server-drawn SVG plot of the points (each a link) and a table of the objects. With
// tiles configured, static/map.js draws the same points on a Leaflet map above them.
// At most MAP_LIMIT points are drawn; a notice says how many are left out, and a plain
// GET form narrows the map to one settlement. The markup per point is kept lean (shared
// styles on a group, links relative to the page) so a whole community's map stays small.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, Notice, Select, Table, type Option } from '../../../platform/ui/components.tsx';
import { project, type MapPoint } from './map.queries.ts';
import { kindLabel } from './property.views.tsx';

const WIDTH = 800;
const HEIGHT = 480;

/** A record's link relative to the map page (/:slug/staff/registry/map): a few bytes per point. */
const rel = (p: Pick<MapPoint, 'kind' | 'id'>) => `${p.kind === 'parcel' ? 'parcels' : 'structures'}/${p.id}`;

export interface MapPageProps {
  ctx: Ctx;
  points: MapPoint[];
  total: number;
  settlement: number | null;
  settlements: Option[];
  tileUrl: string | null;
}

const PARCEL = { fill: '#1d70b8' };
const STRUCTURE = { fill: '#b5121b' };

/** What the two marks mean, with how many of each are drawn: the same shapes and colours as the plot. */
function Legend({ ctx, parcels, structures }: { ctx: Ctx; parcels: number; structures: number }) {
  const { t } = ctx;
  return (
    <div class="map-legend">
      <h2 class="visually-hidden">{t('registry.map.legend')}</h2>
      <ul>
        <li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill={PARCEL.fill} /></svg> {t('registry.map.parcelsCaption', { count: parcels })}</li>
        <li><svg width="14" height="14" aria-hidden="true"><rect x="2" y="2" width="10" height="10" fill={STRUCTURE.fill} /></svg> {t('registry.map.structuresCaption', { count: structures })}</li>
      </ul>
    </div>
  );
}

function Plot({ ctx, points }: { ctx: Ctx; points: MapPoint[] }) {
  const { t } = ctx;
  const xy = project(points, WIDTH, HEIGHT);
  const dots = points.map((p, i) => ({ p, x: xy[i]!.x, y: xy[i]!.y }));
  return (
    <figure class="map-plot">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-labelledby="map-plot-title map-plot-desc">
        <title id="map-plot-title">{t('registry.map.plot')}</title>
        <desc id="map-plot-desc">{t('registry.map.plotHint')}</desc>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} fill="#f3f6f9" stroke="#b1b4b6" />
        <g fill={PARCEL.fill} stroke="#fff" stroke-width="1.5">
          {dots.filter((d) => d.p.kind === 'parcel').map(({ p, x, y }) => (
            <a href={rel(p)}><title>{p.code}</title><circle cx={x} cy={y} r="6" /></a>
          ))}
        </g>
        <g fill={STRUCTURE.fill} stroke="#fff" stroke-width="1.5">
          {dots.filter((d) => d.p.kind !== 'parcel').map(({ p, x, y }) => (
            <a href={rel(p)}><title>{p.code}</title><rect x={x - 5} y={y - 5} width="10" height="10" /></a>
          ))}
        </g>
      </svg>
      <figcaption class="hint">{t('registry.map.plotHint')}</figcaption>
    </figure>
  );
}

export function MapPage({ ctx, points, total, settlement, settlements, tileUrl }: MapPageProps) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const path = `/${slug}/staff/registry/map`;
  const title = t('registry.map.title');
  const source = `/api/v1/communities/${slug}/property/map${settlement ? `?settlement=${settlement}` : ''}`;
  const hidden = total - points.length;
  const parcels = points.filter((p) => p.kind === 'parcel');
  const structures = points.filter((p) => p.kind !== 'parcel');
  const object = { key: 'object', label: t('registry.map.kind'), render: (p: MapPoint) => <a href={rel(p)}>{p.code}</a> };
  const coordinates = [
    { key: 'lat', label: t('registry.property.lat'), numeric: true, render: (p: MapPoint) => formatNumber(p.lat, ctx.locale, { decimals: 5, minDecimals: 5 }) },
    { key: 'lon', label: t('registry.property.lon'), numeric: true, render: (p: MapPoint) => formatNumber(p.lon, ctx.locale, { decimals: 5, minDecimals: 5 }) },
  ];
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ href: `/${slug}/staff/registry/parcels`, label: t('registry.property.parcels') }, { label: title }]}>
      <h1>{title}</h1>
      <p>{t('registry.map.intro')}</p>
      <form method="get" action={path} class="filters" aria-label={t('registry.property.filters')}>
        <Select form={{ t, values: settlement ? { settlement: String(settlement) } : {} }} name="settlement" label={t('registry.map.settlement')} options={settlements} placeholder={t('registry.property.all')} />
        <Button variant="secondary">{t('registry.map.show')}</Button>
      </form>
      {hidden > 0 && (
        <Notice tone="info" title={t('registry.map.capped', { shown: points.length, total: total, hidden: hidden })} />
      )}
      {points.length > 0 && tileUrl && (
        <>
          <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css" />
          <div id="property-map" class="property-map" hidden data-tiles={tileUrl} data-source={source} style="height: 480px" />
          <script src="/static/vendor/leaflet/leaflet.js" defer />
          <script src="/static/map.js" defer />
        </>
      )}
      {points.length > 0 && !tileUrl && <Notice tone="info" title={t('registry.map.noTiles')} />}
      {points.length > 0 && <Legend ctx={ctx} parcels={parcels.length} structures={structures.length} />}
      {points.length > 0 && <Plot ctx={ctx} points={points} />}
      {points.length === 0 && <Table t={t} caption={t('registry.map.caption', { count: 0 })} rows={points} empty={t('registry.map.none')} columns={[]} />}
      {/* The same objects in words, for screen readers and for copying coordinates: a
          thousand rows, so folded away below the picture until asked for. */}
      {points.length > 0 && (
        <details class="map-table">
          <summary>{t('registry.map.asTable')}</summary>
          {parcels.length > 0 && <Table t={t} caption={t('registry.map.parcelsCaption', { count: parcels.length })} rows={parcels} columns={[object, ...coordinates]} />}
          {structures.length > 0 && (
            <Table
              t={t}
              caption={t('registry.map.structuresCaption', { count: structures.length })}
              rows={structures}
              columns={[object, { key: 'kind', label: t('registry.property.kind'), render: (p) => kindLabel(ctx, p.kind) }, ...coordinates]}
            />
          )}
        </details>
      )}
    </StaffLayout>
  );
}
