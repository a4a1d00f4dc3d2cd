// The modules' indicators (manifest `indicators`): computing them for a community and a
// period, and combining community figures into regional or national ones by each
// indicator's own rule (a sum, a weighted mean, or not at all for a median).
import { formatAmd, formatNumber, formatPercent, todayInYerevan, type Locale } from '../i18n/index.ts';
import type { Indicator, IndicatorPeriod, Services } from './contract.ts';

export function allIndicators(services: Pick<Services, 'modules'>): Indicator[] {
  return services.modules.flatMap((m) => m.indicators ?? []);
}

export function indicatorByKey(services: Pick<Services, 'modules'>, key: string): Indicator | undefined {
  return allIndicators(services).find((i) => i.key === key);
}

/** The twelve months up to and including `today` (Yerevan): the window the dashboard shows. */
export function lastTwelveMonths(today: string = todayInYerevan()): IndicatorPeriod {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return { from: d.toISOString().slice(0, 10), to: today };
}

export interface IndicatorValue {
  indicator: Indicator;
  value: number | null;
}

/** The figures of one community for a period; `keys` narrows them (default: all). */
export async function computeIndicators(
  services: Services,
  communityId: number,
  period: IndicatorPeriod,
  filter: (i: Indicator) => boolean = () => true,
): Promise<IndicatorValue[]> {
  const wanted = allIndicators(services).filter(filter);
  return Promise.all(wanted.map(async (indicator) => ({ indicator, value: await indicator.compute(services, communityId, period) })));
}

/** One community's figure and, for a weighted mean, its weight (the weight indicator's figure). */
export interface CommunityFigure {
  value: number | null;
  weight?: number | null;
}

/**
 * The figure of several communities together. A sum adds what is there; a weighted mean
 * weighs each community by its `weight` (communities without a figure or a weight drop
 * out); a not-summable figure (a median) has no combined value: null.
 */
export function aggregateIndicator(indicator: Indicator, figures: readonly CommunityFigure[]): number | null {
  const present = figures.filter((f) => f.value !== null && Number.isFinite(f.value));
  switch (indicator.aggregation.kind) {
    case 'sum':
      return present.length ? present.reduce((s, f) => s + (f.value as number), 0) : null;
    case 'weighted_mean': {
      const weighted = present.filter((f) => typeof f.weight === 'number' && f.weight > 0);
      const total = weighted.reduce((s, f) => s + (f.weight as number), 0);
      return total > 0 ? weighted.reduce((s, f) => s + (f.value as number) * (f.weight as number), 0) / total : null;
    }
    case 'not_summable':
      return null;
  }
}

/** Start-up check: unique keys, and every weighted mean's weight is itself an indicator. */
export function assertIndicatorsConsistent(services: Pick<Services, 'modules'>): void {
  const all = allIndicators(services);
  const keys = new Set<string>();
  for (const i of all) {
    if (keys.has(i.key)) throw new Error(`Two indicators have the key ${i.key}`);
    keys.add(i.key);
  }
  for (const i of all) {
    if (i.aggregation.kind === 'weighted_mean' && !keys.has(i.aggregation.weight)) {
      throw new Error(`Indicator ${i.key} is weighted by ${i.aggregation.weight}, which no module provides`);
    }
  }
}

/** An indicator's figure for people: counts whole, shares in per cent, money in dram; "—" without one. */
export function formatIndicator(indicator: Pick<Indicator, 'unit'>, value: number | null, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (indicator.unit) {
    case 'count': return formatNumber(value, locale);
    case 'percent': return formatPercent(value, locale);
    case 'amd': return formatAmd(Math.round(value));
    case 'days':
    case 'score': return formatNumber(value, locale, { decimals: 1 });
  }
}
