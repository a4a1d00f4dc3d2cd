// Aggregates of the population register for the demographics page: counts only, never
// a name. Everything is GROUP BY in SQL over registered residents, optionally limited to
// the settlements a settlement head answers for.
import { sql } from 'kysely';
import { unscoped, type Executor, type TenantDb } from '../../../platform/db/tenant.ts';

/** Ages are counted in 5-year bands up to this age; everyone older is in the last band. */
export const TOP_BAND_AGE = 85;

export interface AgeBand {
  /** Lower age of the band: 0, 5, … TOP_BAND_AGE (which means "85 and over"). */
  from: number;
  male: number;
  female: number;
}

export interface Demographics {
  residents: number;
  male: number;
  female: number;
  households: number;
  under18: number;
  over63: number;
  ageBands: AgeBand[];
  /** Households by number of registered members. */
  householdSizes: { size: number; households: number }[];
  bySettlement: { settlementId: number; name_hy: string; name_en: string; name_ru: string; residents: number }[];
}

/** Age on `today` (YYYY-MM-DD) from residents.birth_date, in SQL both engines understand. */
function ageExpr(today: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`not a day: ${today}`);
  const year = Number(today.slice(0, 4));
  const monthDay = today.slice(5);
  // Literals, not parameters: the same expression appears in SELECT and GROUP BY.
  return sql<number>`(${sql.lit(year)} - cast(substr(residents.birth_date, 1, 4) as integer) - case when substr(residents.birth_date, 6, 5) > ${sql.lit(monthDay)} then 1 else 0 end)`;
}

/** `db` only wraps the tenant-scoped household subquery in an outer count. */
export async function loadDemographics(tenant: TenantDb, db: Executor, settlementIds: number[] | null, today: string): Promise<Demographics> {
  const registered = () => {
    let q = tenant.selectFrom('residents').where('residents.status', '=', 'registered');
    if (settlementIds) q = q.where('residents.settlement_id', 'in', settlementIds.length ? settlementIds : [-1]);
    return q;
  };
  const age = ageExpr(today);
  const band = sql<number>`(${age} / 5)`;

  const bandRows = await registered()
    .select([band.as('band'), 'residents.sex as sex', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([band, 'residents.sex'])
    .execute();
  const adultRows = await registered()
    .select([
      sql<number>`sum(case when ${age} < 18 then 1 else 0 end)`.as('under18'),
      sql<number>`sum(case when ${age} >= 63 then 1 else 0 end)`.as('over63'),
    ])
    .executeTakeFirstOrThrow();

  const perHousehold = registered()
    .where('residents.household_id', 'is not', null)
    .select((eb) => eb.fn.countAll<number>().as('size'))
    .groupBy('residents.household_id');
  const sizeRows = await unscoped(db, 'outer count over a tenant-scoped subquery')
    .selectFrom(perHousehold.as('h'))
    .select(['h.size', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('h.size')
    .orderBy('h.size')
    .execute();

  const settlementRows = await registered()
    .innerJoin('settlements', 'settlements.id', 'residents.settlement_id')
    .select(['settlements.id', 'settlements.name_hy', 'settlements.name_en', 'settlements.name_ru', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['settlements.id', 'settlements.name_hy', 'settlements.name_en', 'settlements.name_ru'])
    .orderBy('settlements.id')
    .execute();

  const bands = new Map<number, AgeBand>();
  for (let from = 0; from <= TOP_BAND_AGE; from += 5) bands.set(from, { from, male: 0, female: 0 });
  let male = 0;
  let female = 0;
  for (const r of bandRows) {
    const from = Math.min(TOP_BAND_AGE, Math.max(0, Number(r.band) * 5));
    const n = Number(r.n);
    const b = bands.get(from)!;
    if (r.sex === 'M') {
      b.male += n;
      male += n;
    } else {
      b.female += n;
      female += n;
    }
  }
  const householdSizes = sizeRows.map((r) => ({ size: Number(r.size), households: Number(r.n) }));
  return {
    residents: male + female,
    male,
    female,
    households: householdSizes.reduce((s, r) => s + r.households, 0),
    under18: Number(adultRows.under18 ?? 0),
    over63: Number(adultRows.over63 ?? 0),
    ageBands: [...bands.values()],
    householdSizes,
    bySettlement: settlementRows.map((r) => ({ settlementId: r.id, name_hy: r.name_hy, name_en: r.name_en, name_ru: r.name_ru, residents: Number(r.n) })),
  };
}
