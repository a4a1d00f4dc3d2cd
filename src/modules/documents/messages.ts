// Every message catalogue of the documents module, for its manifest and the key types.
// Each part adds its own spread line here.
import { documentsModuleMessages } from './documents.messages.ts';
import { documentsJournalMessageParts } from './journal/journal.part.ts';

export const documentsMessageParts = [
  documentsModuleMessages,
  ...documentsJournalMessageParts,
] as const;
