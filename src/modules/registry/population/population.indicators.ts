// The population register's indicators: residents and households at the end of a period.
// Today's figures read the residents' status; a past day is rebuilt from the life events
// (registered on or before it, not moved out or dead by then), so a trend is true history.
import { sql, type SqlBool } from 'kysely';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import type { Indicator, IndicatorPeriod, Services } from '../../../platform/module/contract.ts';

function residentsOn(services: Services, communityId: number, period: IndicatorPeriod) {
  const tenant = new TenantDb(services.db.kysely, communityId);
  const base = tenant.selectFrom('residents');
  if (period.to >= todayInYerevan()) return base.where('residents.status', '=', 'registered');
  const day = period.to;
  return base
    .where(sql<SqlBool>`coalesce((select min(e.on_date) from resident_events e where e.resident_id = residents.id and e.kind = 'registered'), substr(residents.created_at, 1, 10)) <= ${day}`)
    .where(sql<SqlBool>`not exists (select 1 from resident_events e where e.resident_id = residents.id and e.kind in ('moved_out', 'died') and e.on_date <= ${day})`);
}

/** A count of the register at the end of the period, summed across communities, on the dashboard. */
function stock(key: string, label: Indicator['label'], compute: Indicator['compute']): Indicator {
  return { key, label, unit: 'count', measure: 'stock', aggregation: { kind: 'sum' }, keyFigure: true, compute };
}

export const populationIndicators: Indicator[] = [
  stock('registry.residents', 'registry.indicator.residents', async (services, communityId, period) => {
    const r = await residentsOn(services, communityId, period).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }),
  stock('registry.households', 'registry.indicator.households', async (services, communityId, period) => {
    const r = await residentsOn(services, communityId, period)
      .where('residents.household_id', 'is not', null)
      .select((eb) => eb.fn.count<number>('residents.household_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }),
];
