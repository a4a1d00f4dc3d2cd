// Notifications: in-app notices, mail and SMS texts.
import { defineMessages } from '../i18n/define.ts';

export const notifyMessages = defineMessages({
  hy: {
  },
  en: {
  },
  ru: {
  },
});
