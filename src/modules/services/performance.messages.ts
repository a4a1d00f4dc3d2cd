// The public service performance page.
import { defineMessages } from '../../platform/i18n/define.ts';

export const servicesPerformanceMessages = defineMessages({
  hy: {
  },
  en: {
  },
  ru: {
  },
});
