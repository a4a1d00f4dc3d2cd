// The national defaults shipped with the system, from /work/shared/DOMAIN-finance.md §1–2
// (copied into docs/finance-rules.md). A row is 'verified' only where the source was read
// for that regime ([V]); everything partly shown, unverified, or a placeholder for a
// missing figure is 'to_check', and its source says so. Penalties are seeded by the ledger.
import type { RuleDataByKind, RuleKind, Verification, Bracket } from './rules.types.ts';

export interface SeedRule<K extends RuleKind = RuleKind> {
  kind: K;
  validFrom: string;
  validTo: string | null;
  legalRef: string;
  source: string;
  verification: Verification;
  data: RuleDataByKind[K];
}

const seed = <K extends RuleKind>(r: SeedRule<K>): SeedRule => r as unknown as SeedRule;

/** The earliest tax year the system computes; the old laws themselves are older. */
const OLD_FROM = '2000-01-01';
const OLD_TO = '2020-12-31';
const CODE_FROM = '2021-01-01';
const M = 1_000_000;

/** The pre-2021 buildings table (rea.am), with the top rate of its period. */
const oldBuildings = (topPct: number): Bracket[] => [
  { from: 0, fixed: 0, ratePct: 0 },
  { from: 3 * M, fixed: 100, ratePct: 0.1 },
  { from: 10 * M, fixed: 7_100, ratePct: 0.2 },
  { from: 20 * M, fixed: 27_100, ratePct: 0.4 },
  { from: 30 * M, fixed: 67_100, ratePct: 0.6 },
  { from: 40 * M, fixed: 127_100, ratePct: topPct },
];

const flat = (ratePct: number, provisional = false): Bracket[] => [{ from: 0, fixed: 0, ratePct, ...(provisional ? { provisional } : {}) }];

/** Zone coefficients of HO-225-N: zone 1 = 1, each zone × 0.65 of the one before (5 decimals, as the law's table prints them). */
const zones = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [String(i + 1), Number((0.65 ** i).toFixed(5))]));

const oldVehicles: RuleDataByKind['vehicle_tax'] = {
  bands: {
    car: [
      { fromHp: 1, perHp: 200 },
      { fromHp: 121, perHp: 300, surchargePerHpAbove: { hp: 150, amount: 1_000 } },
      { fromHp: 251, perHp: 500, surchargePerHpAbove: { hp: 150, amount: 1_000 } },
    ],
    bus_truck: [{ fromHp: 1, perHp: 100 }, { fromHp: 201, perHp: 200 }],
    motorcycle: [{ fromHp: 1, perHp: 40 }],
    water_snow_quad: [{ fromHp: 1, perHp: 150 }],
  },
  kwToHp: 1.36,
  fullYears: 3,
  reductionPctPerYear: 10,
  maxReductionPct: 50,
  truckExemptAfterYears: 20,
};

const exemptOwners: RuleDataByKind['exemptions'] = {
  ownerTypes: ['community', 'state'],
  legalForms: ['state_body', 'central_bank', 'lsg_institution'],
};

const PROVISIONAL = 'PROVISIONAL placeholder: no source gives this figure for the regime; the national administrator must enter the law\'s value.';

