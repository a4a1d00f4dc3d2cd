// Services for households: garbage-fee accounts, one-time social assistance, and the
// notarial acts the head (or a settlement's head) performs where there is no notary.
import { standardWorkflow } from '../catalogue/workflows.ts';
import { COMMISSION_REVIEW, DOCS, FIELDS, L, PERSON, doc, field, letter, offered, select, staffDecides, template, type ServiceTemplate } from './build.ts';

/** The signer comes in person; the official certifies on the paper, so nothing is printed by us. */
const NOTARIAL = standardWorkflow({ deciders: ['head', 'deputy_head', 'settlement_head'], reviewDays: 1 });
const NOTARY_NOTE = {
  hy: 'Ծառայությունը մատուցվում է միայն այն բնակավայրերում, որտեղ նոտար չկա։',
  en: 'Provided only in settlements where there is no notary.',
  ru: 'Услуга оказывается только в населённых пунктах, где нет нотариуса.',
};

export const peopleTemplates: ServiceTemplate[] = [
  template('garbage-fee-account', {
    name: L('Աղբահանության վճարի հաշվի բացում կամ փոփոխում', 'Opening or changing a garbage-fee account', 'Открытие или изменение счёта за вывоз мусора'),
    description: L(
      'Աղբահանության վճարողների ռեգիստրում նոր հաշվի բացում, բնակիչների թվի կամ բնակելի մակերեսի փոփոխում կամ հաշվի փակում (օրինակ՝ տեղափոխվելու դեպքում)։ Վճարը հաշվարկվում է բնակիչների թվից կամ բնակելի մակերեսից՝ ավագանու սահմանած դրույքաչափով։',
      "Opening an account in the register of garbage-fee payers, changing the number of residents or the living area, or closing the account (for example after moving away). The fee is calculated from the number of residents or the living area at the council's rate.",
      'Открытие счёта в реестре плательщиков за вывоз мусора, изменение числа жильцов или жилой площади либо закрытие счёта (например, при переезде). Плата рассчитывается по числу жильцов или жилой площади по ставке, установленной советом.',
    ),
    ...offered('requests', PERSON),
    fields: [
      select('request', L('Ինչ եք խնդրում', 'What you are asking for', 'Что вы просите'), [
        ['open', L('Բացել նոր հաշիվ', 'Open a new account', 'Открыть новый счёт')],
        ['change', L('Փոխել բնակիչների թիվը կամ մակերեսը', 'Change the number of residents or the area', 'Изменить число жильцов или площадь')],
        ['close', L('Փակել հաշիվը', 'Close the account', 'Закрыть счёт')],
      ]),
      FIELDS.address(),
      field('residents', 'number', L('Փաստացի բնակվողների թիվը', 'Number of people actually living there', 'Число фактически проживающих'), { required: true, min: 0, max: 30 }),
      field('living_area', 'number', L('Բնակելի մակերես (քմ)', 'Living area (m²)', 'Жилая площадь (м²)'), { min: 1, max: 2000 }),
      field('reason', 'textarea', L('Պատճառը', 'Reason', 'Причина'), { maxLength: 1000 }),
    ],
    documents: [DOCS.passport(), { ...DOCS.ownership(), required: false }],
    fee: { kind: 'none' },
    deadline: { days: 5, unit: 'working' },
    workflow: staffDecides(3),
    output: { template: 'none' },
  }),
  template('one-time-social-assistance', {
    name: L('Միանվագ սոցիալական օգնություն', 'One-time social assistance', 'Единовременная социальная помощь'),
    description: L(
      'Միանվագ դրամական օգնություն համայնքի բյուջեից ծանր սոցիալական վիճակում հայտնված բնակիչներին՝ հիվանդության, ընտանիքի անդամի մահվան, հրդեհի կամ բնական աղետի և նմանատիպ այլ դեպքերում։ Դիմումը քննարկում է սոցիալական հանձնաժողովը, որոշումը կայացնում է համայնքի ղեկավարը։',
      'A one-time payment from the community budget for residents in hardship: illness, death of a family member, fire or natural disaster and similar cases. The social commission reviews the request and the community head decides.',
      'Единовременная денежная помощь из бюджета общины жителям в трудном положении: при болезни, смерти члена семьи, пожаре, стихийном бедствии и т. п. Заявление рассматривает социальная комиссия, решение принимает глава общины.',
    ),
    ...offered('social', PERSON),
    fields: [
      select('reason', L('Դիմելու պատճառը', 'Reason for the request', 'Причина обращения'), [
        ['illness', L('Հիվանդություն կամ բուժում', 'Illness or medical treatment', 'Болезнь или лечение')],
        ['death', L('Ընտանիքի անդամի մահ', 'Death of a family member', 'Смерть члена семьи')],
        ['disaster', L('Հրդեհ կամ բնական աղետ', 'Fire or natural disaster', 'Пожар или стихийное бедствие')],
        ['low_income', L('Ծանր սոցիալական վիճակ', 'Severe financial hardship', 'Тяжёлое материальное положение')],
        ['other', L('Այլ', 'Other', 'Другое')],
      ]),
      field('circumstances', 'textarea', L('Նկարագրեք ձեր իրավիճակը', 'Describe your situation', 'Опишите ваше положение'), { required: true, maxLength: 4000 }),
      field('household_members', 'number', L('Ընտանիքի անդամների թիվը', 'Number of household members', 'Число членов семьи'), { required: true, min: 1, max: 30 }),
      field('amount_requested', 'number', L('Խնդրվող գումարը (դրամ)', 'Amount requested (AMD)', 'Запрашиваемая сумма (драм)'), { min: 1000, max: 1000000 }),
      field('bank_account', 'text', L('Բանկային հաշվի համարը (փոխանցումով ստանալու համար)', 'Bank account number (to receive it by transfer)', 'Номер банковского счёта (для перевода)'), {
        maxLength: 30,
      }),
    ],
    documents: [
      DOCS.passport(),
      doc('supporting', L('Հիմնավորող փաստաթղթեր (բժշկական տեղեկանք, մահվան վկայական, վնասի ակտ և այլն)', 'Supporting documents (medical statement, death certificate, damage report, etc.)', 'Подтверждающие документы (медицинская справка, свидетельство о смерти, акт об ущербе и т. п.)')),
      doc('family_benefit', L('Ընտանեկան նպաստի մասին տեղեկանք (եթե ստանում եք)', 'Statement on family benefit (if you receive it)', 'Справка о семейном пособии (если получаете)'), { required: false }),
    ],
    fee: { kind: 'none' },
    deadline: { days: 30, unit: 'calendar' },
    workflow: standardWorkflow({ deciders: ['head'], reviewDays: 5, extraSteps: [COMMISSION_REVIEW] }),
    output: letter(
      'Համայնքի ղեկավարի որոշմամբ՝ սոցիալական հանձնաժողովի առաջարկության հիման վրա, դիմողին տրամադրվում է միանվագ սոցիալական օգնություն։',
      "By the community head's decision, on the social commission's recommendation, the applicant is granted one-time social assistance.",
      'Решением главы общины по рекомендации социальной комиссии заявителю предоставляется единовременная социальная помощь.',
    ),
  }),
  template('notarial-power-of-attorney', {
    name: L('Լիազորագրի վավերացում', 'Certification of a power of attorney', 'Удостоверение доверенности'),
    description: L(
      `Լիազորագրի վավերացում համայնքի ղեկավարի կամ բնակավայրի վարչական ղեկավարի կողմից։ ${NOTARY_NOTE.hy} Լիազորողը պետք է անձամբ ներկայանա՝ անձը հաստատող փաստաթղթով։`,
      `Certification of a power of attorney by the community head or the head of the settlement. ${NOTARY_NOTE.en} The person granting the power must come in person with an identity document.`,
      `Удостоверение доверенности главой общины или административным руководителем населённого пункта. ${NOTARY_NOTE.ru} Доверитель должен явиться лично с документом, удостоверяющим личность.`,
    ),
    ...offered('notary', PERSON, 'office'),
    fields: [
      field('representative_name', 'text', L('Լիազորված անձի անունը և ազգանունը', "Representative's full name", 'Имя и фамилия представителя'), { required: true, maxLength: 200 }),
      field('representative_psn', 'psn', L('Լիազորված անձի ՀԾՀ', "Representative's public service number", 'Номер социальной карты представителя')),
      field('powers', 'textarea', L('Ինչ է լիազորվում անել', 'What the representative may do', 'Полномочия представителя'), { required: true, maxLength: 4000 }),
      field('valid_until', 'date', L('Գործում է մինչև', 'Valid until', 'Действует до')),
    ],
    documents: [
      DOCS.passport(),
      doc('representative_passport', L('Լիազորված անձի անձնագրի պատճենը', "Copy of the representative's passport", 'Копия паспорта представителя')),
    ],
    fee: { kind: 'fixed', amount: 1000 },
    deadline: { days: 1, unit: 'working' },
    workflow: NOTARIAL,
    output: { template: 'none' },
  }),
  template('notarial-signature-certification', {
    name: L('Ստորագրության իսկության վավերացում', 'Certification of a signature', 'Засвидетельствование подлинности подписи'),
    description: L(
      `Փաստաթղթի վրա ստորագրության իսկության վավերացում համայնքի ղեկավարի կամ բնակավայրի վարչական ղեկավարի կողմից։ ${NOTARY_NOTE.hy} Փաստաթուղթը ստորագրվում է պաշտոնատար անձի ներկայությամբ։ Պետական տուրքը վճարվում է յուրաքանչյուր օրինակի համար։`,
      `Certification that a signature on a document is genuine, by the community head or the head of the settlement. ${NOTARY_NOTE.en} The document is signed in front of the official. The state duty is paid for each copy.`,
      `Засвидетельствование подлинности подписи на документе главой общины или административным руководителем населённого пункта. ${NOTARY_NOTE.ru} Документ подписывается в присутствии должностного лица. Пошлина уплачивается за каждый экземпляр.`,
    ),
    ...offered('notary', PERSON, 'office'),
    fields: [
      field('document_title', 'text', L('Փաստաթղթի անվանումը', 'Title of the document', 'Название документа'), { required: true, maxLength: 300 }),
      field('copies', 'number', L('Օրինակների քանակը', 'Number of copies', 'Количество экземпляров'), { required: true, min: 1, max: 10 }),
    ],
    documents: [DOCS.passport(), doc('document', L('Վավերացվող փաստաթուղթը', 'The document to be certified', 'Документ для засвидетельствования'), { types: ['pdf'] })],
    fee: { kind: 'per_unit', field: 'copies', rate: '500', base: 0, min: 500 },
    deadline: { days: 1, unit: 'working' },
    workflow: NOTARIAL,
    output: { template: 'none' },
  }),
];
