// Word lists of the registers demo: Armenian first names (with the patronymic made from
// each male name), surnames, street names in three languages, settlement locations, and
// the seeded random numbers that make every run of the demo produce the same data.

/** mulberry32: a small, fast, seeded PRNG; the same seed always gives the same sequence. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number): boolean => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

/** Male first names with the patronymic (the father's name in the genitive) made from each. */
export const MALE_NAMES: readonly (readonly [string, string])[] = [
  ['Արամ', 'Արամի'], ['Դավիթ', 'Դավթի'], ['Գևորգ', 'Գևորգի'], ['Արմեն', 'Արմենի'], ['Հայկ', 'Հայկի'],
  ['Տիգրան', 'Տիգրանի'], ['Սարգիս', 'Սարգսի'], ['Կարեն', 'Կարենի'], ['Վահե', 'Վահեի'], ['Արթուր', 'Արթուրի'],
  ['Նարեկ', 'Նարեկի'], ['Հովհաննես', 'Հովհաննեսի'], ['Գագիկ', 'Գագիկի'], ['Աշոտ', 'Աշոտի'], ['Մհեր', 'Մհերի'],
  ['Ռուբեն', 'Ռուբենի'], ['Սամվել', 'Սամվելի'], ['Էդգար', 'Էդգարի'], ['Լևոն', 'Լևոնի'], ['Վարդան', 'Վարդանի'],
  ['Գրիգոր', 'Գրիգորի'], ['Արշակ', 'Արշակի'], ['Համլետ', 'Համլետի'], ['Մխիթար', 'Մխիթարի'], ['Երվանդ', 'Երվանդի'],
  ['Ալեքսան', 'Ալեքսանի'], ['Հրանտ', 'Հրանտի'], ['Անդրանիկ', 'Անդրանիկի'], ['Էրիկ', 'Էրիկի'], ['Վաչագան', 'Վաչագանի'],
  ['Սուրեն', 'Սուրենի'], ['Մանվել', 'Մանվելի'], ['Հակոբ', 'Հակոբի'], ['Պետրոս', 'Պետրոսի'], ['Ավետիք', 'Ավետիքի'],
];

export const FEMALE_NAMES: readonly string[] = [
  'Անի', 'Մարիամ', 'Լիլիթ', 'Անահիտ', 'Նարինե', 'Գայանե', 'Սիրանուշ', 'Արմինե', 'Հասմիկ', 'Նունե',
  'Աննա', 'Տաթևիկ', 'Սոնա', 'Մարինե', 'Գոհար', 'Լուսինե', 'Էլեն', 'Մանե', 'Ռուզաննա', 'Կարինե',
  'Աստղիկ', 'Շողեր', 'Զարուհի', 'Վարսենիկ', 'Նաիրա', 'Եվա', 'Սուսաննա', 'Հռիփսիմե', 'Արուսյակ', 'Ժենյա',
];

export const SURNAMES: readonly string[] = [
  'Պետրոսյան', 'Գրիգորյան', 'Հակոբյան', 'Մկրտչյան', 'Սարգսյան', 'Ավետիսյան', 'Վարդանյան', 'Հովհաննիսյան',
  'Հարությունյան', 'Խաչատրյան', 'Կարապետյան', 'Մարտիրոսյան', 'Ղազարյան', 'Աբրահամյան', 'Մանուկյան', 'Դավթյան',
  'Ստեփանյան', 'Բաղդասարյան', 'Սահակյան', 'Ալեքսանյան', 'Գևորգյան', 'Մովսիսյան', 'Զաքարյան', 'Եղիազարյան',
  'Առաքելյան', 'Թադևոսյան', 'Ներսիսյան', 'Օհանյան', 'Իսրայելյան', 'Շահինյան', 'Հովսեփյան', 'Մելքոնյան',
  'Սիմոնյան', 'Ասատրյան', 'Բարսեղյան', 'Համբարձումյան', 'Վասիլյան', 'Մնացականյան', 'Ղուկասյան', 'Եսայան',
];

