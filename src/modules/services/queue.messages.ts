// The Citizen Office queue: tickets, windows, hall display, office statistics.
import { defineMessages } from '../../platform/i18n/define.ts';

export const servicesQueueMessages = defineMessages({
  hy: {
  },
  en: {
  },
  ru: {
  },
});
