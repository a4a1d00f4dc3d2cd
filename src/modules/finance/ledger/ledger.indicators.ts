// The ledger's figures for dashboards and the national console. Collection is of the
// obligations due in the period: accrued and paid are sums, the collection rate is their
// ratio, so across communities it is weighted by what was accrued; arrears are the stock
// owed (principal and penalty to date) at the period's end, a sum.
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Indicator, IndicatorPeriod, Services } from '../../../platform/module/contract.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { arrearsOf, collection, communityBalances, type Collection } from './reports.queries.ts';

const tenant = (services: Services, communityId: number) => new TenantDb(services.db.kysely, communityId);

/** A dashboard asks for all three collection figures at once: read them once (per database, community and period, two seconds). */
const shared = new WeakMap<object, Map<string, { at: number; value: Promise<Collection> }>>();

function periodCollection(services: Services, communityId: number, period: IndicatorPeriod): Promise<Collection> {
  let recent = shared.get(services.db);
  if (!recent) shared.set(services.db, (recent = new Map()));
  const key = `${communityId}:${period.from}:${period.to}`;
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at < 2000) return hit.value;
  const value = collection(tenant(services, communityId), period.from, period.to);
  if (recent.size > 1000) recent.clear();
  recent.set(key, { at: Date.now(), value });
  value.catch(() => recent!.delete(key));
  return value;
}

const of = (pick: (c: Collection) => number | null): Indicator['compute'] => async (services, communityId, period) => pick(await periodCollection(services, communityId, period));

export const ledgerIndicators: Indicator[] = [
  { key: 'finance.accrued', label: 'finance.ledger.indicator.accrued', unit: 'amd', measure: 'flow', aggregation: { kind: 'sum' }, compute: of((c) => c.accrued) },
  { key: 'finance.paid', label: 'finance.ledger.indicator.paid', unit: 'amd', measure: 'flow', aggregation: { kind: 'sum' }, compute: of((c) => c.paid) },
  {
    key: 'finance.collection_rate', label: 'finance.ledger.indicator.collectionRate', unit: 'percent', measure: 'flow',
    aggregation: { kind: 'weighted_mean', weight: 'finance.accrued' }, keyFigure: true, compute: of((c) => c.ratePct),
  },
  {
    key: 'finance.arrears', label: 'finance.ledger.indicator.arrears', unit: 'amd', measure: 'stock', aggregation: { kind: 'sum' }, keyFigure: true,
    async compute(services, communityId, period) {
      // The stock at the period's end; a period running into the future is measured today.
      const today = todayInYerevan();
      const asOf = period.to < today ? period.to : today;
      const balances = await communityBalances(tenant(services, communityId), asOf);
      return balances.reduce((s, b) => s + arrearsOf(b, asOf), 0);
    },
  },
];