/** Streets in three languages; a settlement takes the first N (the town all of them). */
export const STREETS: readonly (readonly [string, string, string])[] = [
  ['Մաշտոցի', 'Mashtots St', 'ул. Маштоца'],
  ['Գարեգին Նժդեհի', 'Garegin Nzhdeh St', 'ул. Гарегина Нжде'],
  ['Անկախության', 'Ankakhutyan St', 'ул. Независимости'],
  ['Սիսականի', 'Sisakan St', 'ул. Сисакана'],
  ['Ազատամարտիկների', 'Azatamartikner St', 'ул. Борцов за свободу'],
  ['Շահումյան', 'Shahumyan St', 'ул. Шаумяна'],
  ['Իսահակյան', 'Isahakyan St', 'ул. Исаакяна'],
  ['Թումանյան', 'Tumanyan St', 'ул. Туманяна'],
  ['Չարենցի', 'Charents St', 'ул. Чаренца'],
  ['Սայաթ-Նովայի', 'Sayat-Nova St', 'ул. Саят-Новы'],
  ['Զորավար Անդրանիկի', 'Zoravar Andranik St', 'ул. Зоравара Андраника'],
  ['Որոտանի', 'Vorotan St', 'ул. Воротанская'],
  ['Երիտասարդական', 'Eritasardakan St', 'ул. Молодёжная'],
  ['Այգեստան', 'Aygestan St', 'ул. Айгестан'],
];

/** Settlement centres by English name: [lat, lon]. Real places, approximate. */
export const SETTLEMENT_COORDS: Record<string, readonly [number, number]> = {
  Sisian: [39.5208, 46.0322],
  Angeghakot: [39.5636, 45.9445],
  Brnakot: [39.4950, 45.9720],
  Tolors: [39.4805, 46.0810],
  Uyts: [39.5450, 46.0780],
  Shaghat: [39.5560, 45.9070],
  Vorotan: [39.4880, 46.1360],
  Ishkhanasar: [39.4690, 46.0260],
  Jermuk: [39.8410, 45.6700],
  Gndevaz: [39.7580, 45.6120],
};

/** Organizations: [name root, activity, legal form]. */
export const ORG_ROOTS: readonly (readonly [string, string])[] = [
  ['Սիսիան Ագրո', 'գյուղատնտեսություն'], ['Որոտան Էներգո', 'էներգետիկա'], ['Զորաց Քարեր Տուր', 'զբոսաշրջություն'],
  ['Սյունիք Կաթ', 'կաթնամթերքի արտադրություն'], ['Տաթև Շին', 'շինարարություն'], ['Սիսական Հաց', 'հացաթխում'],
  ['Լեռնային Մեղր', 'մեղվաբուծություն'], ['Արև Դեղատուն', 'դեղատուն'], ['Որոտան Տրանս', 'բեռնափոխադրումներ'],
  ['Սյունյաց Սառնարան', 'պահեստավորում'], ['Շաղատ Ֆերմա', 'անասնապահություն'], ['Իշխանասար Քար', 'քարի մշակում'],
  ['Հայաստան Սուպերմարկետ', 'մանրածախ առևտուր'], ['Ուղի Ավտո', 'ավտոսպասարկում'], ['Կանաչ Այգի', 'պտղաբուծություն'],
  ['Ջրաղաց', 'ալյուրի արտադրություն'], ['Սիսիան Տեքստիլ', 'կարի արտադրություն'], ['Թեղուտ Փայտ', 'փայտամշակում'],
  ['Գեղարդ Հյուրանոց', 'հյուրանոցային ծառայություններ'], ['Ծիծեռնակ', 'նախադպրոցական կրթություն'],
];

export const LEGAL_FORMS = ['llc', 'llc', 'llc', 'cjsc', 'ngo', 'foundation'] as const;

/** Community assets: [name, kind]. */
export const ASSET_NAMES: readonly (readonly [string, 'land' | 'building' | 'premises' | 'equipment' | 'vehicle' | 'other'])[] = [
  ['Մշակույթի տուն', 'building'], ['Մարզադաշտ', 'land'], ['Շուկայի տարածք', 'land'], ['Կենտրոնական հրապարակի տաղավար', 'premises'],
  ['Նախկին դպրոցի շենք', 'building'], ['Արոտավայր', 'land'], ['Խոտհարք', 'land'], ['Ավտոտնակ', 'premises'],
  ['Ջրաղացի շենք', 'building'], ['Բուլդոզեր', 'equipment'], ['Աղբատար մեքենա', 'vehicle'], ['Այգու տարածք', 'land'],
  ['Խանութի տարածք', 'premises'], ['Սառնարանային պահեստ', 'building'], ['Ավտոբուս', 'vehicle'],
];
