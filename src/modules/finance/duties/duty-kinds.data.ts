// The national catalogue of local duties and local payments as shipped (DOMAIN-finance.md
// §4). Data, not code: the migration inserts these rows once and the national
// administrator edits them afterwards. A limit is given only where the source shows one;
// 'verified' only where the source was read [V]; every other row is 'to_check', and a kind
// whose limit we do not know says so (limit null), it is never guessed.
import type { DutyGroup, DutyMeasure, Periodicity } from './duties.table.ts';

export interface ShippedDutyKind {
  code: string;
  grp: DutyGroup;
  name: { hy: string; en: string; ru: string };
  measure: DutyMeasure;
  periodicity: Periodicity;
  revenueLine: string | null;
  band?: { from: number; to: number };
  limit: number | null;
  source: string;
  verification: 'verified' | 'to_check';
}

export const DUTY_LAW = 'Law ՀՕ-234-Ն of 16.12.2016 "On local duties and local payments" (restating ZR-185 of 26.12.1997)';

const SITES = 'Community sites, /Pages/Tallage/IncomeTallageList.aspx (DOMAIN-finance.md §4)';
const GHUKASAVAN = 'Ghukasavan community site: rates and legal limits (DOMAIN-finance.md §4)';
const LISTED = 'DOMAIN.md "Local taxes, duties, fees"; not seen on the community sites';
const NO_LIMIT = 'the legal limit is not known to us';

