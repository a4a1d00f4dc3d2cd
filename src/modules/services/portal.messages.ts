// The citizen portal: applying online, my cases, answering requests, rating.
import { defineMessages } from '../../platform/i18n/define.ts';

export const servicesPortalMessages = defineMessages({
  hy: {
  },
  en: {
  },
  ru: {
  },
});
