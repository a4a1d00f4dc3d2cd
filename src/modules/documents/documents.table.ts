// Every table of the documents module, composed from its parts (each part adds its interface to the extends list).
import type { DocumentsJournalTables } from './journal/journal.table.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DocumentsTables extends DocumentsJournalTables {}
