import { defineMessages } from '../../platform/i18n/define.ts';

export const registryDemographicsMessages = defineMessages({
  hy: { 'registry.demographics.title': 'demographics' },
  en: { 'registry.demographics.title': 'demographics' },
  ru: { 'registry.demographics.title': 'demographics' },
});
