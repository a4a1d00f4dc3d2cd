// Messages shared by all registers (identifier errors, register names, navigation).
import { defineMessages } from '../../platform/i18n/define.ts';

export const registryMessages = defineMessages({
  hy: {
    'registry.module': 'Ռեգիստրներ',
    'registry.error.psn': 'Հանրային ծառայությունների համարանիշը 10 թիվ է',
    'registry.error.taxId': 'ՀՎՀՀ-ն 8 թիվ է',
    'registry.error.cadastralCode': 'Կադաստրային ծածկագիրը պետք է լինի 09-001-0123-0045 ձևով',
    'registry.error.date': 'Ամսաթիվը պետք է լինի ՕՕ.ԱԱ.ՏՏՏՏ կամ ՏՏՏՏ-ԱԱ-ՕՕ ձևով և գոյություն ունենա',
    'registry.error.birthDate': 'Ծննդյան ամսաթիվը չի կարող լինել ապագայում կամ 1900-ից առաջ',
    'registry.error.share': 'Բաժինը պետք է լինի 0-ից մեծ և 1-ից ոչ մեծ (օր.՝ 1/2)',
    'registry.error.sharesSum': 'Սեփականատերերի բաժինների գումարը պետք է լինի 1',
  },
  en: {
    'registry.module': 'Registers',
    'registry.error.psn': 'A public service number is 10 digits',
    'registry.error.taxId': 'A tax ID is 8 digits',
    'registry.error.cadastralCode': 'Write the cadastral code as 09-001-0123-0045',
    'registry.error.date': 'Enter a real date as DD.MM.YYYY or YYYY-MM-DD',
    'registry.error.birthDate': 'A birth date cannot be in the future or before 1900',
    'registry.error.share': 'A share is more than 0 and at most 1 (e.g. 1/2)',
    'registry.error.sharesSum': 'The owners’ shares must add up to 1',
  },
  ru: {
    'registry.module': 'Реестры',
    'registry.error.psn': 'Номер социальной карты — 10 цифр',
    'registry.error.taxId': 'ИНН — 8 цифр',
    'registry.error.cadastralCode': 'Кадастровый код записывается как 09-001-0123-0045',
    'registry.error.date': 'Укажите существующую дату в формате ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
    'registry.error.birthDate': 'Дата рождения не может быть в будущем или раньше 1900 года',
    'registry.error.share': 'Доля больше 0 и не больше 1 (например, 1/2)',
    'registry.error.sharesSum': 'Сумма долей собственников должна равняться 1',
  },
});
