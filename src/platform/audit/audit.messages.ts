import { defineMessages } from '../i18n/define.ts';

export const auditMessages = defineMessages({
  hy: { 'audit.title': 'audit' },
  en: { 'audit.title': 'audit' },
  ru: { 'audit.title': 'audit' },
});
