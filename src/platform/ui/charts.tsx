// Server-side SVG charts: no JavaScript, no library. Each chart is an image with a
// title and a description for screen readers (role="img", <title>, <desc>), followed by
// the same numbers in a table inside <details>, so nothing is only visible as a picture.
import type { ComponentChildren } from 'preact';

export interface BarDatum {
  label: string;
  value: number;
}

export interface PyramidDatum {
  label: string;
  left: number;
  right: number;
}

interface ChartText {
  /** Unique on the page; used for the ids of title, description and table. */
  id: string;
  title: string;
  desc: string;
  /** The summary of the <details> holding the table ("Show the numbers"). */
  tableSummary: string;
  labelHeader: string;
}

const INK = '#1b1b1b';
const GRID = '#b1b4b6';
export const CHART_COLORS = { primary: '#2f5d8a', secondary: '#a23b5b' } as const;
const fmt = (n: number) => n.toLocaleString('en-GB').replace(/,/g, '\u00a0');

function Figure({ text, svg, table }: { text: ChartText; svg: ComponentChildren; table: ComponentChildren }) {
  return (
    <figure class="chart" id={text.id}>
      {svg}
      <details>
        <summary>{text.tableSummary}</summary>
        {table}
      </details>
    </figure>
  );
}

function SvgFrame({ text, width, height, children }: { text: ChartText; width: number; height: number; children: ComponentChildren }) {
  return (
    <svg
      role="img"
      aria-labelledby={`${text.id}-title ${text.id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={`max-width:${width}px`}
      xmlns="http://www.w3.org/2000/svg"
      font-family="inherit"
      font-size="12"
    >
      <title id={`${text.id}-title`}>{text.title}</title>
      <desc id={`${text.id}-desc`}>{text.desc}</desc>
      {children}
    </svg>
  );
}

/** Horizontal bars, one per datum, with the value written at the end of each bar. */
export function BarChart({ data, valueHeader, ...text }: ChartText & { data: BarDatum[]; valueHeader: string }) {
  const row = 24;
  const labelW = 150;
  const barW = 380;
  const width = labelW + barW + 70;
  const height = Math.max(1, data.length) * row + 8;
  const max = Math.max(1, ...data.map((d) => d.value));
  const svg = (
    <SvgFrame text={text} width={width} height={height}>
      <line x1={labelW} x2={labelW} y1={0} y2={height} stroke={GRID} />
      {data.map((d, i) => {
        const y = 4 + i * row;
        const w = (d.value / max) * barW;
        return (
          <g>
            <text x={labelW - 6} y={y + 15} text-anchor="end" fill={INK}>{d.label}</text>
            <rect x={labelW} y={y + 3} width={w.toFixed(1)} height={row - 8} fill={CHART_COLORS.primary} />
            <text x={labelW + w + 6} y={y + 15} fill={INK}>{fmt(d.value)}</text>
          </g>
        );
      })}
    </SvgFrame>
  );
  const table = (
    <table class="table">
      <caption>{text.title}</caption>
      <thead>
        <tr><th scope="col">{text.labelHeader}</th><th scope="col" class="numeric">{valueHeader}</th></tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr><th scope="row">{d.label}</th><td class="numeric">{fmt(d.value)}</td></tr>
        ))}
      </tbody>
    </table>
  );
  return <Figure text={text} svg={svg} table={table} />;
}

/** A population pyramid: bands from the oldest (top) to the youngest, left and right bars from the centre. */
export function PyramidChart({ data, leftHeader, rightHeader, ...text }: ChartText & { data: PyramidDatum[]; leftHeader: string; rightHeader: string }) {
  const row = 18;
  const half = 230;
  const labelW = 96;
  const top = 22;
  const width = half * 2 + labelW;
  const height = top + data.length * row + 6;
  const max = Math.max(1, ...data.flatMap((d) => [d.left, d.right]));
  const cx = half;
  const rows = [...data].reverse();
  const svg = (
    <SvgFrame text={text} width={width} height={height}>
      <text x={cx - 8} y={14} text-anchor="end" fill={INK} font-weight="bold">{leftHeader}</text>
      <text x={cx + labelW + 8} y={14} fill={INK} font-weight="bold">{rightHeader}</text>
      {rows.map((d, i) => {
        const y = top + i * row;
        const lw = (d.left / max) * (half - 40);
        const rw = (d.right / max) * (half - 40);
        return (
          <g>
            <rect x={(cx - lw).toFixed(1)} y={y + 2} width={lw.toFixed(1)} height={row - 4} fill={CHART_COLORS.primary} />
            <text x={cx - lw - 4} y={y + 13} text-anchor="end" fill={INK} font-size="11">{fmt(d.left)}</text>
            <text x={cx + labelW / 2} y={y + 13} text-anchor="middle" fill={INK}>{d.label}</text>
            <rect x={cx + labelW} y={y + 2} width={rw.toFixed(1)} height={row - 4} fill={CHART_COLORS.secondary} />
            <text x={cx + labelW + rw + 4} y={y + 13} fill={INK} font-size="11">{fmt(d.right)}</text>
          </g>
        );
      })}
    </SvgFrame>
  );
  const table = (
    <table class="table">
      <caption>{text.title}</caption>
      <thead>
        <tr>
          <th scope="col">{text.labelHeader}</th>
          <th scope="col" class="numeric">{leftHeader}</th>
          <th scope="col" class="numeric">{rightHeader}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr><th scope="row">{d.label}</th><td class="numeric">{fmt(d.left)}</td><td class="numeric">{fmt(d.right)}</td></tr>
        ))}
      </tbody>
    </table>
  );
  return <Figure text={text} svg={svg} table={table} />;
}
