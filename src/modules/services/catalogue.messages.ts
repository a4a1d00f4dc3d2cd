// The service catalogue: public pages and the administrator's editor.
import { defineMessages } from '../../platform/i18n/define.ts';

export const servicesCatalogueMessages = defineMessages({
  hy: {
  },
  en: {
  },
  ru: {
  },
});
