// The demo: Sisian, a real amalgamated community of Syunik marz (its settlements are
// real places), and Jermuk in Vayots Dzor as a second, small community so isolation
// can be seen. All people are made up.
import type { CommunityInput } from '../modules/communities/communities.schemas.ts';
import type { CommunityRole, NationalRole } from '../platform/policy/roles.ts';

export const DEFAULT_DEMO_PASSWORD = 'hamaynq-demo-2026';

export const DEMO_COMMUNITIES: CommunityInput[] = [
  {
    slug: 'sisian',
    marz_id: 'syunik',
    name_hy: 'Սիսիան',
    name_en: 'Sisian',
    name_ru: 'Сисиан',
    phone: '+374 283 2 12 34',
    email: 'info@sisian.example',
    address_hy: 'ք. Սիսիան, Ս. Սիսական փ. 1',
    address_en: '1 S. Sisakan St, Sisian',
    address_ru: 'г. Сисиан, ул. С. Сисакана, 1',
    reception_hours_hy: 'Համայնքի ղեկավար՝ երկուշաբթի 10:00–13:00\nԱշխատակազմի քարտուղար՝ չորեքշաբթի 14:00–17:00',
    reception_hours_en: 'Community head: Monday 10:00–13:00\nChief of staff: Wednesday 14:00–17:00',
    reception_hours_ru: 'Глава общины: понедельник 10:00–13:00\nРуководитель аппарата: среда 14:00–17:00',
    color_primary: '#1d4f91',
    color_accent: '#b5121b',
    domains: ['sisian.localhost'],
    settlements: [
      { name_hy: 'Սիսիան', name_en: 'Sisian', name_ru: 'Сисиан', kind: 'town', postcode: '3301' },
      { name_hy: 'Անգեղակոթ', name_en: 'Angeghakot', name_ru: 'Ангехакот', kind: 'village', postcode: '3305' },
      { name_hy: 'Բռնակոթ', name_en: 'Brnakot', name_ru: 'Брнакот', kind: 'village', postcode: '3306' },
      { name_hy: 'Տոլորս', name_en: 'Tolors', name_ru: 'Толорс', kind: 'village', postcode: '3318' },
      { name_hy: 'Ույծ', name_en: 'Uyts', name_ru: 'Уйц', kind: 'village', postcode: '3319' },
      { name_hy: 'Շաղատ', name_en: 'Shaghat', name_ru: 'Шагат', kind: 'village', postcode: '3321' },
      { name_hy: 'Որոտան', name_en: 'Vorotan', name_ru: 'Воротан', kind: 'village', postcode: '3322' },
      { name_hy: 'Իշխանասար', name_en: 'Ishkhanasar', name_ru: 'Ишханасар', kind: 'village', postcode: '3311' },
    ],
  },
  {
    slug: 'jermuk',
    marz_id: 'vayots-dzor',
    name_hy: 'Ջերմուկ',
    name_en: 'Jermuk',
    name_ru: 'Джермук',
    phone: '+374 287 2 10 10',
    email: 'info@jermuk.example',
    address_hy: 'ք. Ջերմուկ, Շահումյան փ. 5',
    address_en: '5 Shahumyan St, Jermuk',
    address_ru: 'г. Джермук, ул. Шаумяна, 5',
    reception_hours_hy: 'Երկուշաբթի–ուրբաթ 10:00–12:00',
    reception_hours_en: 'Monday–Friday 10:00–12:00',
    reception_hours_ru: 'Понедельник–пятница 10:00–12:00',
    color_primary: '#0b6e4f',
    color_accent: '#d4a017',
    domains: ['jermuk.localhost'],
    settlements: [
      { name_hy: 'Ջերմուկ', name_en: 'Jermuk', name_ru: 'Джермук', kind: 'town', postcode: '3701' },
      { name_hy: 'Գնդեվազ', name_en: 'Gndevaz', name_ru: 'Гндеваз', kind: 'village', postcode: '3704' },
    ],
  },
];

export interface DemoStaff {
  email: string;
  fullName: string;
  community?: string;
  role?: CommunityRole;
  /** For a settlement head: the settlement's English name. */
  settlement?: string;
  national?: NationalRole;
}

export const DEMO_STAFF: DemoStaff[] = [
  { email: 'head@sisian.example', fullName: 'Արամ Պետրոսյան', community: 'sisian', role: 'head' },
  { email: 'deputy@sisian.example', fullName: 'Լիլիթ Գրիգորյան', community: 'sisian', role: 'deputy_head' },
  { email: 'chief@sisian.example', fullName: 'Սամվել Հակոբյան', community: 'sisian', role: 'chief_of_staff' },
  { email: 'specialist@sisian.example', fullName: 'Անահիտ Մկրտչյան', community: 'sisian', role: 'specialist' },
  { email: 'operator@sisian.example', fullName: 'Նարեկ Սարգսյան', community: 'sisian', role: 'operator' },
  { email: 'angeghakot@sisian.example', fullName: 'Գագիկ Ավետիսյան', community: 'sisian', role: 'settlement_head', settlement: 'Angeghakot' },
  { email: 'council@sisian.example', fullName: 'Մարինե Վարդանյան', community: 'sisian', role: 'council_member' },
  { email: 'accountant@sisian.example', fullName: 'Կարեն Հովհաննիսյան', community: 'sisian', role: 'accountant' },
  { email: 'it@sisian.example', fullName: 'Տիգրան Ղազարյան', community: 'sisian', role: 'it_admin' },
  { email: 'head@jermuk.example', fullName: 'Արմեն Խաչատրյան', community: 'jermuk', role: 'head' },
  { email: 'it@jermuk.example', fullName: 'Սոնա Աբրահամյան', community: 'jermuk', role: 'it_admin' },
  { email: 'specialist@jermuk.example', fullName: 'Վահե Մանուկյան', community: 'jermuk', role: 'specialist' },
  { email: 'analyst@ministry.example', fullName: 'Գայանե Մելքոնյան', national: 'ministry_analyst' },
  { email: 'admin@ministry.example', fullName: 'Դավիթ Ստեփանյան', national: 'system_admin' },
];

export const DEMO_CITIZENS = [
  { email: 'ani@citizen.example', phone: '+37491000001', fullName: 'Անի Բաղդասարյան' },
  { email: 'hayk@citizen.example', phone: '+37491000002', fullName: 'Հայկ Դավթյան' },
  { email: null, phone: '+37491000003', fullName: 'Գոհար Մարտիրոսյան' },
];
