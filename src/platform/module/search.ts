// The back office's one search box: every module's search providers (manifest `search`)
// that the actor may use, asked in parallel. Each provider narrows to what the actor may
// see and audits the personal data it returns.
import { decide } from '../policy/access.ts';
import type { RequestScope, SearchHit, SearchProvider } from './contract.ts';

export interface SearchSection {
  provider: SearchProvider;
  hits: SearchHit[];
}

/** Providers the actor may use in this community, in module order. */
export function allowedSearchProviders(scope: Pick<RequestScope, 'services' | 'actor'>): SearchProvider[] {
  const { services } = scope;
  return services.modules
    .flatMap((m) => m.search ?? [])
    .filter((p) => decide(p.access, scope.actor, services.permissions) === 'allow');
}

/** The longest query the box takes; longer ones are cut, not refused. */
export const MAX_QUERY_LENGTH = 100;

/** Sections with hits, each with at most `limit`; an empty query asks nobody. */
export async function searchEverywhere(scope: RequestScope, q: string, limit = 10): Promise<SearchSection[]> {
  const query = q.replace(/\p{C}/gu, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  if (!query) return [];
  const providers = allowedSearchProviders(scope);
  const sections = await Promise.all(providers.map(async (provider) => ({ provider, hits: await provider.search(scope, query, limit) })));
  return sections.filter((s) => s.hits.length > 0);
}
