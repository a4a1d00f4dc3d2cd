// Server-side charts: no JavaScript, no library. Each chart is an image with a title and
// a description for screen readers (role="img"), followed by the same numbers in a table
// inside <details>, so nothing is only visible as a picture. Bar charts are HTML (labels
// are text that wraps and keeps its size on a phone; the bars are tiny SVGs); the pyramid
// is one SVG.
import type { ComponentChildren } from 'preact';
import { formatNumber, type Locale } from '../i18n/index.ts';

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
  /** Numbers are written in the reader's language (formatNumber). */
  locale: Locale;
}

const INK = '#1b1b1b';
export const CHART_COLORS = { primary: '#2f5d8a', secondary: '#a23b5b' } as const;
const fmt = (n: number, locale: Locale) => formatNumber(n, locale, { decimals: 1 });

function Figure({ text, picture, table }: { text: ChartText; picture: ComponentChildren; table: ComponentChildren }) {
  return (
    <figure class="chart" id={text.id}>
      {picture}
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

/**
 * Horizontal bars, one per datum: label, bar, value. The label column is as wide as the
 * longest label up to 40% of the width, where labels wrap (CSS grid fit-content); on a
 * narrow screen each label stands above its bar. No label is cut short.
 */
export function BarChart({ data, valueHeader, ...text }: ChartText & { data: BarDatum[]; valueHeader: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const chart = (
    <>
      <span class="visually-hidden" id={`${text.id}-title`}>{text.title}</span>
      <span class="visually-hidden" id={`${text.id}-desc`}>{text.desc}</span>
      <div class="bars" role="img" aria-labelledby={`${text.id}-title ${text.id}-desc`}>
        {data.map((d) => (
          <>
            <span class="bar-label">{d.label}</span>
            <svg class="bar" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">
              <rect width={`${((Math.max(0, d.value) / max) * 100).toFixed(1)}%`} height="100%" fill={CHART_COLORS.primary} />
            </svg>
            <span class="bar-value">{fmt(d.value, text.locale)}</span>
          </>
        ))}
      </div>
    </>
  );
  const table = (
    <table class="table">
      <caption>{text.title}</caption>
      <thead>
        <tr><th scope="col">{text.labelHeader}</th><th scope="col" class="numeric">{valueHeader}</th></tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr><th scope="row">{d.label}</th><td class="numeric">{fmt(d.value, text.locale)}</td></tr>
        ))}
      </tbody>
    </table>
  );
  return <Figure text={text} picture={chart} table={table} />;
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
            <text x={cx - lw - 4} y={y + 13} text-anchor="end" fill={INK} font-size="11">{fmt(d.left, text.locale)}</text>
            <text x={cx + labelW / 2} y={y + 13} text-anchor="middle" fill={INK}>{d.label}</text>
            <rect x={cx + labelW} y={y + 2} width={rw.toFixed(1)} height={row - 4} fill={CHART_COLORS.secondary} />
            <text x={cx + labelW + rw + 4} y={y + 13} fill={INK} font-size="11">{fmt(d.right, text.locale)}</text>
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
          <tr><th scope="row">{d.label}</th><td class="numeric">{fmt(d.left, text.locale)}</td><td class="numeric">{fmt(d.right, text.locale)}</td></tr>
        ))}
      </tbody>
    </table>
  );
  return <Figure text={text} picture={svg} table={table} />;
}
