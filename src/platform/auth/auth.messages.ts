import { defineMessages } from '../i18n/define.ts';

export const authMessages = defineMessages({
  hy: { 'auth.title': 'auth' },
  en: { 'auth.title': 'auth' },
  ru: { 'auth.title': 'auth' },
});
