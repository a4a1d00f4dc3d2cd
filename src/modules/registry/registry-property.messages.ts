import { defineMessages } from '../../platform/i18n/define.ts';

export const registryPropertyMessages = defineMessages({
  hy: { 'registry.property.title': 'property' },
  en: { 'registry.property.title': 'property' },
  ru: { 'registry.property.title': 'property' },
});
