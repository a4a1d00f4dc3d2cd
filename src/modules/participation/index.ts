// Problems reported by citizens (with Open311 GeoReport v2), proposals, polls, public discussion of drafts and participatory budgeting.
// Each sub-domain brings its part (platform/module/parts.ts); this file lists them.
import type { ModuleManifest } from '../../platform/module/contract.ts';
import { mergeParts } from '../../platform/module/parts.ts';
import { participationMessageParts } from './messages.ts';

export const participationModule: ModuleManifest = {
  name: 'participation',
  title: 'participation.module',
  ...mergeParts('participation', [
    { messages: participationMessageParts },
  ]),
};
