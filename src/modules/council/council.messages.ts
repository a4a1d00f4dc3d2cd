// The council module's own name, for the back office's navigation.
import { defineMessages } from '../../platform/i18n/define.ts';

export const councilModuleMessages = defineMessages({
  hy: { 'council.module': 'Ավագանի և ղեկավար' },
  en: { 'council.module': 'Council and head' },
  ru: { 'council.module': 'Совет и глава' },
});
