// Every message catalogue of the participation module, for its manifest and the key types.
// Each part adds its own spread line here.
import { participationModuleMessages } from './participation.messages.ts';

export const participationMessageParts = [
  participationModuleMessages,
] as const;
