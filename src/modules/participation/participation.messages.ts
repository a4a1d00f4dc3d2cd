// The participation module's own name, for the back office's navigation.
import { defineMessages } from '../../platform/i18n/define.ts';

export const participationModuleMessages = defineMessages({
  hy: { 'participation.module': 'Մասնակցություն' },
  en: { 'participation.module': 'Participation' },
  ru: { 'participation.module': 'Участие' },
});
