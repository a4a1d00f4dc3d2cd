// Requests about community land: allocation, lease and sale. The land commission reviews
// them before the head decides (with the council where the law requires it).
import { standardWorkflow } from '../catalogue/workflows.ts';
import { COMMISSION_REVIEW, DOCS, FIELDS, L, field, letter, offered, select, template, type ServiceTemplate, type SpecInput } from './build.ts';

const WORKFLOW = standardWorkflow({ deciders: ['head'], reviewDays: 10, extraSteps: [COMMISSION_REVIEW] });

const location = () => field('location', 'text', L('Հողամասի գտնվելու վայրը', 'Location of the plot', 'Местоположение участка'), { required: true, maxLength: 300 });
const areaM2 = () => field('area_m2', 'number', L('Հողամասի մակերես (քմ)', 'Area of the plot (m²)', 'Площадь участка (м²)'), { required: true, min: 10, max: 1000000 });
const landPurpose = () =>
  select('land_purpose', L('Օգտագործման նպատակը', 'Intended use', 'Цель использования'), [
    ['housing', L('Բնակելի կառուցապատում', 'Housing', 'Жилая застройка')],
    ['agriculture', L('Գյուղատնտեսական', 'Agriculture', 'Сельское хозяйство')],
    ['business', L('Հասարակական կամ արտադրական', 'Public or industrial', 'Общественная или производственная')],
    ['other', L('Այլ', 'Other', 'Другое')],
  ]);
const justification = (required = false) =>
  field('justification', 'textarea', L('Հիմնավորում', 'Reasons for the request', 'Обоснование'), { required, maxLength: 4000 });

/**
 * The terms all land requests share: free, 30 calendar days, the commission's review, and a
 * decision letter ending "…area …, location …", which reads well in all three languages.
 */
const landTerms = (hy: string, en: string, ru: string): Pick<SpecInput, 'fee' | 'deadline' | 'workflow' | 'output'> => ({
  fee: { kind: 'none' },
  deadline: { days: 30, unit: 'calendar' },
  workflow: WORKFLOW,
  output: letter(`${hy} Մակերեսը՝ {area_m2} քմ, գտնվելու վայրը՝ {location}։`, `${en} Area: {area_m2} m²; location: {location}.`, `${ru} Площадь: {area_m2} м²; местоположение: {location}.`),
});

