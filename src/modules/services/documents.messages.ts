// Output documents: PDF texts and the /verify page.
import { defineMessages } from '../../platform/i18n/define.ts';

export const servicesDocumentsMessages = defineMessages({
  hy: {
  },
  en: {
  },
  ru: {
  },
});
