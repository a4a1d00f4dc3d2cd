// Certificates: filled from the community's own registers, issued in a couple of working days.
import { standardWorkflow } from '../catalogue/workflows.ts';
import { DOCS, FIELDS, L, PERSON, field, letter, offered, staffDecides, template, type ServiceTemplate, type SpecInput } from './build.ts';

/** A person's extract from the population register: everything but the text is the same. */
const populationExtract = (name: SpecInput['name'], description: SpecInput['description'], output: SpecInput['output']['template']): SpecInput => ({
  name,
  description,
  ...offered('certificates', PERSON),
  fields: [FIELDS.presentTo()],
  documents: [DOCS.passport(), DOCS.proxy()],
  fee: { kind: 'fixed', amount: 1000 },
  deadline: { days: 2, unit: 'working' },
  workflow: standardWorkflow({ deciders: ['specialist', 'chief_of_staff', 'settlement_head'], reviewDays: 1 }),
  output: { template: output },
});

export const certificateTemplates: ServiceTemplate[] = [
  template(
    'residence-certificate',
    populationExtract(
      L('Տեղեկանք բնակության վայրի մասին', 'Certificate of residence', 'Справка о месте жительства'),
      L(
        'Տեղեկանք այն մասին, որ դուք հաշվառված եք և բնակվում եք համայնքում՝ նշված հասցեում։ Տրվում է բնակչության ռեգիստրի տվյալներով՝ բանկ, դպրոց, նոտար կամ այլ կազմակերպություն ներկայացնելու համար։',
        'Confirms that you are registered and live at your address in the community. Issued from the population register, for a bank, school, notary or any other body.',
        'Подтверждает, что вы зарегистрированы и проживаете по указанному адресу в общине. Выдаётся по данным регистра населения для банка, школы, нотариуса или другой организации.',
      ),
      'residence_certificate',
    ),
  ),
  template(
    'household-certificate',
    populationExtract(
      L('Տեղեկանք ընտանիքի կազմի մասին', 'Certificate of household composition', 'Справка о составе семьи'),
      L(
        'Տեղեկանք ձեր հասցեում հաշվառված ընտանիքի անդամների մասին՝ անուն, ազգանուն, ծննդյան տարեթիվ և ազգակցական կապ։ Անհրաժեշտ է նպաստների, ժառանգության, բանկային վարկի և նմանատիպ այլ գործերի համար։',
        'Lists the members of the household registered at your address: names, years of birth and relationship. Needed for benefits, inheritance, bank loans and similar matters.',
        'Перечисляет членов семьи, зарегистрированных по вашему адресу: имена, годы рождения и родство. Нужна для пособий, наследства, банковских кредитов и т. п.',
      ),
      'household_certificate',
    ),
  ),
  template('property-certificate', {
    name: L('Տեղեկանք անշարժ գույքի վերաբերյալ', 'Certificate on real property', 'Справка о недвижимом имуществе'),
    description: L(
      'Տեղեկանք համայնքի գույքի ռեգիստրում ձեր անունով գրանցված հողամասի, բնակելի տան կամ այլ շինության, դրանց մակերեսի և նշանակության մասին։',
      'States the land plot, house or other building recorded in your name in the community property register, with its area and purpose.',
      'Сведения о земельном участке, доме или другом строении, записанном на ваше имя в реестре имущества общины, с площадью и назначением.',
    ),
    ...offered('certificates'),
    fields: [FIELDS.cadastralCode(), FIELDS.address(false), FIELDS.presentTo()],
    documents: DOCS.ofOwner(),
    fee: { kind: 'fixed', amount: 1000 },
    deadline: { days: 5, unit: 'working' },
    workflow: staffDecides(3),
    output: letter(
      'Տրվում է այն մասին, որ {cadastral_code} կադաստրային ծածկագրով անշարժ գույքը համայնքի գույքի ռեգիստրում գրանցված է դիմողի անունով։',
      'This certifies that the real property with cadastral code {cadastral_code} is recorded in the community property register in the name of the applicant.',
      'Настоящим подтверждается, что недвижимое имущество с кадастровым кодом {cadastral_code} записано в реестре имущества общины на имя заявителя.',
    ),
  }),
  template('no-tax-debt-certificate', {
    name: L(
      'Տեղեկանք տեղական հարկերի և վճարների գծով պարտք չունենալու մասին',
      'Certificate of no local tax debt',
      'Справка об отсутствии задолженности по местным налогам и сборам',
    ),
    description: L(
      'Հաստատում է, որ դիմողը համայնքի բյուջե վճարվող գույքահարկի, հողի հարկի, տեղական տուրքերի և վճարների գծով պարտք չունի։ Պահանջվում է նոտարական գործարքների, մրցույթների և լիցենզիաների համար։',
      'Confirms that the applicant owes nothing to the community budget for property tax, land tax, local duties and fees. Required for notarial transactions, tenders and licences.',
      'Подтверждает отсутствие у заявителя задолженности перед бюджетом общины по налогу на имущество, земельному налогу, местным пошлинам и сборам. Требуется для нотариальных сделок, тендеров и лицензий.',
    ),
    ...offered('certificates'),
    fields: [
      field('tax_id', 'tax_id', L('ՀՎՀՀ (կազմակերպությունների համար)', 'Tax ID (for organizations)', 'ИНН (для организаций)')),
      FIELDS.presentTo(),
    ],
    documents: [DOCS.passport(), DOCS.companyRegistration()],
    fee: { kind: 'none' },
    deadline: { days: 3, unit: 'working' },
    workflow: staffDecides(2),
    output: letter(
      'Տրվում է այն մասին, որ դիմողը տեղեկանքի տրման օրվա դրությամբ համայնքի բյուջե վճարվող հարկերի, տեղական տուրքերի և վճարների գծով պարտք չունի։',
      'This certifies that, on the day of issue, the applicant owes no taxes, local duties or fees to the community budget.',
      'Настоящим подтверждается, что на день выдачи справки у заявителя нет задолженности по налогам, местным пошлинам и сборам перед бюджетом общины.',
    ),
  }),
];
