// The council (members, factions, committees), sessions with roll-call votes, decisions -Ն/-Ա, decisions and reception of citizens by the head, OParl and Popolo.
// Each sub-domain brings its part (platform/module/parts.ts); this file lists them.
import type { ModuleManifest } from '../../platform/module/contract.ts';
import { mergeParts } from '../../platform/module/parts.ts';
import { councilMessageParts } from './messages.ts';

export const councilModule: ModuleManifest = {
  name: 'council',
  title: 'council.module',
  ...mergeParts('council', [
    { messages: councilMessageParts },
  ]),
};
