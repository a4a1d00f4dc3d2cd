// The property map page. Without JavaScript or without a tile server it is still useful:
// a server-drawn SVG plot of the points (each a link) and a table of the objects. With
// tiles configured, static/map.js draws the same points on a Leaflet map above them.
import type { Ctx } from '../../platform/http/context.ts';
import { StaffLayout } from '../../platform/ui/staff-layout.tsx';
import { Notice, Table } from '../../platform/ui/components.tsx';
import { pointHref, project, type MapPoint } from './map.queries.ts';
import { kindLabel } from './property.views.tsx';

const WIDTH = 800;
const HEIGHT = 480;

export function MapPage({ ctx, points, tileUrl }: { ctx: Ctx; points: MapPoint[]; tileUrl: string | null }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const path = `/${slug}/staff/registry/map`;
  const title = t('registry.map.title');
  const xy = project(points, WIDTH, HEIGHT);
  const label = (p: MapPoint) => `${p.kind === 'parcel' ? t('registry.property.parcel') : kindLabel(ctx, p.kind)} ${p.code}`;
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ href: `/${slug}/staff/registry/parcels`, label: t('registry.property.parcels') }, { label: title }]}>
      <h1>{title}</h1>
      <p>{t('registry.map.intro')}</p>
      {points.length > 0 && tileUrl && (
        <>
          <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css" />
          <div id="property-map" class="property-map" hidden data-tiles={tileUrl} data-source={`/api/v1/communities/${slug}/property/map`} style="height: 480px" />
          <script src="/static/vendor/leaflet/leaflet.js" defer />
          <script src="/static/map.js" defer />
        </>
      )}
      {points.length > 0 && !tileUrl && <Notice tone="info" title={t('registry.map.noTiles')} />}
      {points.length > 0 && (
        <figure class="map-plot">
          <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-labelledby="map-plot-title map-plot-desc">
            <title id="map-plot-title">{t('registry.map.plot')}</title>
            <desc id="map-plot-desc">{t('registry.map.plotHint')}</desc>
            <rect x="0" y="0" width={WIDTH} height={HEIGHT} fill="#f3f6f9" stroke="#b1b4b6" />
            {points.map((p, i) => (
              <a href={pointHref(slug, p)}>
                <title>{label(p)}</title>
                {p.kind === 'parcel' ? (
                  <circle cx={xy[i]!.x} cy={xy[i]!.y} r="6" fill="#1d70b8" stroke="#fff" stroke-width="1.5" />
                ) : (
                  <rect x={xy[i]!.x - 5} y={xy[i]!.y - 5} width="10" height="10" fill="#b5121b" stroke="#fff" stroke-width="1.5" />
                )}
              </a>
            ))}
          </svg>
          <figcaption class="hint">{t('registry.map.plotHint')}</figcaption>
        </figure>
      )}
      <Table
        t={t}
        caption={t('registry.map.caption', { count: points.length })}
        rows={points}
        empty={t('registry.map.none')}
        columns={[
          { key: 'object', label: t('registry.map.kind'), render: (p) => <a href={pointHref(slug, p)}>{label(p)}</a> },
          { key: 'lat', label: t('registry.property.lat'), numeric: true, render: (p) => p.lat.toFixed(5) },
          { key: 'lon', label: t('registry.property.lon'), numeric: true, render: (p) => p.lon.toFixed(5) },
        ]}
      />
    </StaffLayout>
  );
}
