// Rebuilding the stored search keys after the folding rules change (platform/search/fold.ts):
// the keys of every resident and organization are folded again from their names, and the
// ones that differ from what is stored (search_keys rows and the search_key column) are
// rewritten. Run by a migration, so an upgraded database never mixes old and new keys;
// batched by id, and a second run finds nothing to do.
import { sql } from 'kysely';
import { unscoped, type Executor } from '../../platform/db/tenant.ts';
import { organizationKeys, residentKeys, type ResidentNames } from './search-keys.ts';

type Entity = 'resident' | 'organization';

interface Row { id: number; community_id: number; search_key: string; keys: string[] }

const BATCH = 2000;

const sameKeys = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

async function rewrite(db: Executor, entity: Entity, table: 'residents' | 'organizations', rows: Row[]): Promise<number> {
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  const stored = new Map<number, string[]>();
  for (const k of await db.selectFrom('search_keys').select(['entity_id', 'key']).where('entity', '=', entity).where('entity_id', 'in', ids).execute()) {
    const list = stored.get(k.entity_id);
    if (list) list.push(k.key);
    else stored.set(k.entity_id, [k.key]);
  }
  const stale = rows.filter((r) => r.search_key !== r.keys.join(' ') || !sameKeys(stored.get(r.id) ?? [], r.keys));
  if (!stale.length) return 0;
  const staleIds = stale.map((r) => r.id);
  await db.deleteFrom('search_keys').where('entity', '=', entity).where('entity_id', 'in', staleIds).execute();
  const keyRows = stale.flatMap((r) => r.keys.map((key) => ({ community_id: r.community_id, entity, entity_id: r.id, key })));
  for (let i = 0; i < keyRows.length; i += 1000) await db.insertInto('search_keys').values(keyRows.slice(i, i + 1000)).execute();
  // One statement per batch for the joined column too.
  const cases = sql.join(stale.map((r) => sql`when ${r.id} then ${r.keys.join(' ')}`), sql` `);
  await sql`update ${sql.table(table)} set search_key = case id ${cases} end where id in (${sql.join(staleIds)})`.execute(db);
  return stale.length;
}

/** Folds every stored key again; returns how many residents and organizations changed. */
export async function refoldSearchKeys(executor: Executor): Promise<{ residents: number; organizations: number }> {
  const db = unscoped(executor, 'the search keys of every community are folded again after the folding rules changed');
  const done = { residents: 0, organizations: 0 };
  for (let after = 0; ;) {
    const rows = await db.selectFrom('residents')
      .select(['id', 'community_id', 'search_key', 'last_name', 'first_name', 'patronymic', 'last_name_latin', 'first_name_latin', 'patronymic_latin'])
      .where('id', '>', after).orderBy('id').limit(BATCH).execute();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    done.residents += await rewrite(db, 'resident', 'residents', rows.map((r) => ({ ...r, keys: residentKeys(r as ResidentNames) })));
  }
  for (let after = 0; ;) {
    const rows = await db.selectFrom('organizations').select(['id', 'community_id', 'search_key', 'name']).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    done.organizations += await rewrite(db, 'organization', 'organizations', rows.map((r) => ({ ...r, keys: organizationKeys(r.name) })));
  }
  return done;
}
