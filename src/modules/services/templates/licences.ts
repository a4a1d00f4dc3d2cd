// Local-duty permits for businesses and drivers (Law on Local Duties and Fees): alcohol and
// tobacco, trade in public places, outdoor advertising, night-time operation, parking, taxi.
// Amounts are the council's yearly rates; these are plausible defaults to edit.
import { standardWorkflow } from '../catalogue/workflows.ts';
import { DOCS, FIELDS, L, PERSON, doc, field, offered, permit, select, staffDecides, tableFee, template, type ServiceTemplate } from './build.ts';

const LICENSING = standardWorkflow({ deciders: ['chief_of_staff', 'head'], reviewDays: 2 });

const businessName = () => field('business_name', 'text', L('Օբյեկտի անվանումը', 'Name of the business', 'Название объекта'), { required: true, maxLength: 200 });
const plate = () =>
  field('plate', 'text', L('Պետհամարանիշ', 'Licence plate number', 'Госномер'), {
    required: true,
    maxLength: 12,
    help: L('Օրինակ՝ 35 OL 123', 'For example 35 OL 123', 'Например, 35 OL 123'),
  });
const vehicleRegistration = () =>
  doc('vehicle_registration', L('Տրանսպորտային միջոցի հաշվառման վկայական', 'Vehicle registration certificate', 'Свидетельство о регистрации транспортного средства'));
const untilYearEnd = {
  hy: 'Թույլտվությունը գործում է մինչև տվյալ տարվա դեկտեմբերի 31-ը։',
  en: 'The permit is valid until 31 December of this year.',
  ru: 'Разрешение действует до 31 декабря текущего года.',
};

