import { defineMessages } from '../../platform/i18n/define.ts';

export const backofficeMessages = defineMessages({
  hy: { 'backoffice.title': 'backoffice' },
  en: { 'backoffice.title': 'backoffice' },
  ru: { 'backoffice.title': 'backoffice' },
});
