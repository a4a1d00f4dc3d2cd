// Every message catalogue of the council module, for its manifest and the key types.
// Each part adds its own spread line here.
import { councilModuleMessages } from './council.messages.ts';

export const councilMessageParts = [
  councilModuleMessages,
] as const;