export const SHIPPED_DUTY_KINDS: ShippedDutyKind[] = [
  {
    code: 'construction_house_upto_300', grp: 'duty', measure: 'unit', periodicity: 'one_off', revenueLine: '11301', band: { from: 0, to: 300 },
    name: { hy: 'Շինարարության թույլտվություն՝ մինչև 300 մ² բնակելի տուն', en: 'Construction permit: house up to 300 m²', ru: 'Разрешение на строительство: жилой дом до 300 м²' },
    limit: 15_000, source: `${GHUKASAVAN}: rate 7,500, limit 15,000 (the site labels it quarterly)`, verification: 'verified',
  },
  {
    code: 'construction_house_over_300', grp: 'duty', measure: 'unit', periodicity: 'one_off', revenueLine: '11301', band: { from: 300, to: 100_000 },
    name: { hy: 'Շինարարության թույլտվություն՝ 300 մ²-ից մեծ բնակելի տուն', en: 'Construction permit: house over 300 m²', ru: 'Разрешение на строительство: жилой дом свыше 300 м²' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'construction_public_upto_200', grp: 'duty', measure: 'unit', periodicity: 'one_off', revenueLine: '11301', band: { from: 0, to: 200 },
    name: { hy: 'Շինարարության թույլտվություն՝ մինչև 200 մ² հասարակական կամ արտադրական շենք', en: 'Construction permit: public or production building up to 200 m²', ru: 'Разрешение на строительство: общественное или производственное здание до 200 м²' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'reconstruction', grp: 'duty', measure: 'unit', periodicity: 'one_off', revenueLine: '11301',
    name: { hy: 'Վերակառուցման, վերականգնման թույլտվություն', en: 'Reconstruction permit', ru: 'Разрешение на реконструкцию' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'fuel_sale', grp: 'duty', measure: 'unit', periodicity: 'yearly', revenueLine: '11304',
    name: { hy: 'Հեղուկ վառելիքի, սեղմված կամ հեղուկացված գազի վաճառքի թույլտվություն', en: 'Sale of liquid fuel, compressed or liquefied gas', ru: 'Продажа жидкого топлива, сжатого или сжиженного газа' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'technical_fluids_sale', grp: 'duty', measure: 'unit', periodicity: 'yearly', revenueLine: '11305',
    name: { hy: 'Տեխնիկական հեղուկների վաճառքի թույլտվություն', en: 'Sale of technical fluids', ru: 'Продажа технических жидкостей' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'precious_metals_retail', grp: 'duty', measure: 'unit', periodicity: 'yearly', revenueLine: '11306',
    name: { hy: 'Թանկարժեք մետաղներից իրերի մանրածախ վաճառքի թույլտվություն', en: 'Retail of precious-metal items', ru: 'Розничная продажа изделий из драгоценных металлов' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'alcohol_upto_26', grp: 'duty', measure: 'unit', periodicity: 'quarterly', revenueLine: null, band: { from: 0, to: 26 },
    name: { hy: 'Ալկոհոլային խմիչքի վաճառքի թույլտվություն՝ մինչև 26 մ²', en: 'Alcohol sale permit: up to 26 m²', ru: 'Разрешение на продажу алкоголя: до 26 м²' },
    limit: 6_000, source: `${GHUKASAVAN}: 3,000 per quarter, limit 6,000`, verification: 'verified',
  },
  {
    code: 'alcohol_26_50', grp: 'duty', measure: 'unit', periodicity: 'quarterly', revenueLine: null, band: { from: 26, to: 50 },
    name: { hy: 'Ալկոհոլային խմիչքի վաճառքի թույլտվություն՝ 26-ից 50 մ²', en: 'Alcohol sale permit: 26 to 50 m²', ru: 'Разрешение на продажу алкоголя: от 26 до 50 м²' },
    limit: 10_100, source: `${GHUKASAVAN}: 5,050 per quarter, limit 10,100`, verification: 'verified',
  },
  {
    code: 'alcohol_over_50', grp: 'duty', measure: 'unit', periodicity: 'quarterly', revenueLine: null, band: { from: 50, to: 100_000 },
    name: { hy: 'Ալկոհոլային խմիչքի վաճառքի թույլտվություն՝ 50 մ²-ից մեծ', en: 'Alcohol sale permit: over 50 m²', ru: 'Разрешение на продажу алкоголя: свыше 50 м²' },
    limit: null, source: `${SITES} (the floor-area scale continues); ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'tobacco_sale', grp: 'duty', measure: 'unit', periodicity: 'quarterly', revenueLine: null,
    name: { hy: 'Ծխախոտային արտադրատեսակների վաճառքի թույլտվություն', en: 'Tobacco sale permit', ru: 'Разрешение на продажу табачных изделий' },
    limit: null, source: `${SITES}; the 2009 version of the law had 1,500–17,500 per quarter (parliament.am DraftID=2378), the current limit is not known to us`, verification: 'to_check',
  },
  {
    code: 'catering_indoor', grp: 'duty', measure: 'unit', periodicity: 'yearly', revenueLine: '1146',
    name: { hy: 'Շենքերում հանրային սննդի կազմակերպման թույլտվություն', en: 'Public catering inside buildings', ru: 'Общественное питание в зданиях' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'fair_vernissage', grp: 'duty', measure: 'unit', periodicity: 'one_off', revenueLine: null,
    name: { hy: 'Տոնավաճառների, վերնիսաժների կազմակերպման թույլտվություն', en: 'Fairs and vernissages', ru: 'Ярмарки и вернисажи' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'funeral_services', grp: 'duty', measure: 'unit', periodicity: 'yearly', revenueLine: '1149',
    name: { hy: 'Հուղարկավորության ծառայությունների մատուցման թույլտվություն', en: 'Funeral services', ru: 'Ритуальные услуги' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'outdoor_advertising', grp: 'duty', measure: 'area_m2', periodicity: 'yearly', revenueLine: null,
    name: { hy: 'Արտաքին գովազդի տեղադրման թույլտվություն', en: 'Outdoor advertising', ru: 'Наружная реклама' },
    limit: null, source: `${LISTED}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'night_operation', grp: 'duty', measure: 'unit', periodicity: 'yearly', revenueLine: null,
    name: { hy: 'Գիշերային ժամերին աշխատելու թույլտվություն', en: 'Night-time operation', ru: 'Работа в ночное время' },
    limit: null, source: `${LISTED}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'taxi', grp: 'duty', measure: 'unit', periodicity: 'yearly', revenueLine: null,
    name: { hy: 'Տաքսի ծառայության թույլտվություն', en: 'Taxi service permit', ru: 'Разрешение на услуги такси' },
    limit: null, source: `${LISTED}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'parking', grp: 'fee', measure: 'unit', periodicity: 'monthly', revenueLine: '1351',
    name: { hy: 'Ավտոկայանատեղի օգտագործման վճար', en: 'Vehicle parking', ru: 'Плата за парковку' },
    limit: null, source: `${LISTED}; the law refers to the law "On local payment for parking of vehicles"; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'public_trade', grp: 'duty', measure: 'unit', periodicity: 'monthly', revenueLine: null,
    name: { hy: 'Հանրային վայրերում առևտրի թույլտվություն', en: 'Trade in public places', ru: 'Торговля в общественных местах' },
    limit: null, source: `${LISTED}; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'garbage_per_person', grp: 'fee', measure: 'person', periodicity: 'monthly', revenueLine: '1351',
    name: { hy: 'Աղբահանության վճար՝ մեկ անձի համար', en: 'Garbage collection, per person', ru: 'Вывоз мусора, с человека' },
    limit: null, source: `${SITES}: Ijevan 100 in the town, 50 in villages, monthly; per person or per household is not verified; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'garbage_per_household', grp: 'fee', measure: 'household', periodicity: 'monthly', revenueLine: '1351',
    name: { hy: 'Աղբահանության վճար՝ մեկ տնտեսության համար', en: 'Garbage collection, per household', ru: 'Вывоз мусора, с домохозяйства' },
    limit: null, source: `${SITES}; per person or per household is not verified; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'kindergarten', grp: 'fee', measure: 'person', periodicity: 'monthly', revenueLine: '1351',
    name: { hy: 'Մանկապարտեզի ծնողական վճար', en: 'Kindergarten parental fee', ru: 'Родительская плата за детский сад' },
    limit: null, source: `${SITES}: Ashtarak 5,000 monthly; ${NO_LIMIT}`, verification: 'to_check',
  },
  {
    code: 'funeral_hall', grp: 'fee', measure: 'unit', periodicity: 'one_off', revenueLine: '1351',
    name: { hy: 'Հոգեհանգստի սրահի ծառայությունների վճար', en: 'Funeral hall services', ru: 'Услуги траурного зала' },
    limit: null, source: `${SITES}; ${NO_LIMIT}`, verification: 'to_check',
  },
];
