import { defineMessages } from '../../platform/i18n/define.ts';

export const accountsMessages = defineMessages({
  hy: { 'accounts.title': 'accounts' },
  en: { 'accounts.title': 'accounts' },
  ru: { 'accounts.title': 'accounts' },
});