export const landTemplates: ServiceTemplate[] = [
  template('land-allocation', {
    name: L('Հողամասի հատկացման դիմում', 'Request for allocation of a land plot', 'Заявление о предоставлении земельного участка'),
    description: L(
      'Դիմում համայնքային սեփականություն հանդիսացող հողամաս օգտագործման տրամադրելու մասին՝ բնակելի տան կառուցման, գյուղատնտեսական կամ այլ նպատակով։ Որոշումը կայացնում է համայնքի ղեկավարը, իսկ օրենքով նախատեսված դեպքերում՝ ավագանու համաձայնությամբ։',
      "A request to be given a land plot owned by the community, for building a house, farming or another purpose. The community head decides, with the council's consent where the law requires it.",
      'Заявление о предоставлении в пользование земельного участка, находящегося в собственности общины, для строительства дома, сельского хозяйства или иной цели. Решение принимает глава общины, а в предусмотренных законом случаях — с согласия совета.',
    ),
    ...offered('land'),
    fields: [location(), FIELDS.cadastralCode(false), areaM2(), landPurpose(), justification(true)],
    documents: [DOCS.passport(), { ...DOCS.sitePlan(), required: false }, DOCS.companyRegistration(), DOCS.proxy()],
    ...landTerms('Համայնքի ղեկավարի որոշմամբ դիմողին տրամադրվում է հողամաս։', "By the community head's decision the applicant is given a land plot.", 'Решением главы общины заявителю предоставляется земельный участок.'),
  }),
  template('land-lease', {
    name: L('Հողամասի վարձակալության դիմում', 'Request to lease a land plot', 'Заявление об аренде земельного участка'),
    description: L(
      'Դիմում համայնքային հողամասը վարձակալությամբ տրամադրելու կամ գործող վարձակալության պայմանագիրը երկարաձգելու մասին։ Վարձավճարը սահմանվում է մրցույթով կամ ավագանու որոշմամբ։',
      'A request to lease a community land plot or to extend an existing lease. The rent is set by auction or by council decision.',
      'Заявление о предоставлении земельного участка общины в аренду или о продлении действующего договора аренды. Арендная плата устанавливается на торгах или решением совета.',
    ),
    ...offered('land'),
    fields: [
      select('lease_kind', L('Դիմումի տեսակը', 'Kind of request', 'Вид заявления'), [
        ['new', L('Նոր վարձակալություն', 'New lease', 'Новая аренда')],
        ['extension', L('Պայմանագրի երկարաձգում', 'Extension of a lease', 'Продление договора')],
      ]),
      FIELDS.cadastralCode(false),
      location(),
      areaM2(),
      landPurpose(),
      field('term_years', 'number', L('Վարձակալության ժամկետ (տարի)', 'Lease term (years)', 'Срок аренды (лет)'), { required: true, min: 1, max: 99 }),
      justification(),
    ],
    documents: [DOCS.passport(), DOCS.companyRegistration(), { ...DOCS.sitePlan(), required: false }, DOCS.proxy()],
    ...landTerms(
      'Համայնքի ղեկավարի որոշմամբ դիմողին {term_years} տարի ժամկետով վարձակալության է տրամադրվում հողամաս։',
      "By the community head's decision a land plot is leased to the applicant for {term_years} years.",
      'Решением главы общины заявителю предоставляется в аренду земельный участок сроком на {term_years} лет.',
    ),
  }),
  template('land-sale', {
    name: L('Հողամասի գնման դիմում', 'Request to buy a land plot', 'Заявление о покупке земельного участка'),
    description: L(
      'Դիմում համայնքային սեփականություն հանդիսացող հողամասը գնելու մասին, օրինակ՝ ձեր տանը կից կամ ձեր վարձակալած հողամասը։ Օտարումը կատարվում է աճուրդով կամ ուղղակի վաճառքով՝ ավագանու որոշմամբ և կադաստրային արժեքից ոչ պակաս գնով։',
      'A request to buy a land plot owned by the community, for example the plot next to your house or one you lease. It is sold by auction or directly, by council decision, at no less than its cadastral value.',
      'Заявление о покупке земельного участка общины, например примыкающего к вашему дому или арендуемого вами. Отчуждение проводится на аукционе или прямой продажей по решению совета и по цене не ниже кадастровой стоимости.',
    ),
    ...offered('land'),
    fields: [
      FIELDS.cadastralCode(),
      location(),
      areaM2(),
      select('sale_basis', L('Գնման հիմքը', 'Basis for the purchase', 'Основание покупки'), [
        ['adjacent', L('Հողամասը կից է իմ սեփականությանը', 'The plot adjoins my property', 'Участок примыкает к моей собственности')],
        ['leased', L('Վարձակալում եմ այդ հողամասը', 'I lease this plot', 'Я арендую этот участок')],
        ['built', L('Հողամասում կա իմ սեփականությունը հանդիսացող շինություն', 'A building I own stands on the plot', 'На участке стоит принадлежащее мне строение')],
        ['other', L('Այլ հիմք', 'Other', 'Иное основание')],
      ]),
      justification(),
    ],
    documents: [
      DOCS.passport(),
      { ...DOCS.ownership(), required: false },
      DOCS.sitePlan(),
      DOCS.companyRegistration(),
      DOCS.proxy(),
    ],
    ...landTerms(
      'Համայնքի ավագանու որոշմամբ {cadastral_code} կադաստրային ծածկագրով հողամասն օտարվում է դիմողին։',
      'By council decision the land plot with cadastral code {cadastral_code} is sold to the applicant.',
      'Решением совета общины земельный участок с кадастровым кодом {cadastral_code} отчуждается заявителю.',
    ),
  }),
];
