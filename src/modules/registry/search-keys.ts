// Keeping the search index (search_keys) in step with names. Every writer of residents
// or organizations — forms, importers, the demo — goes through these functions.
import type { TenantDb } from '../../platform/db/tenant.ts';
import { foldWords } from '../../platform/search/fold.ts';
import type { ResidentsTable } from './registry.table.ts';

export type ResidentNames = Pick<ResidentsTable, 'last_name' | 'first_name' | 'patronymic' | 'last_name_latin' | 'first_name_latin' | 'patronymic_latin'>;

/** Folded words of every spelling of a resident's names (Armenian and Latin fold alike). */
export function residentKeys(r: ResidentNames): string[] {
  return foldWords([r.last_name, r.first_name, r.patronymic ?? '', r.last_name_latin, r.first_name_latin, r.patronymic_latin ?? ''].join(' '));
}

export function organizationKeys(name: string): string[] {
  return foldWords(name);
}

/** Replaces the index rows of one resident or organization. Call inside the write's transaction. */
export async function replaceSearchKeys(tenant: TenantDb, entity: 'resident' | 'organization', entityId: number, keys: string[]): Promise<void> {
  await tenant.deleteFrom('search_keys').where('entity', '=', entity).where('entity_id', '=', entityId).execute();
  if (keys.length) await tenant.insertInto('search_keys', keys.map((key) => ({ entity, entity_id: entityId, key }))).execute();
}
