// The public performance figures of each community's services, pre-aggregated (DOMAIN:
// "statistics pre-aggregated rather than computed per page view"). A job recomputes
// service_stats from the cases every hour (and the demo seed once); the public page and
// API read only that table, so a page view never scans cases.
import type { Services } from '../../../platform/module/contract.ts';
import { TenantDb, unscoped } from '../../../platform/db/tenant.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import type { JobHandler } from '../../../platform/module/contract.ts';
import { listServices } from '../catalogue/catalogue.ts';
import type { Localized } from '../catalogue/spec.ts';
import type { ServiceStatsTable } from '../services.table.ts';

export const SERVICE_STATS_JOB = 'services.stats';
export const SERVICE_STATS_EVERY_SECONDS = 3600;

const DAY_MS = 86_400_000;

interface CaseFacts {
  service_id: number;
  registered_at: string | null;
  decided_at: string | null;
  due_date: string | null;
  rating: number | null;
}

/** One service's figures over the window: the stored row without its keys and time. */
export type ServiceFigures = Omit<ServiceStatsTable, 'id' | 'community_id' | 'service_id' | 'computed_at'>;

/** The start of the window: the same instant twelve months earlier. */
export function windowStart(now: Date): string {
  const from = new Date(now.getTime());
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return from.toISOString();
}

const dayOfHour = new Map<string, string>();

/**
 * The Yerevan day of an ISO instant. Yerevan's offset from UTC is whole hours, so the UTC
 * hour decides the day: one time-zone conversion per hour, not per case (100,000 cases).
 */
export function yerevanDayOf(iso: string): string {
  const hour = new Date(iso).toISOString().slice(0, 13);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = todayInYerevan(new Date(`${hour}:00:00.000Z`));
    if (dayOfHour.size > 100_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}

/** Whole calendar days between two Yerevan days (YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The figures of one service from its cases registered in the window. A case counts as
 * decided on time when the Yerevan day of its decision is on or before its due date;
 * days to decision are calendar days between the Yerevan days of registration and decision.
 */
export function figuresOf(cases: CaseFacts[]): ServiceFigures {
  const days: number[] = [];
  let onTime = 0;
  let ratingCount = 0;
  let ratingSum = 0;
  for (const c of cases) {
    if (c.decided_at && c.registered_at) {
      const decidedOn = yerevanDayOf(c.decided_at);
      days.push(Math.max(0, daysBetween(yerevanDayOf(c.registered_at), decidedOn)));
      if (c.due_date && decidedOn <= c.due_date) onTime++;
    }
    if (c.rating !== null) {
      ratingCount++;
      ratingSum += c.rating;
    }
  }
  return { cases: cases.length, decided: days.length, decided_on_time: onTime, median_days: median(days), rating_count: ratingCount, rating_sum: ratingSum };
}

async function recomputeCommunity(services: Services, communityId: number, now: Date): Promise<number> {
  const computedAt = now.toISOString();
  return unscoped(services.db.kysely, 'one transaction per community; every query inside goes through its TenantDb')
    .transaction()
    .execute(async (trx) => {
      const tenant = new TenantDb(trx, communityId);
      const definitions = await tenant.selectFrom('service_definitions').select(['id', 'status']).execute();
      const cases = await tenant.selectFrom('cases')
        .select(['service_id', 'registered_at', 'decided_at', 'due_date', 'rating'])
        .where('registered_at', '>=', windowStart(now))
        .where('registered_at', '<=', computedAt)
        .execute();
      const byService = new Map<number, CaseFacts[]>();
      for (const c of cases) {
        const list = byService.get(c.service_id);
        if (list) list.push(c);
        else byService.set(c.service_id, [c]);
      }
      // Published services are listed even without cases; archived and draft ones only with cases.
      const rows = definitions
        .filter((d) => d.status === 'published' || byService.has(d.id))
        .map((d) => ({ service_id: d.id, ...figuresOf(byService.get(d.id) ?? []), computed_at: computedAt }));
      // Derived figures, replaced whole: no audit event (nobody changed anything; the cases' own changes are audited).
      await tenant.deleteFrom('service_stats').execute();
      if (rows.length) await tenant.insertInto('service_stats', rows).execute();
      return rows.length;
    });
}

/** Recomputes service_stats of one community, or of every community; returns the rows written. */
export async function recomputeServiceStats(services: Services, communityId?: number, now: Date = new Date()): Promise<number> {
  const ids = communityId !== undefined
    ? [communityId]
    : (await unscoped(services.db.kysely, 'the hourly recompute covers every community').selectFrom('communities').select('id').orderBy('id').execute()).map((c) => c.id);
  let written = 0;
  for (const id of ids) written += await recomputeCommunity(services, id, now);
  return written;
}

/** The job 'services.stats': the community of the job, or every community when it has none. */
export const serviceStatsJob: JobHandler = async (services, _payload, job) => {
  await recomputeServiceStats(services, job.communityId ?? undefined);
};

export interface ServiceStat extends ServiceFigures {
  serviceId: number;
  code: string;
  name: Localized;
  /** Whole per cent of decisions made on time; null without decisions. */
  onTimePercent: number | null;
  /** Mean rating to one decimal; null without ratings. */
  averageRating: number | null;
}

export interface ServiceStatsReport {
  computedAt: string | null;
  services: ServiceStat[];
  totals: Omit<ServiceStat, 'serviceId' | 'code' | 'name' | 'median_days'>;
}

const percent = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) : null);
const average = (sum: number, count: number) => (count ? Math.round((10 * sum) / count) / 10 : null);

/** What the public page and API show: the stored figures only, most used services first. */
export async function readServiceStats(tenant: TenantDb): Promise<ServiceStatsReport> {
  const rows = await tenant.selectFrom('service_stats')
    .select(['service_id', 'cases', 'decided', 'decided_on_time', 'median_days', 'rating_count', 'rating_sum', 'computed_at'])
    .execute();
  // Names from each service's current version (the catalogue, two queries, its parsed specs cached).
  const catalogue = new Map((await listServices(tenant)).map((s) => [s.id, s]));
  const stats: (ServiceStat & { sort: number })[] = [];
  for (const r of rows) {
    const service = catalogue.get(r.service_id);
    if (!service) continue;
    stats.push({
      serviceId: r.service_id, code: service.code, name: service.spec.name, sort: service.sortOrder,
      cases: Number(r.cases), decided: Number(r.decided), decided_on_time: Number(r.decided_on_time),
      median_days: r.median_days === null ? null : Number(r.median_days),
      rating_count: Number(r.rating_count), rating_sum: Number(r.rating_sum),
      onTimePercent: percent(Number(r.decided_on_time), Number(r.decided)), averageRating: average(Number(r.rating_sum), Number(r.rating_count)),
    });
  }
  stats.sort((a, b) => b.cases - a.cases || a.sort - b.sort || a.serviceId - b.serviceId);
  const sum = (k: 'cases' | 'decided' | 'decided_on_time' | 'rating_count' | 'rating_sum') => stats.reduce((s, r) => s + r[k], 0);
  const totals = {
    cases: sum('cases'), decided: sum('decided'), decided_on_time: sum('decided_on_time'), rating_count: sum('rating_count'), rating_sum: sum('rating_sum'),
    onTimePercent: percent(sum('decided_on_time'), sum('decided')), averageRating: average(sum('rating_sum'), sum('rating_count')),
  };
  const computedAt = rows.reduce<string | null>((latest, r) => (latest === null || r.computed_at > latest ? r.computed_at : latest), null);
  return { computedAt, services: stats.map(({ sort: _sort, ...s }) => s), totals };
}
