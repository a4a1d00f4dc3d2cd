// The documents module's own name, for the back office's navigation.
import { defineMessages } from '../../platform/i18n/define.ts';

export const documentsModuleMessages = defineMessages({
  hy: { 'documents.module': 'Փաստաթղթաշրջանառություն' },
  en: { 'documents.module': 'Document flow' },
  ru: { 'documents.module': 'Документооборот' },
});
