// Data access of the organizations register. A name search matches every folded word of
// the query as a prefix of a folded name word (search_keys), so any spelling finds it;
// results with exact word matches come first.
import { sql, type Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { foldWords } from '../../../platform/search/fold.ts';
import type { OrganizationsTable } from '../registry.table.ts';
import type { OrganizationListQuery } from './organizations.schemas.ts';

export const ORGANIZATION_PAGE_SIZE = 50;

export interface OrganizationRow extends Selectable<OrganizationsTable> {
  settlement_hy: string | null;
  settlement_en: string | null;
  settlement_ru: string | null;
  street_hy: string | null;
  number: string | null;
}

function base(tenant: TenantDb) {
  return tenant
    .selectFrom('organizations')
    .leftJoin('settlements', 'settlements.id', 'organizations.settlement_id')
    .leftJoin('addresses', 'addresses.id', 'organizations.address_id')
    .leftJoin('streets', 'streets.id', 'addresses.street_id');
}

const columns = [
  'settlements.name_hy as settlement_hy', 'settlements.name_en as settlement_en', 'settlements.name_ru as settlement_ru', 'streets.name_hy as street_hy', 'addresses.number',
] as const;

/** One page of the organizations list; the export asks for page 1 with its own (large) limit. */
export async function listOrganizations(tenant: TenantDb, f: OrganizationListQuery, page: number, limit = ORGANIZATION_PAGE_SIZE): Promise<{ rows: OrganizationRow[]; total: number }> {
  let q = base(tenant);
  if (f.legal_form) q = q.where('organizations.legal_form', '=', f.legal_form);
  if (f.status) q = q.where('organizations.status', '=', f.status);
  if (f.settlement) q = q.where('organizations.settlement_id', '=', f.settlement);
  let words: string[] = [];
  if (f.q && /^\d+$/.test(f.q)) {
    q = q.where('organizations.tax_id', 'like', `${f.q}%`);
  } else if (f.q) {
    words = foldWords(f.q).slice(0, 6);
    if (words.length === 0) q = q.where(sql.lit(false));
    for (const w of words) {
      const matches = tenant.selectFrom('search_keys').select('search_keys.entity_id').where('search_keys.entity', '=', 'organization').where('search_keys.key', 'like', `${w}%`);
      q = q.where('organizations.id', 'in', matches);
    }
  }
  let listed = q.selectAll('organizations').select([...columns]);
  if (words.length) {
    const exact = tenant
      .selectFrom('search_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('search_keys.entity', '=', 'organization')
      .where('search_keys.entity_id', '=', sql.ref<number>('organizations.id'))
      .where('search_keys.key', 'in', words);
    listed = listed.orderBy(sql`(${exact})`, 'desc');
  }
  const [rows, count] = await Promise.all([
    listed.orderBy('organizations.name').orderBy('organizations.id').limit(limit).offset((page - 1) * limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as OrganizationRow[], total: Number(count.n) };
}

export async function findOrganization(tenant: TenantDb, id: number): Promise<OrganizationRow | null> {
  const row = await base(tenant).selectAll('organizations').select([...columns]).where('organizations.id', '=', id).executeTakeFirst();
  return (row as OrganizationRow | undefined) ?? null;
}
