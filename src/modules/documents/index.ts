// Registration journals, resolutions and execution control, electronic signatures, exchange with other public bodies, file nomenclature and archive.
// Each sub-domain brings its part (platform/module/parts.ts); this file lists them.
import type { ModuleManifest } from '../../platform/module/contract.ts';
import { mergeParts } from '../../platform/module/parts.ts';
import { documentsMessageParts } from './messages.ts';
import { documentsJournalPart } from './journal/journal.part.ts';

export const documentsModule: ModuleManifest = {
  name: 'documents',
  title: 'documents.module',
  ...mergeParts('documents', [
    { messages: documentsMessageParts },
    documentsJournalPart,
  ]),
};
