import { defineMessages } from '../i18n/define.ts';

export const uiMessages = defineMessages({
  hy: { 'ui.title': 'ui' },
  en: { 'ui.title': 'ui' },
  ru: { 'ui.title': 'ui' },
});
