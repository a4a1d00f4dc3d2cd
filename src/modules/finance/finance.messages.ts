// The finance module's own name, for the back office's navigation.
import { defineMessages } from '../../platform/i18n/define.ts';

export const financeModuleMessages = defineMessages({
  hy: { 'finance.module': 'Ֆինանսներ' },
  en: { 'finance.module': 'Finance' },
  ru: { 'finance.module': 'Финансы' },
});
