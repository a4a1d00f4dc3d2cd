// Form values for the demo cases: one generator per field type, so it fills any service's
// form (the shipped templates or one an administrator made), with plausible Armenian text
// for the keys the templates use. Every value set is checked with the engine's own
// checkForm before it is written, so a demo case holds exactly what the form accepts.
import type { FieldSpec, ServiceSpec } from '../modules/services/catalogue/spec.ts';
import { checkForm, type FormValues } from '../modules/services/cases/form-values.ts';
import type { Rng } from './registry-demo-data.ts';

/** What the generator may draw on: the applicant and the community's registers. */
export interface ValueSource {
  applicant: { name: string; psn: string | null; taxId: string | null; address: string; email: string | null; phone: string | null };
  /** Cadastral codes of the community's parcels. */
  parcels: readonly string[];
  /** People of the register (for a representative and the like). */
  people: readonly { name: string; psn: string }[];
  /** Addresses in the community. */
  addresses: readonly string[];
  /** The day the form was filled in (YYYY-MM-DD). */
  day: string;
}

const TEXTS: Record<string, readonly string[]> = {
  present_to: ['Բանկ', 'Նոտարական գրասենյակ', 'Սոցիալական ապահովության տարածքային բաժին', 'Դպրոց', 'Միգրացիոն ծառայություն', 'Դատարան'],
  business_name: ['«Որոտան» սրճարան', '«Սիսիան Մարկետ» խանութ', '«Զանգեզուր» ռեստորան', '«Արև» մթերային խանութ', '«Տաթև» հյուրատուն'],
  vehicle: ['Toyota Camry', 'Opel Astra', 'ВАЗ 2107', 'Mercedes-Benz Sprinter', 'Kia Rio', 'Nissan X-Trail'],
  subject: ['Փողոցի լուսավորություն', 'Աղբահանության ժամանակացույց', 'Խաղահրապարակի վերանորոգում', 'Ջրամատակարարման ընդհատումներ', 'Ճանապարհի փոսեր'],
  decision_subject: ['Հողամասի վարձակալության մասին', 'Շինարարության թույլտվության մասին', 'Հասցե տրամադրելու մասին'],
  document_title: ['Լիազորագիր', 'Առքուվաճառքի պայմանագիր', 'Դիմում բանկին', 'Տեղեկանք աշխատավայրից'],
  permit_number: ['ՇԹ-2024/117', 'ՇԹ-2025/042', 'ՇԹ-2025/203', 'ՇԹ-2023/088'],
  apa_number: ['ՃՀԱ-2025/031', 'ՃՀԱ-2024/119', 'ՃՀԱ-2025/077'],
  decision_number: ['Ն-145', 'Ն-212', 'Ն-037', 'Ն-301'],
  intended_use: ['Անհատական բնակելի տան կառուցում', 'Ավտոտնակի կառուցում', 'Առևտրի կրպակի տեղադրում', 'Բնակելի տան ընդլայնում'],
  reason: ['Շենքը վթարային վիճակում է', 'Ընտանիքի անդամներից մեկը ծանր հիվանդ է', 'Բնակարանը հրդեհից վնասվել է', 'Տեղափոխվել ենք նոր հասցե'],
  justification: ['Հողամասն անհրաժեշտ է այգեգործության համար', 'Նախատեսվում է ջերմոցային տնտեսություն', 'Հողամասը սահմանակից է իմ տնամերձին'],
  circumstances: ['Ընտանիքի հիմնական աշխատողը կորցրել է աշխատանքը', 'Բուժման ծախսեր', 'Տունը վնասվել է կարկուտից', 'Ծերունազարդ ծնողների խնամք'],
  details: ['Խնդրում եմ քննարկել դիմումս և տեղեկացնել արդյունքի մասին', 'Խնդիրը կրկնվում է արդեն մի քանի ամիս', 'Առաջարկում եմ տեղադրել նստարաններ այգում'],
  information: ['Համայնքի 2025 թվականի բյուջեի կատարողականը', 'Ճանապարհների վերանորոգման պայմանագրերը', 'Աղբահանության վճարների հավաքագրումը'],
  topic: ['Հողամասի սահմանների հարց', 'Փողոցի լուսավորություն', 'Դպրոցական տրանսպորտ', 'Խմելու ջրի մատակարարում'],
  goods: ['Մրգեր և բանջարեղեն', 'Մեղր և կաթնամթերք', 'Ձեռագործ իրեր', 'Հագուստ'],
  powers: ['Ներկայացնել իմ շահերը համայնքապետարանում և ստանալ փաստաթղթեր', 'Վաճառել ինձ պատկանող ավտոմեքենան', 'Ստանալ իմ թոշակը'],
  purpose: ['Ջրագծի անցկացում', 'Կոյուղու միացում', 'Գազատարի վերանորոգում'],
};