export const NATIONAL_DEFAULTS: SeedRule[] = [
  seed({
    kind: 'real_estate_brackets', validFrom: OLD_FROM, validTo: '2009-12-31', verification: 'to_check',
    legalRef: 'Law on Property Tax (old), Art 4 — older wording',
    source: 'ardani.net (older): top rate 0.8 % over 40 M; 0.6 % public and industrial buildings of legal entities; 0.2 % garages and garden houses of individuals. The years of this wording are unknown: the 2009/2010 boundary is a placeholder.',
    data: { tables: { apartment: oldBuildings(0.8), house: oldBuildings(0.8), non_residential: oldBuildings(0.8), garage: flat(0.2), garden_house: flat(0.2), industrial: flat(0.6), public: flat(0.6) } },
  }),
  seed({
    kind: 'real_estate_brackets', validFrom: '2010-01-01', validTo: OLD_TO, verification: 'to_check',
    legalRef: 'Law on Property Tax (old), Art 4',
    source: 'rea.am/addinfo.php?lnkID=38 (read): ≤3 M 0; 3–10 M 100 + 0.1 %; 10–20 M 7,100 + 0.2 %; 20–30 M 27,100 + 0.4 %; 30–40 M 67,100 + 0.6 %; >40 M 127,100 + 1.0 %. The years it applied are unknown: the 2010 start is a placeholder. No figure for industrial and public buildings.',
    data: { tables: { apartment: oldBuildings(1.0), house: oldBuildings(1.0), garden_house: oldBuildings(1.0), garage: oldBuildings(1.0), non_residential: oldBuildings(1.0) } },
  }),
  seed({
    kind: 'real_estate_brackets', validFrom: CODE_FROM, validTo: null, verification: 'to_check',
    legalRef: 'Tax Code ՀՕ-165-Ն, real estate tax rates (article not read)',
    source: `civilnet.am 2020-05-28, 2020-06-27: apartments and residential houses ≤ 10 M AMD → 0.05 %, progressive above. The brackets above 10 M and every rate for other kinds of property are a ${PROVISIONAL} (carried at 0.05 %, so the real tax above 10 M is higher).`,
    data: {
      tables: {
        apartment: [{ from: 0, fixed: 0, ratePct: 0.05 }, { from: 10 * M, fixed: 5_000, ratePct: 0.05, provisional: true }],
        house: [{ from: 0, fixed: 0, ratePct: 0.05 }, { from: 10 * M, fixed: 5_000, ratePct: 0.05, provisional: true }],
        garden_house: flat(0.05, true), garage: flat(0.05, true), non_residential: flat(0.05, true),
        industrial: flat(0.05, true), public: flat(0.05, true),
      },
    },
  }),
  seed({
    kind: 'cadastral_base', validFrom: CODE_FROM, validTo: null, verification: 'to_check',
    legalRef: 'Law ՀՕ-225-Ն of 19.11.2019 on cadastral valuation (Cz = Czb × Pz × Kz)',
    source: 'ealegislation.com rgn=123961 (read): land 330,000 AMD/m², zone coefficients ×0.65 per zone. Building base 700,000 AMD/m² read only in the draft amendment parliament.am DraftID=60297 (K-796), hence to check.',
    data: { landBasePerM2: 330_000, buildingBasePerM2: 700_000, zoneCoefficients: zones },
  }),
  seed({
    kind: 'phase_in', validFrom: CODE_FROM, validTo: null, verification: 'to_check',
    legalRef: 'Tax Code ՀՕ-165-Ն, Art 233(7)',
    source: 'finport.am id=52911, arka.am (Jan 2025), magnis.news/arm/news/305260: 25 % 2021, 30 % 2022, 35 % 2023, 50 % 2024, 75 % 2025, 100 % from 2026; agricultural land outside. The 2025 debate on freezing at 75 % below 200 M: outcome unknown.',
    data: { sharePctByYear: { 2021: 25, 2022: 30, 2023: 35, 2024: 50, 2025: 75, 2026: 100 }, excluded: ['land_agricultural'] },
  }),
  seed({
    kind: 'land_tax', validFrom: OLD_FROM, validTo: OLD_TO, verification: 'verified',
    legalRef: 'Law on Land Tax ZR-101 of 14.02.1994',
    source: 'parliament.am/legislation.php?ID=1941&lang=eng (read): agricultural 15 % of calculated net income; other land 1 % inside settlements, 0.5 % outside, of the cadastral value.',
    data: { agriculturalPctOfNetIncome: 15, insideSettlementPct: 1, outsideSettlementPct: 0.5 },
  }),
  seed({
    kind: 'land_tax', validFrom: CODE_FROM, validTo: null, verification: 'to_check',
    legalRef: 'Tax Code ՀՕ-165-Ն, real estate tax on land (article not read)',
    source: `Agricultural land: 15 % of net income is reported, not read (finport.am). Non-agricultural land: the old law's 1 % / 0.5 % carried over as a ${PROVISIONAL}`,
    data: { agriculturalPctOfNetIncome: 15, insideSettlementPct: 1, outsideSettlementPct: 0.5, provisional: ['inside', 'outside'] },
  }),
  seed({
    kind: 'vehicle_tax', validFrom: OLD_FROM, validTo: OLD_TO, verification: 'verified',
    legalRef: 'Law on Property Tax (old), Art 7',
    source: 'iravaban.net/en/63834.html, bestlogic.am calculator (read).',
    data: oldVehicles,
  }),
  seed({
    kind: 'vehicle_tax', validFrom: CODE_FROM, validTo: null, verification: 'to_check',
    legalRef: 'Tax Code ՀՕ-165-Ն, Art 243',
    source: 'nomadexpat.io: the Code kept the old law\'s rates in Art 243; the current figures were not read.',
    data: oldVehicles,
  }),
  seed({
    kind: 'due_dates', validFrom: CODE_FROM, validTo: null, verification: 'to_check',
    legalRef: 'Tax Code ՀՕ-165-Ն, Arts 236, 251',
    source: 'magnis.news 305260, past.am 294007, nomadexpat (Art 236): due 1 December of the tax year for individuals. Organizations\' schedule unknown.',
    data: { byKind: { real_estate: '12-01', land: '12-01', vehicle: '12-01' } },
  }),
  seed({
    kind: 'exemptions', validFrom: OLD_FROM, validTo: OLD_TO, verification: 'verified',
    legalRef: 'Law on Property Tax (old), Art 3',
    source: 'parliament.am/legislation.php?ID=1917&lang=eng (read): state bodies, the Central Bank, local self-government bodies and their institutions.',
    data: exemptOwners,
  }),
  seed({
    kind: 'exemptions', validFrom: CODE_FROM, validTo: null, verification: 'to_check',
    legalRef: 'Tax Code ՀՕ-165-Ն, real estate tax exemptions (article not read)',
    source: `The old law's list carried over as a ${PROVISIONAL}`,
    data: exemptOwners,
  }),
  seed({
    kind: 'land_relief', validFrom: '2012-01-01', validTo: OLD_TO, verification: 'verified',
    legalRef: 'Law on Land Tax, as amended by ZR-95 (2012)',
    source: 'ealegislation.com rgn=84022 (read): the head may grant land-tax reliefs up to 10 % of the land-tax revenue approved in the year\'s community budget. The day it took effect was not read: 2012-01-01 stands for its year.',
    data: { maxPctOfBudgetedRevenue: 10 },
  }),
  seed({
    kind: 'land_relief', validFrom: CODE_FROM, validTo: null, verification: 'to_check',
    legalRef: 'Tax Code ՀՕ-165-Ն (whether it keeps the head\'s relief is not known)',
    source: 'The old law\'s 10 % cap carried over; whether the Code keeps the power is unverified.',
    data: { maxPctOfBudgetedRevenue: 10 },
  }),
];
