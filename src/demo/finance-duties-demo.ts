// The duties demo: Sisian's and Jermuk's local duty and fee rates for the current year by a
// council decision of the December before, the garbage fee's payers (households, the town
// at the full rate and the villages at half), a few licences of the register's
// organizations and one construction permit, with their accruals for the months past.
// Rates stay within the national catalogue's limits; treasury accounts are made up in the
// right shape (900…, 12 digits). Deterministic: households and organizations by id.
import { TenantDb, type Executor } from '../platform/db/tenant.ts';
import type { AuditActor } from '../platform/audit/audit.ts';
import { todayInYerevan } from '../platform/i18n/index.ts';
import { findKindByCode } from '../modules/finance/duties/duties.catalogue.ts';
import { rateForm, payerForm } from '../modules/finance/duties/duties.schemas.ts';
import { saveRate } from '../modules/finance/duties/duties.rates.ts';
import { savePayer } from '../modules/finance/duties/duties.payers.ts';
import { accrueDuties } from '../modules/finance/duties/duties.accrue.ts';

interface DemoRate { code: string; variant?: string; rate: number; line: string; zone?: string }
interface CommunityDuties {
  decision: string;
  /** Three digits of the community in its made-up treasury accounts. */
  account: string;
  town: string;
  rates: DemoRate[];
  households: number;
  /** Kinds given to the register's first organizations, one each. */
  licences: string[];
}

const VILLAGES = 'գյուղեր';

export const DUTIES_DEMO: Record<string, CommunityDuties> = {
  sisian: {
    decision: '98-Ն', account: '461', town: 'Սիսիան քաղաք', households: 40,
    rates: [
      { code: 'garbage_per_household', variant: 'Սիսիան քաղաք', rate: 600, line: '1351' },
      { code: 'garbage_per_household', variant: VILLAGES, rate: 600, line: '1351', zone: '0.5' },
      { code: 'kindergarten', rate: 5000, line: '1351' },
      { code: 'construction_house_upto_300', rate: 7500, line: '11301' },
      { code: 'catering_indoor', rate: 25_000, line: '1146' },
      { code: 'fuel_sale', rate: 50_000, line: '11304' },
      { code: 'funeral_services', rate: 20_000, line: '1149' },
    ],
    licences: ['catering_indoor', 'fuel_sale', 'funeral_services'],
  },
  jermuk: {
    decision: '64-Ն', account: '571', town: 'Ջերմուկ քաղաք', households: 20,
    rates: [
      { code: 'garbage_per_household', variant: 'Ջերմուկ քաղաք', rate: 500, line: '1351' },
      { code: 'garbage_per_household', variant: VILLAGES, rate: 500, line: '1351', zone: '0.5' },
      { code: 'kindergarten', rate: 4000, line: '1351' },
      { code: 'construction_house_upto_300', rate: 6000, line: '11301' },
      { code: 'catering_indoor', rate: 30_000, line: '1146' },
    ],
    licences: ['catering_indoor'],
  },
};

async function seedCommunity(db: Executor, actor: AuditActor, tenant: TenantDb, demo: CommunityDuties, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const rateIds = new Map<string, number>();
  for (const r of demo.rates) {
    const kind = (await findKindByCode(db, r.code))!;
    const input = rateForm.parse({
      year: String(year), kind_id: String(kind.id), variant: r.variant ?? '', revenue_line: r.line, treasury_account: `900${demo.account}${r.line.padStart(6, '0')}`,
      rate: String(r.rate), periodicity: kind.periodicity, measure: kind.measure, zone_coefficient: r.zone ?? '1',
      decision_number: demo.decision, decision_date: `${year - 1}-12-20`,
    });
    rateIds.set(`${r.code}:${r.variant ?? ''}`, await saveRate(tenant, actor, null, input));
  }
  const start = `${year}-01-01`;
  const townId = (await tenant.selectFrom('settlements').select('id').where('is_centre', '=', 1).orderBy('id').executeTakeFirstOrThrow()).id;
  // One payer a household: its first registered member with a public service number.
  const members = await tenant.selectFrom('residents').select(['household_id', 'public_service_number', 'settlement_id'])
    .where('household_id', 'is not', null).where('public_service_number', 'is not', null).where('status', '=', 'registered')
    .orderBy('household_id').orderBy('id').execute();
  const seen = new Set<number>();
  for (const m of members) {
    if (seen.size >= demo.households) break;
    if (seen.has(m.household_id!)) continue;
    seen.add(m.household_id!);
    const variant = m.settlement_id === townId ? demo.town : VILLAGES;
    await savePayer(tenant, actor, null, payerForm.parse({ rate_id: String(rateIds.get(`garbage_per_household:${variant}`)), payer_ref: m.public_service_number, place: 'բնակարան', starts_on: start }));
  }
  const orgs = await tenant.selectFrom('organizations').select(['tax_id', 'activity']).where('status', '=', 'active').orderBy('id').limit(demo.licences.length).execute();
  for (const [i, o] of orgs.entries()) {
    await savePayer(tenant, actor, null, payerForm.parse({ rate_id: String(rateIds.get(`${demo.licences[i]}:`)), payer_ref: o.tax_id, place: o.activity ?? '—', starts_on: start }));
  }
  const builder = members.at(-1);
  if (builder?.public_service_number && today >= `${year}-03-10`) {
    await savePayer(tenant, actor, null, payerForm.parse({
      rate_id: String(rateIds.get('construction_house_upto_300:')), payer_ref: builder.public_service_number, area_m2: '180', place: 'բնակելի տուն, 180 մ²', starts_on: `${year}-03-10`,
    }));
  }
  await accrueDuties(tenant, actor, today);
}

/** `now`: the demo's present; rates are of its year, accruals up to its day. */
export async function seedFinanceDutiesDemo(db: Executor, actor: AuditActor, communities: Map<string, number>, now: Date): Promise<void> {
  const today = todayInYerevan(now);
  for (const [slug, demo] of Object.entries(DUTIES_DEMO)) {
    const id = communities.get(slug);
    if (id !== undefined) await seedCommunity(db, actor, new TenantDb(db, id), demo, today);
  }
}