const GENERIC = ['Տե՛ս կից փաստաթղթերը', 'Մանրամասները կներկայացնեմ բանավոր', 'Խնդրում եմ դրական լուծում տալ'];

/** Sensible ranges for numbers the templates ask, clamped to the field's bounds. */
const NUMBERS: Record<string, readonly [number, number]> = {
  floors: [1, 3], floor_area: [40, 260], planned_area: [60, 300], building_area: [30, 200], length_m: [10, 400], area_m2: [300, 6000],
  term_years: [3, 25], residents: [1, 7], living_area: [40, 160], household_members: [1, 7], amount_requested: [50_000, 300_000],
  copies: [1, 3], year_from: [1995, 2012], year_to: [2013, 2025],
};

/** Keys whose day lies after the filling day; every other date field lies before it. */
const FUTURE_DAYS = new Set(['start_date', 'end_date', 'preferred_date', 'valid_until']);

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function numberFor(rng: Rng, f: FieldSpec): number {
  const [lo, hi] = NUMBERS[f.key] ?? [f.min ?? 1, Math.min(f.max ?? 100, (f.min ?? 1) + 100)];
  const min = Math.max(lo, f.min ?? -Infinity);
  const max = Math.min(hi, f.max ?? Infinity);
  if (max <= min) return min;
  // Money is requested in round thousands; small outdoor advertising areas keep one decimal.
  if (f.key === 'amount_requested') return Math.round(rng.int(min, max) / 1000) * 1000;
  if (max - min < 5 && !Number.isInteger(min)) return Math.round((min + rng.next() * (max - min)) * 10) / 10;
  return rng.int(Math.ceil(min), Math.floor(max));
}

function dateFor(rng: Rng, f: FieldSpec, src: ValueSource, values: FormValues): string {
  if (f.key === 'end_date' && typeof values.start_date === 'string') return shiftDay(values.start_date, rng.int(14, 120));
  if (f.key === 'valid_until') return shiftDay(src.day, 365);
  return FUTURE_DAYS.has(f.key) ? shiftDay(src.day, rng.int(3, 30)) : shiftDay(src.day, -rng.int(5, 900));
}

function textFor(rng: Rng, f: FieldSpec, src: ValueSource): string {
  const k = f.key;
  if (/address|location|place/.test(k)) return k === 'address' || k === 'postal_address' ? src.applicant.address : rng.pick(src.addresses);
  if (k === 'plate') return `${rng.int(10, 99)} ${rng.pick(['AB', 'OS', 'LL', 'SU', 'VD'])} ${rng.int(100, 999)}`;
  if (k === 'driver_name' || k === 'representative_name') return rng.pick(src.people).name;
  if (k === 'bank_account') return `2470${String(rng.int(10_000_000, 99_999_999))}0001`;
  const max = f.maxLength ?? (f.type === 'textarea' ? 5000 : 300);
  return rng.pick(TEXTS[k] ?? GENERIC).slice(0, max);
}

function valueFor(rng: Rng, f: FieldSpec, src: ValueSource, values: FormValues): string | number | boolean | undefined {
  switch (f.type) {
    case 'number': return numberFor(rng, f);
    case 'date': return dateFor(rng, f, src, values);
    case 'select': return f.options?.length ? rng.pick(f.options).value : undefined;
    case 'checkbox': return true;
    case 'psn': return f.key.startsWith('representative') ? rng.pick(src.people).psn : src.applicant.psn ?? undefined;
    case 'tax_id': return src.applicant.taxId ?? undefined;
    case 'cadastral_code': return src.parcels.length ? rng.pick(src.parcels) : undefined;
    case 'email': return src.applicant.email ?? undefined;
    case 'phone': return src.applicant.phone ?? `+37494${rng.int(100_000, 999_999)}`;
    default: return textFor(rng, f, src);
  }
}

/** A filled form for `spec`: every required field and most optional ones, as the engine stores them. */
export function demoFormValues(rng: Rng, spec: ServiceSpec, src: ValueSource): FormValues {
  const values: FormValues = {};
  for (const f of spec.fields) {
    if (!f.required && !rng.chance(0.6)) continue;
    const v = valueFor(rng, f, src, values);
    if (v !== undefined) values[f.key] = v;
  }
  if (typeof values.year_from === 'number' && typeof values.year_to === 'number' && values.year_to < values.year_from) values.year_to = values.year_from;
  const check = checkForm(spec, values);
  const wrong = Object.entries(check.errors);
  // A value this generator made that the form refuses is a bug here, not bad luck: say which.
  if (wrong.length) throw new Error(`demo values refused for "${spec.name.en || spec.name.hy}": ${wrong.map(([k, e]) => `${k} ${e} (${String(values[k])})`).join(', ')}`);
  return check.values;
}
