// Every register that can be imported, with a fresh importer per run.
import type { Importer, Register } from './types.ts';
import { residentsImporter } from './residents.ts';
import { householdsImporter } from './households.ts';
import { parcelsImporter } from './parcels.ts';
import { structuresImporter } from './structures.ts';
import { ownershipImporter } from './ownership.ts';
import { organizationsImporter } from './organizations.ts';

export const IMPORTERS: Record<Register, () => Importer<unknown>> = {
  residents: () => residentsImporter as Importer<unknown>,
  households: () => householdsImporter() as Importer<unknown>,
  parcels: () => parcelsImporter as Importer<unknown>,
  buildings: () => structuresImporter() as Importer<unknown>,
  ownership: () => ownershipImporter() as Importer<unknown>,
  organizations: () => organizationsImporter as Importer<unknown>,
};
