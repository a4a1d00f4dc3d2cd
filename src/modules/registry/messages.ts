// Every message catalogue of the registry module, for its manifest and the key types.
import { registryMessages } from './registry.messages.ts';
import { registryPopulationMessages } from './population/registry-population.messages.ts';
import { registryPropertyMessages } from './property/registry-property.messages.ts';
import { registryImportMessages } from './importers/registry-import.messages.ts';
import { registryDemographicsMessages } from './demographics/registry-demographics.messages.ts';
import { registryAuditMessages } from './registry.audit.messages.ts';

export const registryMessageParts = [
  registryMessages, registryPopulationMessages, registryPropertyMessages, registryImportMessages, registryDemographicsMessages, registryAuditMessages,
] as const;
