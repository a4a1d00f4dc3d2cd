// The working-day calendar: national editing pages and the due-date API.
import { defineMessages } from '../i18n/define.ts';

export const calendarMessages = defineMessages({
  hy: {
  },
  en: {
  },
  ru: {
  },
});
