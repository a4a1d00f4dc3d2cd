// Messages of the file store: why an uploaded file was refused, and file sizes.
import { defineMessages } from '../i18n/define.ts';

export const filesMessages = defineMessages({
  hy: {
    'files.error.empty': 'Ֆայլը դատարկ է',
    'files.error.tooLarge': 'Ֆայլը թույլատրվածից մեծ է',
    'files.error.type': 'Այս տեսակի ֆայլ չի ընդունվում. ընդունվում են միայն նշված տեսակները (PDF, JPEG, PNG)',
    'files.error.hash': 'Ֆայլի սխալ նույնացուցիչ',
    'files.size.kb': '{size} ԿԲ',
    'files.size.mb': '{size} ՄԲ',
  },
  en: {
    'files.error.empty': 'The file is empty',
    'files.error.tooLarge': 'The file is larger than allowed',
    'files.error.type': 'This type of file is not accepted; only the listed types are (PDF, JPEG, PNG)',
    'files.error.hash': 'Invalid file identifier',
    'files.size.kb': '{size} KB',
    'files.size.mb': '{size} MB',
  },
  ru: {
    'files.error.empty': 'Файл пуст',
    'files.error.tooLarge': 'Файл больше допустимого размера',
    'files.error.type': 'Файлы этого типа не принимаются; принимаются только указанные типы (PDF, JPEG, PNG)',
    'files.error.hash': 'Неверный идентификатор файла',
    'files.size.kb': '{size} КБ',
    'files.size.mb': '{size} МБ',
  },
});
