// The legal-compliance check: for each required category (compliance.categories.ts), is it on
// the site, how fresh is its newest item against the category's interval, and where to fix
// it. Categories other modules own are checked through their publications, so a category
// turns green the day its module publishes fresh items; the website never asks the module.
import type { Services } from '../../platform/module/contract.ts';
import type { TenantCommunity } from '../../platform/http/tenancy.ts';
import { TenantDb } from '../../platform/db/tenant.ts';
import { listPublications } from '../../platform/module/publications.ts';
import { COMPLIANCE_CATEGORIES, type ComplianceCategory } from './compliance.categories.ts';
import { allVisible } from './posts.queries.ts';

export type ComplianceStatus = 'fresh' | 'stale' | 'missing';

export interface ComplianceRow {
  category: ComplianceCategory;
  status: ComplianceStatus;
  /** The newest item's date (ISO instant or day), when there is one. */
  latest: string | null;
  /** What was found: 'page', 'posts', 'community', 'staff' or a publication kind. */
  foundIn: string[];
  /** Publication kinds that would satisfy it once their module publishes. */
  awaiting: string[];
}

const DAY_MS = 86_400_000;
/** How many items of each publication the check reads: enough to find the newest. */
const ITEMS_READ = 50;

function newer(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return new Date(a).getTime() >= new Date(b).getTime() ? a : b;
}

export async function checkCompliance(services: Services, community: TenantCommunity, now = new Date()): Promise<ComplianceRow[]> {
  const tenant = new TenantDb(services.db.kysely, community.id);
  const kinds = [...new Set(COMPLIANCE_CATEGORIES.flatMap((c) => c.sources.flatMap((s) => (s.kind === 'publication' ? s.publicationKinds : []))))];
  const [posts, sections, staff] = await Promise.all([
    allVisible(tenant, now),
    listPublications(services, community, { locale: 'hy', limit: ITEMS_READ, kinds }),
    tenant.selectFrom('role_assignments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const published = new Map(sections.map((s) => [s.publication.kind, s.items]));
  return COMPLIANCE_CATEGORIES.map((category) => {
    let latest: string | null = null;
    const foundIn: string[] = [];
    const awaiting: string[] = [];
    for (const source of category.sources) {
      let date: string | null = null;
      if (source.kind === 'page') {
        for (const p of posts.filter((p) => p.category === category.key)) date = newer(date, p.updated_at);
        if (date) foundIn.push('page');
      } else if (source.kind === 'posts') {
        for (const p of posts.filter((p) => p.kind === source.postKind)) date = newer(date, p.publish_at);
        if (date) foundIn.push('posts');
      } else if (source.kind === 'community') {
        const value = source.field === 'reception_hours' ? community.reception_hours_hy : community.phone ?? community.email;
        // The settings carry no date of their own: the community's last edit stands for it.
        if (value?.trim()) {
          date = community.updated_at;
          foundIn.push('community');
        }
      } else if (source.kind === 'staff') {
        // The directory is generated from the role assignments as they are now.
        if (Number(staff.n) > 0) {
          date = now.toISOString();
          foundIn.push('staff');
        }
      } else {
        for (const kind of source.publicationKinds) {
          const items = published.get(kind);
          if (!items) {
            awaiting.push(kind);
            continue;
          }
          let d: string | null = null;
          for (const item of items) d = newer(d, item.date);
          if (d) {
            foundIn.push(kind);
            date = newer(date, d);
          }
        }
      }
      latest = newer(latest, date);
    }
    const status: ComplianceStatus = !latest
      ? 'missing'
      : category.intervalDays !== null && now.getTime() - new Date(latest).getTime() > category.intervalDays * DAY_MS ? 'stale' : 'fresh';
    return { category, status, latest, foundIn, awaiting };
  });
}

export interface CommunityCompliance {
  community: TenantCommunity;
  rows: ComplianceRow[];
}

/** Counts per status, for the national summary. */
export function tally(rows: ComplianceRow[]): Record<ComplianceStatus, number> {
  const out = { fresh: 0, stale: 0, missing: 0 };
  for (const r of rows) out[r.status] += 1;
  return out;
}
