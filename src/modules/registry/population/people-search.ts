// One search box for people: a query string → tokens. A 10-digit token is a public service
// number (exact); every other token is folded (platform/search/fold.ts) and matched by
// prefix against search_keys, an index range scan (key >= t AND key < t || '{'); a
// resident must match every token. When no name matches, the tokens are tried against the
// address (street and settlement names, house number). Ranked: an exact Armenian or Latin
// spelling first, then a whole-word key match, then a prefix match.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { foldWord } from '../../../platform/search/fold.ts';
import { stripControls } from '../../../platform/http/controls.ts';
import { RESIDENT_COLUMNS, applyFilters, listResidents, residentsBase, type ListFilters, type Scope } from './residents.queries.ts';

export interface SearchToken {
  raw: string;
  psn: string | null;
  key: string;
}

export function tokenize(q: string): SearchToken[] {
  const out: SearchToken[] = [];
  for (const raw of stripControls(q).split(/[\s,;]+/).filter(Boolean).slice(0, 8)) {
    if (/^\d{10}$/.test(raw)) out.push({ raw, psn: raw, key: '' });
    else {
      const key = foldWord(raw);
      if (key) out.push({ raw: raw.slice(0, 60), psn: null, key: key.slice(0, 60) });
      else if (/\d/.test(raw)) out.push({ raw: raw.slice(0, 20), psn: null, key: '' });
    }
  }
  return out;
}

export interface SearchOptions {
  filters?: ListFilters;
  today: string;
  limit: number;
  offset: number;
}

type Base = ReturnType<typeof residentsBase>;

function nameMatch(tenant: TenantDb, tokens: SearchToken[]) {
  return (q: Base): Base => {
    let out = q;
    for (const t of tokens) {
      if (t.psn) out = out.where('residents.public_service_number', '=', t.psn);
      else if (t.key) {
        const sub = tenant
          .selectFrom('search_keys')
          .select('search_keys.entity_id')
          .where('search_keys.entity', '=', 'resident')
          .where('search_keys.key', '>=', t.key)
          .where('search_keys.key', '<', `${t.key}{`);
        out = out.where('residents.id', 'in', sub);
      } else out = out.where(sql<SqlBool>`1 = 0`);
    }
    return out;
  };
}

function addressMatch(tokens: SearchToken[]) {
  return (q: Base): Base => {
    let out = q;
    for (const t of tokens) {
      if (t.psn) return out.where(sql<SqlBool>`1 = 0`);
      // SQLite's lower() folds ASCII only: match the text as typed and lower-cased.
      const clean = t.raw.replace(/[%_\\]/g, '');
      const likes = [...new Set([`%${clean}%`, `%${clean.toLowerCase()}%`])];
      const cols = ['streets.name_hy', 'streets.name_en', 'streets.name_ru', 'settlements.name_hy', 'settlements.name_en', 'settlements.name_ru'] as const;
      out = out.where((eb) =>
        eb.or([
          ...cols.flatMap((c) => likes.flatMap((like) => [eb(c, 'like', like), eb(eb.fn('lower', [c]), 'like', like)])),
          eb('addresses.number', '=', t.raw),
        ]),
      );
    }
    return out;
  };
}

/** 0 per token spelled exactly as stored, 1 for a whole folded word, 2 for a prefix. */
function rankOf(tenant: TenantDb, tokens: SearchToken[]): Expression<number> | null {
  const parts = tokens.filter((t) => t.key).map((t) => {
    const lower = t.raw.toLowerCase();
    const exact = tenant
      .selectFrom('search_keys')
      .select(sql`1`.as('one'))
      .where('search_keys.entity', '=', 'resident')
      .where('search_keys.key', '=', t.key)
      .where(sql<SqlBool>`search_keys.entity_id = residents.id`);
    return sql<number>`case
      when residents.last_name = ${t.raw} or residents.first_name = ${t.raw} or residents.patronymic = ${t.raw}
        or lower(residents.last_name_latin) = ${lower} or lower(residents.first_name_latin) = ${lower} then 0
      when exists ${exact} then 1 else 2 end`;
  });
  return parts.length ? sql<number>`(${sql.join(parts, sql` + `)})` : null;
}

export async function searchResidents(tenant: TenantDb, scope: Scope, q: string, opts: SearchOptions) {
  const tokens = tokenize(q);
  if (!tokens.length) return { rows: [], total: 0, by: 'none' as const };
  const filtered = applyFilters(residentsBase(tenant, scope), opts.filters ?? {}, opts.today);
  const run = async (match: (q: Base) => Base, ranked: boolean) => {
    const base = match(filtered);
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const total = Number(count.n);
    if (total === 0) return { rows: [], total };
    let list = base.select(RESIDENT_COLUMNS);
    const rank = ranked ? rankOf(tenant, tokens) : null;
    if (rank) list = list.orderBy(rank);
    const rows = await list.orderBy('residents.last_name').orderBy('residents.first_name').orderBy('residents.id').limit(opts.limit).offset(opts.offset).execute();
    return { rows, total };
  };
  const byName = await run(nameMatch(tenant, tokens), true);
  if (byName.total > 0) return { ...byName, by: 'name' as const };
  return { ...(await run(addressMatch(tokens), false)), by: 'address' as const };
}

/** Control characters (NUL among them, which PostgreSQL refuses in text) are never part of a name. */
export const cleanQuery = (q: string | undefined) => (q === undefined ? undefined : stripControls(q).trim() || undefined);

/**
 * What the residents list shows for these filters, in its order: a ranked search when q is
 * given, else the list by name. The list page and its CSV/XLSX export both read through here.
 */
export async function findResidents(tenant: TenantDb, scope: Scope, f: ListFilters & { q?: string | undefined }, today: string, limit: number, offset: number) {
  const q = cleanQuery(f.q);
  if (q) return { ...(await searchResidents(tenant, scope, q, { filters: f, today, limit, offset })), q };
  return { ...(await listResidents(tenant, scope, f, today, limit, offset)), by: 'list' as const, q };
}
