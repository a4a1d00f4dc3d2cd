// The services module's indicators: applications registered in a period, decided, decided
// on time, days to a decision and applicants' satisfaction, by the same rules as the public
// performance page (figuresOf). The figures of one community and period are read once and
// shared by the indicators asked for together (a dashboard asks for all of them at once).
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Indicator, IndicatorPeriod, Services } from '../../../platform/module/contract.ts';
import { figuresOf, type ServiceFigures } from './performance.service.ts';

/** Armenia keeps UTC+4 all year: the instant a Yerevan day starts. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+04:00`).toISOString();
const nextDayStart = (day: string) => new Date(new Date(`${day}T00:00:00+04:00`).getTime() + 86_400_000).toISOString();

/** Per database (tests run several side by side), community and period, for two seconds. */
const shared = new WeakMap<object, Map<string, { at: number; figures: Promise<ServiceFigures> }>>();
const SHARE_MS = 2000;

function periodFigures(services: Services, communityId: number, period: IndicatorPeriod): Promise<ServiceFigures> {
  let recent = shared.get(services.db);
  if (!recent) shared.set(services.db, (recent = new Map()));
  const key = `${communityId}:${period.from}:${period.to}`;
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at < SHARE_MS) return hit.figures;
  const figures = new TenantDb(services.db.kysely, communityId)
    .selectFrom('cases')
    .select(['service_id', 'registered_at', 'decided_at', 'due_date', 'rating'])
    .where('registered_at', '>=', dayStart(period.from))
    .where('registered_at', '<', nextDayStart(period.to))
    .execute()
    .then(figuresOf);
  if (recent.size > 1000) recent.clear();
  recent.set(key, { at: Date.now(), figures });
  figures.catch(() => recent!.delete(key));
  return figures;
}

const of = (pick: (f: ServiceFigures) => number | null): Indicator['compute'] => async (services, communityId, period) => pick(await periodFigures(services, communityId, period));

export const servicesIndicators: Indicator[] = [
  { key: 'services.cases_registered', label: 'services.indicator.registered', unit: 'count', measure: 'flow', aggregation: { kind: 'sum' }, compute: of((f) => f.cases) },
  { key: 'services.cases_decided', label: 'services.indicator.decided', unit: 'count', measure: 'flow', aggregation: { kind: 'sum' }, keyFigure: true, compute: of((f) => f.decided) },
  {
    key: 'services.on_time_share', label: 'services.indicator.onTime', unit: 'percent', measure: 'flow',
    aggregation: { kind: 'weighted_mean', weight: 'services.cases_decided' }, keyFigure: true,
    compute: of((f) => (f.decided ? (100 * f.decided_on_time) / f.decided : null)),
  },
  {
    key: 'services.median_days', label: 'services.indicator.medianDays', unit: 'days', measure: 'flow',
    aggregation: { kind: 'not_summable' }, keyFigure: true, compute: of((f) => f.median_days),
  },
  { key: 'services.ratings', label: 'services.indicator.ratings', unit: 'count', measure: 'flow', aggregation: { kind: 'sum' }, compute: of((f) => f.rating_count) },
  {
    key: 'services.satisfaction', label: 'services.indicator.satisfaction', unit: 'score', measure: 'flow',
    aggregation: { kind: 'weighted_mean', weight: 'services.ratings' },
    compute: of((f) => (f.rating_count ? f.rating_sum / f.rating_count : null)),
  },
];
