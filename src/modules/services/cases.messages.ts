// Cases: workflow errors, the staff inbox, the case page and the desk.
import { defineMessages } from '../../platform/i18n/define.ts';

export const servicesCasesMessages = defineMessages({
  hy: {
  },
  en: {
  },
  ru: {
  },
});
