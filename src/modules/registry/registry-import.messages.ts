import { defineMessages } from '../../platform/i18n/define.ts';

export const registryImportMessages = defineMessages({
  hy: { 'registry.import.title': 'import' },
  en: { 'registry.import.title': 'import' },
  ru: { 'registry.import.title': 'import' },
});