export const licenceTemplates: ServiceTemplate[] = [
  template('alcohol-tobacco-permit', {
    name: L('Ալկոհոլային խմիչքի և ծխախոտի վաճառքի թույլտվություն', 'Permit to sell alcohol and tobacco', 'Разрешение на продажу алкоголя и табака'),
    description: L(
      'Թույլտվություն խանութում, կրպակում կամ հանրային սննդի օբյեկտում ալկոհոլային խմիչք և (կամ) ծխախոտային արտադրանք վաճառելու համար։ Տեղական տուրքը հաշվարկվում է առևտրի տարածքի մակերեսից և վճարվում է տարեկան։',
      'Permission to sell alcoholic drinks and/or tobacco products in a shop, kiosk or catering place. The local duty is calculated from the sales floor area and paid yearly.',
      'Разрешение на продажу алкогольных напитков и (или) табачных изделий в магазине, киоске или заведении общепита. Местная пошлина рассчитывается по торговой площади и уплачивается ежегодно.',
    ),
    ...offered('permits'),
    fields: [
      businessName(),
      FIELDS.address(),
      select('goods', L('Ինչ է վաճառվելու', 'What will be sold', 'Что будет продаваться'), [
        ['alcohol', L('Ալկոհոլային խմիչք', 'Alcoholic drinks', 'Алкогольные напитки')],
        ['tobacco', L('Ծխախոտային արտադրանք', 'Tobacco products', 'Табачные изделия')],
        ['both', L('Ալկոհոլային խմիչք և ծխախոտ', 'Alcohol and tobacco', 'Алкоголь и табак')],
      ]),
      field('floor_area', 'number', L('Առևտրի տարածքի մակերես (քմ)', 'Sales floor area (m²)', 'Торговая площадь (м²)'), { required: true, min: 1, max: 10000 }),
      field('tax_id', 'tax_id', L('ՀՎՀՀ', 'Tax ID', 'ИНН')),
    ],
    documents: [DOCS.passport(), DOCS.companyRegistration(), DOCS.premises()],
    fee: { kind: 'per_unit', field: 'floor_area', rate: '500', base: 10000, min: 10000 },
    deadline: { days: 3, unit: 'working' },
    workflow: LICENSING,
    output: permit(
      `Թույլատրվում է «{business_name}» օբյեկտում ({address}) ալկոհոլային խմիչքի և (կամ) ծխախոտային արտադրանքի վաճառք՝ {floor_area} քմ առևտրի տարածքով։ ${untilYearEnd.hy}`,
      `The sale of alcohol and/or tobacco is permitted at “{business_name}” ({address}), sales floor area {floor_area} m². ${untilYearEnd.en}`,
      `Разрешается продажа алкоголя и (или) табака в объекте «{business_name}» ({address}), торговая площадь {floor_area} м². ${untilYearEnd.ru}`,
    ),
  }),
  template('trade-permit', {
    name: L('Հանրային վայրերում առևտրի թույլտվություն', 'Permit to trade in public places', 'Разрешение на торговлю в общественных местах'),
    description: L(
      'Թույլտվություն համայնքի սահմանած հանրային վայրերում՝ փողոցներում, հրապարակներում և տոնավաճառներում, առևտուր անելու համար։ Տուրքը կախված է առևտրի կետի տեսակից։',
      'Permission to trade in public places designated by the community: streets, squares and fairs. The duty depends on the kind of trading point.',
      'Разрешение на торговлю в установленных общиной общественных местах: на улицах, площадях и ярмарках. Пошлина зависит от вида торговой точки.',
    ),
    ...offered('permits'),
    fields: [
      select('point_kind', L('Առևտրի կետի տեսակը', 'Kind of trading point', 'Вид торговой точки'), [
        ['kiosk', L('Կրպակ կամ տաղավար', 'Kiosk or pavilion', 'Киоск или павильон')],
        ['stall', L('Վաճառասեղան', 'Stall', 'Лоток')],
        ['seasonal', L('Սեզոնային առևտուր (միրգ, բանջարեղեն)', 'Seasonal trade (fruit, vegetables)', 'Сезонная торговля (фрукты, овощи)')],
        ['fair', L('Տոնավաճառ (մեկ օր)', 'Fair (one day)', 'Ярмарка (один день)')],
      ]),
      field('place', 'text', L('Առևտրի վայրը', 'Place of trade', 'Место торговли'), { required: true, maxLength: 300 }),
      field('goods', 'textarea', L('Վաճառվող ապրանքները', 'Goods to be sold', 'Товары'), { required: true, maxLength: 1000 }),
      field('start_date', 'date', L('Սկիզբ', 'From', 'С'), { required: true }),
      field('end_date', 'date', L('Ավարտ', 'Until', 'По'), { required: true }),
    ],
    documents: [DOCS.passport(), DOCS.companyRegistration()],
    fee: tableFee('point_kind', [['kiosk', 20000], ['stall', 10000], ['seasonal', 5000], ['fair', 2000]], 10000),
    deadline: { days: 5, unit: 'working' },
    workflow: LICENSING,
    output: permit(
      'Թույլատրվում է առևտուր հետևյալ վայրում՝ {place}, {start_date}-ից մինչև {end_date}։ Վաճառվող ապրանքները՝ {goods}։',
      'Trade is permitted at {place} from {start_date} until {end_date}. Goods: {goods}.',
      'Разрешается торговля в месте: {place}, с {start_date} по {end_date}. Товары: {goods}.',
    ),
  }),
  template('outdoor-advertising-permit', {
    name: L('Արտաքին գովազդի տեղադրման թույլտվություն', 'Outdoor advertising permit', 'Разрешение на размещение наружной рекламы'),
    description: L(
      'Թույլտվություն շենքերի ճակատներին, վահանակներին կամ այլ կառույցներին գովազդ կամ ցուցանակ տեղադրելու համար։ Տարեկան տուրքը հաշվարկվում է գովազդային մակերեսի յուրաքանչյուր քառակուսի մետրի համար։',
      'Permission to place an advertisement or sign on a building front, billboard or other structure. The yearly duty is charged per square metre of advertising surface.',
      'Разрешение на размещение рекламы или вывески на фасаде, щите или другой конструкции. Ежегодная пошлина взимается за каждый квадратный метр рекламной поверхности.',
    ),
    ...offered('permits'),
    fields: [
      FIELDS.address(),
      select('carrier', L('Որտեղ է տեղադրվելու', 'Where it will be placed', 'Где будет размещена'), [
        ['facade', L('Շենքի ճակատին', 'On a building front', 'На фасаде здания')],
        ['billboard', L('Առանձին կանգնած վահանակի վրա', 'On a free-standing billboard', 'На отдельно стоящем щите')],
        ['roof', L('Տանիքին', 'On a roof', 'На крыше')],
        ['other', L('Այլ', 'Other', 'Другое')],
      ]),
      field('area_m2', 'number', L('Գովազդային մակերես (քմ)', 'Advertising surface (m²)', 'Рекламная площадь (м²)'), { required: true, min: 0.5, max: 500 }),
    ],
    documents: [
      DOCS.passport(),
      DOCS.companyRegistration(),
      doc('sketch', L('Գովազդի էսքիզը և տեղադրման վայրի լուսանկարը', 'Sketch of the advertisement and a photo of the place', 'Эскиз рекламы и фото места размещения')),
      doc('owner_consent', L('Շենքի սեփականատիրոջ համաձայնությունը', "Consent of the building's owner", 'Согласие собственника здания'), { required: false }),
    ],
    fee: { kind: 'per_unit', field: 'area_m2', rate: '5000', base: 0, min: 5000 },
    deadline: { days: 10, unit: 'working' },
    workflow: LICENSING,
    output: permit(
      'Թույլատրվում է {address} հասցեում տեղադրել արտաքին գովազդ՝ {area_m2} քմ մակերեսով։ Թույլտվությունը գործում է մեկ տարի։',
      'An outdoor advertisement of {area_m2} m² may be placed at {address}. The permit is valid for one year.',
      'Разрешается размещение наружной рекламы площадью {area_m2} м² по адресу {address}. Разрешение действует один год.',
    ),
  }),
  template('night-operation-permit', {
    name: L('Գիշերային ժամերին աշխատելու թույլտվություն', 'Permit for night-time operation', 'Разрешение на работу в ночное время'),
    description: L(
      'Թույլտվություն հանրային սննդի, զվարճանքի կամ առևտրի օբյեկտին ժամը 24:00-ից մինչև 06:00 աշխատելու համար։ Տուրքը տարեկան է և կախված է օբյեկտի գտնվելու գոտուց։',
      'Permission for a café, restaurant, entertainment venue or shop to stay open between 24:00 and 06:00. The duty is yearly and depends on the zone where the venue is.',
      'Разрешение для заведения общепита, развлечений или торговли работать с 24:00 до 06:00. Пошлина ежегодная и зависит от зоны расположения объекта.',
    ),
    ...offered('permits'),
    fields: [
      businessName(),
      FIELDS.address(),
      select('zone', L('Գոտին', 'Zone', 'Зона'), [
        ['centre', L('Կենտրոնական գոտի', 'Town centre', 'Центральная зона')],
        ['town', L('Քաղաքի այլ թաղամասեր', 'Other parts of the town', 'Другие районы города')],
        ['village', L('Գյուղական բնակավայր', 'Village', 'Сельский населённый пункт')],
      ]),
      select('venue', L('Օբյեկտի տեսակը', 'Kind of venue', 'Вид объекта'), [
        ['catering', L('Հանրային սննդի օբյեկտ', 'Café or restaurant', 'Общепит')],
        ['entertainment', L('Զվարճանքի օբյեկտ', 'Entertainment venue', 'Развлекательное заведение')],
        ['shop', L('Առևտրի օբյեկտ', 'Shop', 'Магазин')],
      ]),
    ],
    documents: [DOCS.passport(), DOCS.companyRegistration(), DOCS.premises()],
    fee: tableFee('zone', [['centre', 150000], ['town', 100000], ['village', 50000]], 100000),
    deadline: { days: 5, unit: 'working' },
    workflow: LICENSING,
    output: permit(
      `Թույլատրվում է «{business_name}» օբյեկտի ({address}) աշխատանքը ժամը 24:00-ից մինչև 06:00։ ${untilYearEnd.hy}`,
      `“{business_name}” ({address}) may operate between 24:00 and 06:00. ${untilYearEnd.en}`,
      `Разрешается работа объекта «{business_name}» ({address}) с 24:00 до 06:00. ${untilYearEnd.ru}`,
    ),
  }),
  template('parking-permit', {
    name: L('Ավտոկայանման թույլտվություն', 'Parking permit', 'Разрешение на парковку'),
    description: L(
      'Թույլտվություն համայնքի վճարովի ավտոկայանատեղիներում կամ բնակիչների համար նախատեսված գոտում ավտոմեքենա կայանելու համար։ Տրվում է մեկ ամիս կամ մեկ տարի ժամկետով։',
      "Permission to park a vehicle in the community's paid parking places or in a residents' zone. Issued for one month or one year.",
      'Разрешение на стоянку автомобиля на платных парковках общины или в зоне для жителей. Выдаётся на месяц или на год.',
    ),
    ...offered('permits', PERSON),
    fields: [
      plate(),
      field('vehicle', 'text', L('Մակնիշը և մոդելը', 'Make and model', 'Марка и модель'), { maxLength: 100 }),
      select('period', L('Ժամկետը', 'Period', 'Срок'), [
        ['month', L('Մեկ ամիս', 'One month', 'Один месяц')],
        ['year', L('Մեկ տարի', 'One year', 'Один год')],
      ]),
      field('start_date', 'date', L('Սկսած', 'Starting on', 'Начиная с'), { required: true }),
    ],
    documents: [DOCS.passport(), vehicleRegistration()],
    fee: tableFee('period', [['month', 2000], ['year', 20000]], 2000),
    deadline: { days: 3, unit: 'working' },
    workflow: staffDecides(2),
    output: permit(
      'Թույլատրվում է {plate} պետհամարանիշով տրանսպորտային միջոցի կայանումը համայնքի վճարովի ավտոկայանատեղիներում՝ սկսած {start_date}-ից։',
      'The vehicle with plate {plate} may park in the community paid parking places from {start_date}.',
      'Разрешается стоянка транспортного средства с госномером {plate} на платных парковках общины с {start_date}.',
    ),
  }),
  template('taxi-permit', {
    name: L('Տաքսու ծառայության թույլտվություն', 'Taxi permit', 'Разрешение на услуги такси'),
    description: L(
      'Թույլտվություն համայնքի տարածքում մարդատար տաքսիով ծառայություն մատուցելու համար։ Տրվում է յուրաքանչյուր ավտոմեքենայի համար՝ մեկ տարի ժամկետով։',
      'Permission to provide taxi services in the community. Issued for each vehicle, for one year.',
      'Разрешение на оказание услуг такси на территории общины. Выдаётся на каждый автомобиль сроком на один год.',
    ),
    ...offered('permits'),
    fields: [
      plate(),
      field('vehicle', 'text', L('Մակնիշը և մոդելը', 'Make and model', 'Марка и модель'), { required: true, maxLength: 100 }),
      field('driver_name', 'text', L('Վարորդի անունը և ազգանունը', "Driver's full name", 'Имя и фамилия водителя'), { required: true, maxLength: 200 }),
      field('tax_id', 'tax_id', L('ՀՎՀՀ (կազմակերպությունների համար)', 'Tax ID (for companies)', 'ИНН (для организаций)')),
    ],
    documents: [
      DOCS.passport(),
      vehicleRegistration(),
      doc('roadworthiness', L('Տեխնիկական զննության վկայական', 'Roadworthiness certificate', 'Свидетельство о техосмотре')),
      DOCS.companyRegistration(),
    ],
    fee: { kind: 'fixed', amount: 20000 },
    deadline: { days: 5, unit: 'working' },
    workflow: LICENSING,
    output: permit(
      'Թույլատրվում է {plate} պետհամարանիշով «{vehicle}» ավտոմեքենայով տաքսու ծառայության մատուցում համայնքի տարածքում՝ մեկ տարի ժամկետով։ Վարորդ՝ {driver_name}։',
      'Taxi services with the car “{vehicle}”, plate {plate}, are permitted in the community for one year. Driver: {driver_name}.',
      'Разрешается оказание услуг такси на автомобиле «{vehicle}» с госномером {plate} на территории общины сроком на один год. Водитель: {driver_name}.',
    ),
  }),
];
