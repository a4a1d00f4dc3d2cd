// Letters to the community: reception by the head, information requests, complaints,
// proposals, inquiries, copies of decisions and archival references.
import { standardWorkflow } from '../catalogue/workflows.ts';
import { DOCS, FIELDS, L, PERSON, doc, field, letter, offered, select, staffDecides, template, type ServiceTemplate } from './build.ts';

const subject = () => field('subject', 'text', L('Թեման', 'Subject', 'Тема'), { required: true, maxLength: 200 });
const evidence = () => doc('evidence', L('Կից փաստաթղթեր կամ լուսանկարներ', 'Attached documents or photographs', 'Приложенные документы или фотографии'), { required: false });
const answerTitle = (hy: string, en: string, ru: string) => ({ template: 'decision_letter' as const, title: L(hy, en, ru) });
/** Letters answered within the general 30 calendar days of administrative proceedings. */
const THIRTY_DAYS = { days: 30, unit: 'calendar' as const };

export const requestTemplates: ServiceTemplate[] = [
  template('reception-by-head', {
    name: L('Գրանցում համայնքի ղեկավարի ընդունելությանը', 'Appointment with the community head', 'Запись на приём к главе общины'),
    description: L(
      'Գրանցում համայնքի ղեկավարի անձնական ընդունելությանը։ Նշեք այն հարցը, որով ցանկանում եք դիմել։ Աշխատակազմը ձեզ հետ կհամաձայնեցնի ընդունելության օրը և ժամը։',
      'Sign up for a personal meeting with the community head. Say what you would like to discuss; the staff will agree the day and time with you.',
      'Запись на личный приём к главе общины. Укажите вопрос, с которым хотите обратиться; аппарат согласует с вами день и время приёма.',
    ),
    ...offered('reception', PERSON),
    fields: [
      field('topic', 'textarea', L('Հարցը, որով դիմում եք', 'What you would like to discuss', 'Вопрос, с которым вы обращаетесь'), { required: true, maxLength: 2000 }),
      field('preferred_date', 'date', L('Ցանկալի օրը', 'Preferred day', 'Желаемый день')),
      FIELDS.phone(),
    ],
    documents: [],
    fee: { kind: 'none' },
    deadline: { days: 10, unit: 'working' },
    workflow: standardWorkflow({ deciders: ['chief_of_staff', 'head'], reviewDays: 5 }),
    output: { template: 'none' },
  }),
  template('information-request', {
    name: L('Տեղեկատվության հարցում', 'Freedom of information request', 'Запрос информации'),
    description: L(
      '«Տեղեկատվության ազատության մասին» օրենքով կարող եք ստանալ համայնքի ունեցած ցանկացած տեղեկություն կամ փաստաթղթի պատճեն։ Պատասխանը տրվում է 5 օրվա ընթացքում, իսկ լրացուցիչ աշխատանք պահանջվելու դեպքում՝ 30 օրվա ընթացքում (այդ մասին կտեղեկացնենք 5 օրվա ընթացքում)։ Էլեկտրոնային պատասխանը և մինչև 10 էջ տպագիր պատճենները անվճար են։',
      'Under the Law on Freedom of Information you may ask for any information the community holds, or a copy of a document. We answer within 5 days, or within 30 days if extra work is needed (we will tell you so within 5 days). Electronic answers and up to 10 printed pages are free.',
      'По Закону о свободе информации вы можете запросить любую имеющуюся у общины информацию или копию документа. Ответ даётся в течение 5 дней, а если нужна дополнительная работа — в течение 30 дней (об этом сообщим в течение 5 дней). Электронный ответ и до 10 печатных страниц бесплатны.',
    ),
    ...offered('requests'),
    fields: [
      field('information', 'textarea', L('Ինչ տեղեկություն եք ուզում ստանալ', 'What information you are asking for', 'Какую информацию вы запрашиваете'), { required: true, maxLength: 4000 }),
      select('answer_form', L('Ինչպես ստանալ պատասխանը', 'How to receive the answer', 'Как получить ответ'), [
        ['email', L('Էլեկտրոնային փոստով', 'By email', 'По электронной почте')],
        ['post', L('Փոստով', 'By post', 'По почте')],
        ['in_person', L('Անձամբ', 'In person', 'Лично')],
      ]),
      field('postal_address', 'text', L('Փոստային հասցե (փոստով ստանալու դեպքում)', 'Postal address (if by post)', 'Почтовый адрес (если по почте)'), { maxLength: 300 }),
    ],
    documents: [],
    fee: { kind: 'none' },
    deadline: { days: 5, unit: 'calendar' },
    workflow: staffDecides(2),
    output: answerTitle('Պատասխան տեղեկատվության հարցմանը', 'Answer to an information request', 'Ответ на запрос информации'),
  }),
  template('complaint', {
    name: L('Բողոք', 'Complaint', 'Жалоба'),
    description: L(
      'Բողոք համայնքի աշխատակազմի, համայնքային հիմնարկների կամ ծառայությունների աշխատանքի, ինչպես նաև պաշտոնատար անձի որոշման, գործողության կամ անգործության վերաբերյալ։ Պատասխանը տրվում է 30 օրվա ընթացքում։',
      'A complaint about the work of the community staff, community institutions or services, or about a decision, action or inaction of an official. We answer within 30 days.',
      'Жалоба на работу аппарата общины, общинных учреждений или служб, а также на решение, действие или бездействие должностного лица. Ответ даётся в течение 30 дней.',
    ),
    ...offered('requests'),
    fields: [
      subject(),
      FIELDS.details(L('Բողոքի բովանդակությունը', 'What happened', 'Суть жалобы')),
      field('incident_date', 'date', L('Երբ է դա տեղի ունեցել', 'When it happened', 'Когда это произошло')),
      FIELDS.address(false),
    ],
    documents: [evidence()],
    fee: { kind: 'none' },
    deadline: THIRTY_DAYS,
    workflow: standardWorkflow({ reviewDays: 15 }),
    output: answerTitle('Պատասխան բողոքին', 'Answer to a complaint', 'Ответ на жалобу'),
  }),
  template('proposal', {
    name: L('Առաջարկություն', 'Proposal', 'Предложение'),
    description: L(
      'Առաջարկություն համայնքի կյանքի բարելավման, բարեկարգման, ծառայությունների կամ համայնքի ղեկավարի և ավագանու որոշումների վերաբերյալ։ Առաջարկությունը քննարկվում է, և պատասխանը տրվում է 30 օրվա ընթացքում։',
      'A proposal to improve community life, public spaces, services, or the decisions of the head and the council. It is considered and answered within 30 days.',
      'Предложение по улучшению жизни общины, благоустройству, услугам или решениям главы и совета. Предложение рассматривается, ответ даётся в течение 30 дней.',
    ),
    ...offered('requests'),
    fields: [subject(), FIELDS.details(L('Առաջարկության բովանդակությունը', 'Your proposal', 'Суть предложения'))],
    documents: [evidence()],
    fee: { kind: 'none' },
    deadline: THIRTY_DAYS,
    workflow: standardWorkflow({ reviewDays: 15 }),
    output: answerTitle('Պատասխան առաջարկությանը', 'Answer to a proposal', 'Ответ на предложение'),
  }),
  template('inquiry', {
    name: L('Դիմում-հարցում', 'Inquiry', 'Обращение'),
    description: L(
      'Ցանկացած հարց կամ խնդրանք համայնքի աշխատակազմին, որի համար առանձին ծառայություն նախատեսված չէ։ Պատասխանը տրվում է 30 օրվա ընթացքում։',
      'Any question or request to the community staff for which there is no separate service. We answer within 30 days.',
      'Любой вопрос или просьба к аппарату общины, для которых нет отдельной услуги. Ответ даётся в течение 30 дней.',
    ),
    ...offered('requests'),
    fields: [subject(), FIELDS.details(L('Ձեր հարցը կամ խնդրանքը', 'Your question or request', 'Ваш вопрос или просьба'))],
    documents: [evidence()],
    fee: { kind: 'none' },
    deadline: THIRTY_DAYS,
    workflow: standardWorkflow({ reviewDays: 15 }),
    output: answerTitle('Պատասխան դիմումին', 'Answer to an inquiry', 'Ответ на обращение'),
  }),
  template('decision-copy', {
    name: L('Որոշման պատճենի տրամադրում', 'Copy of a decision', 'Копия решения'),
    description: L(
      'Համայնքի ղեկավարի կամ ավագանու որոշման վավերացված պատճենի տրամադրում։ Նշեք որոշման համարը և ամսաթիվը, եթե գիտեք։',
      'A certified copy of a decision of the community head or council. Give the decision number and date if you know them.',
      'Выдача заверенной копии решения главы общины или совета. Укажите номер и дату решения, если знаете.',
    ),
    ...offered('requests'),
    fields: [
      select('issuer', L('Ում որոշումն է', 'Whose decision', 'Чьё решение'), [
        ['head', L('Համայնքի ղեկավարի որոշում', 'Decision of the community head', 'Решение главы общины')],
        ['council', L('Ավագանու որոշում', 'Decision of the council', 'Решение совета')],
      ]),
      field('decision_number', 'text', L('Որոշման համարը', 'Decision number', 'Номер решения'), { maxLength: 20, help: L('Օրինակ՝ 125-Ա', 'For example 125-Ա', 'Например, 125-Ա') }),
      field('decision_date', 'date', L('Որոշման ամսաթիվը', 'Date of the decision', 'Дата решения')),
      field('decision_subject', 'text', L('Որոշման վերնագիրը կամ բովանդակությունը', 'Title or subject of the decision', 'Заголовок или содержание решения'), { required: true, maxLength: 300 }),
    ],
    documents: [DOCS.passport(), DOCS.proxy()],
    fee: { kind: 'fixed', amount: 500 },
    deadline: { days: 5, unit: 'working' },
    workflow: staffDecides(3),
    output: { template: 'none' },
  }),
  template('archival-reference', {
    name: L('Արխիվային տեղեկանք', 'Archival reference', 'Архивная справка'),
    description: L(
      'Տեղեկանք համայնքի արխիվում պահվող փաստաթղթերից՝ աշխատանքային ստաժի և աշխատավարձի, հողհատկացման, գույքի կամ նախկինում կայացված որոշումների մասին։ Նշեք, թե որ տարիների և ինչի մասին տեղեկություն է անհրաժեշտ։',
      'A reference from the documents kept in the community archive: on length of service and salary, land allocation, property or past decisions. Say which years and what the reference should be about.',
      'Справка по документам архива общины: о трудовом стаже и зарплате, выделении земли, имуществе или ранее принятых решениях. Укажите, за какие годы и о чём нужна справка.',
    ),
    ...offered('requests'),
    fields: [
      select('topic', L('Ինչի մասին է տեղեկանքը', 'What the reference is about', 'О чём справка'), [
        ['employment', L('Աշխատանքային ստաժ և աշխատավարձ', 'Length of service and salary', 'Трудовой стаж и зарплата')],
        ['land', L('Հողհատկացում', 'Land allocation', 'Выделение земли')],
        ['property', L('Գույք', 'Property', 'Имущество')],
        ['decision', L('Նախկինում կայացված որոշում', 'A past decision', 'Ранее принятое решение')],
        ['other', L('Այլ', 'Other', 'Другое')],
      ]),
      field('year_from', 'number', L('Սկսած (տարի)', 'From (year)', 'С (год)'), { required: true, min: 1920, max: 2100 }),
      field('year_to', 'number', L('Մինչև (տարի)', 'Until (year)', 'По (год)'), { required: true, min: 1920, max: 2100 }),
      FIELDS.details(L('Ինչ տեղեկություն է անհրաժեշտ', 'What the reference should state', 'Какие сведения нужны')),
      FIELDS.presentTo(),
    ],
    documents: [DOCS.passport(), DOCS.proxy()],
    fee: { kind: 'fixed', amount: 1000 },
    deadline: { days: 15, unit: 'working' },
    workflow: staffDecides(10),
    output: letter(
      'Տրվում է համայնքի արխիվում պահվող {year_from}–{year_to} թվականների փաստաթղթերի հիման վրա։',
      'Issued on the basis of the documents for {year_from}–{year_to} kept in the community archive.',
      'Выдана на основании документов за {year_from}–{year_to} годы, хранящихся в архиве общины.',
    ),
  }),
];
