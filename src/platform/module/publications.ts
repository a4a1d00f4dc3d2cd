// Reading what the modules publish for a community's public website (manifest
// `publications`). The website and the interim home page render these and never reach
// into the publishing modules.
import type { TenantCommunity } from '../http/tenancy.ts';
import type { Locale } from '../i18n/index.ts';
import type { Publication, PublishedItem, Services } from './contract.ts';

export interface PublishedSection {
  publication: Publication;
  items: PublishedItem[];
}

/** Every publication of every module, in module order. Kinds are unique across modules. */
export function allPublications(services: Pick<Services, 'modules'>): Publication[] {
  return services.modules.flatMap((m) => m.publications ?? []);
}

/** The sections of a community, optionally only some kinds, each with at most `limit` items. */
export async function listPublications(
  services: Services,
  community: TenantCommunity,
  opts: { locale: Locale; limit: number; kinds?: readonly string[] },
): Promise<PublishedSection[]> {
  const wanted = opts.kinds ? allPublications(services).filter((p) => opts.kinds!.includes(p.kind)) : allPublications(services);
  return Promise.all(wanted.map(async (publication) => ({ publication, items: await publication.list(services, community, { locale: opts.locale, limit: opts.limit }) })));
}

/** Start-up check: two modules must not publish the same kind. */
export function assertUniquePublicationKinds(services: Pick<Services, 'modules'>): void {
  const seen = new Set<string>();
  for (const p of allPublications(services)) {
    if (seen.has(p.kind)) throw new Error(`Two publications are of kind ${p.kind}`);
    seen.add(p.kind);
  }
}
