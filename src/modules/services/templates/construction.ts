// Urban development: the assignment before a design, building, demolition, digging,
// acceptance of the finished building and its address. Decided by the community head.
import { standardWorkflow } from '../catalogue/workflows.ts';
import { DOCS, FIELDS, L, SITE_INSPECTION, doc, field, letter, offered, permit, select, template, type ServiceTemplate } from './build.ts';

const area = (key: string, label = L('Ընդհանուր մակերես (քմ)', 'Total floor area (m²)', 'Общая площадь (м²)'), required = true) =>
  field(key, 'number', label, { required, min: 1, max: 100000 });
/** The community head decides; building works are inspected on site before the decision. */
const headDecides = (reviewDays: number, inspected = false) =>
  standardWorkflow({ deciders: ['head'], reviewDays, ...(inspected ? { extraSteps: [SITE_INSPECTION] } : {}) });
/** Works on a plot start with where it is: its cadastral code and address. */
const onPlot = (...more: ReturnType<typeof field>[]) => [FIELDS.cadastralCode(), FIELDS.address(), ...more];
const floors = (required = true) => field('floors', 'number', L('Հարկերի քանակ', 'Number of storeys', 'Этажность'), { required, min: 1, max: 30 });

export const constructionTemplates: ServiceTemplate[] = [
  template('architectural-planning-assignment', {
    name: L('Ճարտարապետահատակագծային առաջադրանք', 'Architectural-planning assignment', 'Архитектурно-планировочное задание'),
    description: L(
      'Համայնքի ղեկավարի տված առաջադրանքը, որով սահմանվում են հողամասում նախատեսվող շինության նախագծման պայմանները՝ թույլատրելի բարձրությունը, կառուցապատման խտությունը, ճարտարապետական և ինժեներական պահանջները։ Անհրաժեշտ է նախագիծ պատվիրելուց և շինարարության թույլտվություն ստանալուց առաջ։ Տրամադրվում է անվճար։',
      'The assignment by which the community head sets the design conditions for a planned building on a plot: allowed height, building density, architectural and engineering requirements. Needed before ordering a design and applying for a construction permit. Free of charge.',
      'Задание, в котором глава общины устанавливает условия проектирования здания на участке: допустимую высоту, плотность застройки, архитектурные и инженерные требования. Нужно до заказа проекта и получения разрешения на строительство. Выдаётся бесплатно.',
    ),
    ...offered('permits'),
    fields: onPlot(
      field('intended_use', 'textarea', L('Նախատեսվող շինության նշանակությունը և նկարագիրը', 'Purpose and description of the planned building', 'Назначение и описание планируемого здания'), { required: true, maxLength: 2000 }),
      area('planned_area', L('Նախատեսվող ընդհանուր մակերես (քմ)', 'Planned floor area (m²)', 'Планируемая площадь (м²)'), false),
      floors(false),
    ),
    documents: DOCS.ofOwner(DOCS.sitePlan(), DOCS.photos()),
    fee: { kind: 'none' },
    deadline: { days: 15, unit: 'working' },
    workflow: headDecides(8),
    output: permit(
      'Տրվում է {cadastral_code} կադաստրային ծածկագրով հողամասում ({address}) նախատեսվող շինության նախագծման համար։ Նախագիծը պետք է համապատասխանի համայնքի գլխավոր հատակագծին և քաղաքաշինական նորմերին։',
      'Issued for the design of the building planned on the plot with cadastral code {cadastral_code} ({address}). The design must follow the community master plan and urban planning norms.',
      'Выдано для проектирования здания, планируемого на участке с кадастровым кодом {cadastral_code} ({address}). Проект должен соответствовать генеральному плану общины и градостроительным нормам.',
    ),
  }),
  template('construction-permit', {
    name: L('Շինարարության թույլտվություն', 'Construction permit', 'Разрешение на строительство'),
    description: L(
      'Թույլտվություն համայնքի տարածքում շենք կամ շինություն կառուցելու, վերակառուցելու կամ ընդլայնելու համար։ Դիմումին կցվում են ճարտարապետահատակագծային առաջադրանքի հիման վրա մշակված նախագիծը և հողամասի նկատմամբ իրավունքը հաստատող փաստաթուղթը։ Տուրքը հաշվարկվում է շինության ընդհանուր մակերեսից։',
      'Permission to build, rebuild or extend a building in the community. Attach the design made on the basis of the architectural-planning assignment and the proof of your rights to the land. The duty is calculated from the total floor area.',
      'Разрешение на строительство, реконструкцию или расширение здания на территории общины. Прилагаются проект, разработанный на основании архитектурно-планировочного задания, и документ о праве на участок. Пошлина рассчитывается по общей площади.',
    ),
    ...offered('permits'),
    fields: onPlot(
      select('purpose', L('Շինության նշանակություն', 'Purpose of the building', 'Назначение здания'), [
        ['residential', L('Բնակելի', 'Residential', 'Жилое')],
        ['public', L('Հասարակական կամ արտադրական', 'Public or industrial', 'Общественное или производственное')],
        ['auxiliary', L('Օժանդակ (ավտոտնակ, պահեստ, ջերմոց)', 'Auxiliary (garage, shed, greenhouse)', 'Вспомогательное (гараж, склад, теплица)')],
      ]),
      select('works', L('Աշխատանքների տեսակ', 'Kind of works', 'Вид работ'), [
        ['new', L('Նոր շինարարություն', 'New building', 'Новое строительство')],
        ['reconstruction', L('Վերակառուցում', 'Reconstruction', 'Реконструкция')],
        ['extension', L('Ընդլայնում կամ վերնաշինություն', 'Extension or added storey', 'Пристройка или надстройка')],
      ]),
      area('floor_area'),
      floors(),
      field('apa_number', 'text', L('Ճարտարապետահատակագծային առաջադրանքի համարը', 'Number of the architectural-planning assignment', 'Номер архитектурно-планировочного задания'), { maxLength: 40 }),
    ),
    documents: DOCS.ofOwner(
      DOCS.design(L('Համաձայնեցված նախագիծ (PDF)', 'Approved design drawings (PDF)', 'Согласованный проект (PDF)')),
      DOCS.companyRegistration(),
    ),
    fee: { kind: 'per_unit', field: 'floor_area', rate: '100', base: 0, min: 3000 },
    deadline: { days: 20, unit: 'working' },
    workflow: headDecides(10, true),
    output: permit(
      'Թույլատրվում է {cadastral_code} կադաստրային ծածկագրով հողամասում ({address}) {floor_area} քմ ընդհանուր մակերեսով, {floors} հարկանի շինության շինարարությունը՝ համաձայնեցված նախագծին համապատասխան։',
      'Construction of a {floors}-storey building with a total floor area of {floor_area} m² is permitted on the plot with cadastral code {cadastral_code} ({address}), as in the approved design.',
      'Разрешается строительство здания этажностью {floors} и общей площадью {floor_area} м² на участке с кадастровым кодом {cadastral_code} ({address}) в соответствии с согласованным проектом.',
    ),
  }),
  template('demolition-permit', {
    name: L('Քանդման թույլտվություն', 'Demolition permit', 'Разрешение на снос'),
    description: L(
      'Թույլտվություն շենքը, շինությունը կամ դրա մասը քանդելու համար։ Քանդումը պետք է իրականացվի անվտանգ՝ շինարարական աղբի հեռացմամբ։',
      'Permission to demolish a building or structure, or a part of it. The demolition must be done safely and the construction waste removed.',
      'Разрешение на снос здания или сооружения либо его части. Снос должен проводиться безопасно, с вывозом строительного мусора.',
    ),
    ...offered('permits'),
    fields: onPlot(
      area('building_area', L('Քանդվող շինության մակերես (քմ)', 'Floor area to be demolished (m²)', 'Площадь сносимого строения (м²)')),
      field('reason', 'textarea', L('Քանդման պատճառը', 'Reason for demolition', 'Причина сноса'), { maxLength: 2000 }),
    ),
    documents: DOCS.ofOwner(DOCS.design(L('Քանդման աշխատանքների նախագիծ (PDF)', 'Demolition works plan (PDF)', 'Проект работ по сносу (PDF)')), DOCS.photos()),
    fee: { kind: 'fixed', amount: 5000 },
    deadline: { days: 10, unit: 'working' },
    workflow: headDecides(3, true),
    output: permit(
      'Թույլատրվում է {address} հասցեում ({cadastral_code}) գտնվող {building_area} քմ մակերեսով շինության քանդումը։ Շինարարական աղբը պետք է տեղափոխվի համայնքի սահմանած վայր։',
      'Demolition of the building of {building_area} m² at {address} ({cadastral_code}) is permitted. Construction waste must be taken to the place set by the community.',
      'Разрешается снос строения площадью {building_area} м² по адресу {address} ({cadastral_code}). Строительный мусор вывозится в место, установленное общиной.',
    ),
  }),
  template('excavation-permit', {
    name: L('Հողային աշխատանքների թույլտվություն', 'Excavation permit', 'Разрешение на земляные работы'),
    description: L(
      'Թույլտվություն համայնքային փողոցներում, մայթերում և կանաչ տարածքներում հողային աշխատանքներ կատարելու համար, օրինակ՝ ջրագծի, գազատարի կամ մալուխի անցկացման։ Աշխատանքներից հետո ծածկույթը պետք է վերականգնվի։',
      'Permission to dig in community streets, pavements and green areas, e.g. to lay a water pipe, gas line or cable. The surface must be restored after the works.',
      'Разрешение на земляные работы на улицах, тротуарах и в зелёных зонах общины, например для прокладки водопровода, газопровода или кабеля. После работ покрытие должно быть восстановлено.',
    ),
    ...offered('permits'),
    fields: [
      FIELDS.address(),
      field('purpose', 'textarea', L('Աշխատանքների նպատակը', 'Purpose of the works', 'Цель работ'), { required: true, maxLength: 2000 }),
      field('length_m', 'number', L('Փորվող հատվածի երկարություն (մ)', 'Length of the trench (m)', 'Длина траншеи (м)'), { required: true, min: 1, max: 10000 }),
      field('start_date', 'date', L('Աշխատանքների սկիզբ', 'Start of works', 'Начало работ'), { required: true }),
      field('end_date', 'date', L('Աշխատանքների ավարտ', 'End of works', 'Окончание работ'), { required: true }),
    ],
    documents: [
      DOCS.passport(),
      DOCS.sitePlan(),
      DOCS.design(L('Համաձայնեցված սխեմա կամ նախագիծ (PDF)', 'Approved scheme or design (PDF)', 'Согласованная схема или проект (PDF)')),
      DOCS.companyRegistration(),
    ],
    fee: { kind: 'fixed', amount: 10000 },
    deadline: { days: 5, unit: 'working' },
    workflow: standardWorkflow({ deciders: ['chief_of_staff', 'head'], reviewDays: 3 }),
    output: permit(
      'Թույլատրվում է {address} հասցեում {length_m} մ երկարությամբ հողային աշխատանքների կատարումը {start_date}-ից {end_date} ժամանակահատվածում՝ աշխատանքներից հետո ծածկույթի պարտադիր վերականգնմամբ։',
      'Excavation of {length_m} m at {address} is permitted from {start_date} to {end_date}; the surface must be restored after the works.',
      'Разрешаются земляные работы протяжённостью {length_m} м по адресу {address} с {start_date} по {end_date} с обязательным восстановлением покрытия.',
    ),
  }),
  template('building-acceptance', {
    name: L('Ավարտված շինության շահագործման ընդունում', 'Acceptance of a finished building into use', 'Приёмка законченного объекта в эксплуатацию'),
    description: L(
      'Շինարարությունն ավարտելուց հետո շահագործման թույլտվության ակտի ձևակերպում։ Համայնքի մասնագետը ստուգում է, որ շինությունը կառուցված է թույլտվությանը և նախագծին համապատասխան։ Ակտով շինությունը կարելի է գրանցել Կադաստրի կոմիտեում։',
      'Drawing up the act that admits a finished building into use. A community specialist checks that it was built as permitted and designed. With the act the building can be registered at the Cadastre Committee.',
      'Оформление акта о вводе законченного здания в эксплуатацию. Специалист общины проверяет, что здание построено в соответствии с разрешением и проектом. С актом здание можно зарегистрировать в Кадастровом комитете.',
    ),
    ...offered('permits'),
    fields: onPlot(
      field('permit_number', 'text', L('Շինարարության թույլտվության համարը', 'Number of the construction permit', 'Номер разрешения на строительство'), { required: true, maxLength: 40 }),
      area('floor_area'),
      field('completion_date', 'date', L('Շինարարության ավարտի օրը', 'Date construction was completed', 'Дата завершения строительства'), { required: true }),
    ),
    documents: [
      DOCS.passport(),
      doc('completion_declaration', L('Շինարարության ավարտի մասին հայտարարագիր', 'Declaration of completion of construction', 'Декларация о завершении строительства'), { types: ['pdf'] }),
      doc('supervision_report', L('Տեխնիկական հսկողության եզրակացություն', "Technical supervisor's report", 'Заключение технического надзора'), { types: ['pdf'] }),
      DOCS.photos(),
      DOCS.proxy(),
    ],
    fee: { kind: 'none' },
    deadline: { days: 10, unit: 'working' },
    workflow: headDecides(3, true),
    output: permit(
      'Հաստատվում է, որ {address} հասցեում ({cadastral_code}) {permit_number} թույլտվությամբ կառուցված {floor_area} քմ ընդհանուր մակերեսով շինությունն ավարտված է և ընդունվում է շահագործման։',
      'The building of {floor_area} m² at {address} ({cadastral_code}), built under permit {permit_number}, is completed and accepted into use.',
      'Подтверждается, что здание общей площадью {floor_area} м² по адресу {address} ({cadastral_code}), построенное по разрешению {permit_number}, завершено и принимается в эксплуатацию.',
      L('Շահագործման թույլտվության ակտ', 'Act of acceptance into use', 'Акт приёмки в эксплуатацию'),
    ),
  }),
  template('address-assignment', {
    name: L('Հասցեի տրամադրում', 'Address assignment', 'Присвоение адреса'),
    description: L(
      'Նոր կառուցված կամ առանձնացված հողամասին, շենքին կամ բնակարանին հասցե տրամադրելը կամ եղած հասցեի ճշտումը՝ համայնքի ղեկավարի որոշմամբ։ Հասցեն գրանցվում է հասցեների ռեգիստրում։',
      'Giving an address to a newly built or divided land plot, building or apartment, or correcting an existing one, by decision of the community head. The address is entered in the address register.',
      'Присвоение адреса новому или выделенному земельному участку, зданию или квартире либо уточнение существующего адреса решением главы общины. Адрес вносится в адресный реестр.',
    ),
    ...offered('permits'),
    fields: [
      FIELDS.cadastralCode(),
      select('object', L('Ինչին է տրվում հասցեն', 'What the address is for', 'Объект адресации'), [
        ['land', L('Հողամաս', 'Land plot', 'Земельный участок')],
        ['building', L('Շենք կամ շինություն', 'Building or structure', 'Здание или сооружение')],
        ['apartment', L('Բնակարան կամ ոչ բնակելի տարածք', 'Apartment or non-residential unit', 'Квартира или нежилое помещение')],
      ]),
      field('current_address', 'text', L('Ներկայիս հասցեն (եթե կա)', 'Current address (if any)', 'Текущий адрес (если есть)'), { maxLength: 300 }),
    ],
    documents: DOCS.ofOwner(DOCS.sitePlan()),
    fee: { kind: 'fixed', amount: 2000 },
    deadline: { days: 10, unit: 'working' },
    workflow: headDecides(5),
    output: letter(
      'Համայնքի ղեկավարի որոշմամբ {cadastral_code} կադաստրային ծածկագրով անշարժ գույքին տրամադրվում է հասցե, որը գրանցվում է համայնքի հասցեների ռեգիստրում։',
      'By decision of the community head, the real property with cadastral code {cadastral_code} is given an address, entered in the community address register.',
      'Решением главы общины недвижимому имуществу с кадастровым кодом {cadastral_code} присваивается адрес, который вносится в адресный реестр общины.',
    ),
  }),
];
