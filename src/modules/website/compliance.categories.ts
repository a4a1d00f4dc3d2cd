// The legally required content of a community's website, as data with its legal reference
// (DOMAIN.md "Communities", DOMAIN-council.md §5). FOI Law ZR-11 Art. 7 lists what every
// information holder publishes at least once a year: that list was checked against its
// source [V], so those items ship 'verified' with a yearly interval. The item-by-item list of
// LSG Law Art. 11(5) was not retrieved [U], so the categories that rest on it, and every
// customary interval, ship 'to_check' and the pages show the mark.
//
// How a category is found, `source`:
// - page:        a published page or post the staff tagged with the category;
// - posts:       the site's own news, announcements or events of that kind;
// - publication: items some module publishes of one of these kinds (platform publications),
//                so the category turns green when the module that owns it (finance, council,
//                staff) lands and publishes — the website never names those modules;
// - community:   a field of the community's own settings (reception hours);
// - staff:       the staff directory (people holding roles in the community).
// A category may name several sources; any one present counts, the freshest date wins.
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { PostKind } from './website.table.ts';

export type ComplianceSource =
  | { kind: 'page' }
  | { kind: 'posts'; postKind: PostKind }
  | { kind: 'publication'; publicationKinds: readonly string[] }
  | { kind: 'community'; field: 'reception_hours' | 'contacts' }
  | { kind: 'staff' };

export interface ComplianceCategory {
  key: string;
  label: MessageKey;
  legalRef: string;
  /** 'verified' against the cited source, or 'to_check' (DOMAIN marks it [P] or [U]). */
  verification: 'verified' | 'to_check';
  /** Days after which the newest item is stale; null: being there is enough. */
  intervalDays: number | null;
  /** Whether the interval itself (not the category) is still to be checked. */
  intervalToCheck: boolean;
  sources: readonly ComplianceSource[];
}

const FOI = 'ՏԱՄՕ (ZR-11, 23.09.2003) հոդ. 7';
const LSG = 'ՏԻՄ մասին ՀՕ-337, հոդ. 11(5)';
const YEAR = 365;

export const COMPLIANCE_CATEGORIES: readonly ComplianceCategory[] = [
  { key: 'reception_hours', label: 'website.cat.reception_hours', legalRef: `${FOI}(8)`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'community', field: 'reception_hours' }, { kind: 'page' }] },
  { key: 'staff_contacts', label: 'website.cat.staff_contacts', legalRef: `${FOI}(4); ${LSG}`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'staff' }, { kind: 'page' }] },
  { key: 'info_officer', label: 'website.cat.info_officer', legalRef: `${FOI}(13)`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'page' }] },
  { key: 'services', label: 'website.cat.services', legalRef: `${FOI}(1)`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'publication', publicationKinds: ['services.catalogue'] }, { kind: 'page' }] },
  { key: 'request_forms', label: 'website.cat.request_forms', legalRef: `${FOI}(3)`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'page' }] },
  { key: 'request_statistics', label: 'website.cat.request_statistics', legalRef: `${FOI}(11)`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'publication', publicationKinds: ['services.performance', 'documents.foi_statistics'] }, { kind: 'page' }] },
  { key: 'information_list', label: 'website.cat.information_list', legalRef: `${FOI}(10), (12)`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'page' }] },
  { key: 'budget', label: 'website.cat.budget', legalRef: `${FOI}(2); ${LSG}`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'publication', publicationKinds: ['finance.budget'] }, { kind: 'page' }] },
  { key: 'budget_execution', label: 'website.cat.budget_execution', legalRef: LSG, verification: 'to_check', intervalDays: 92, intervalToCheck: true, sources: [{ kind: 'publication', publicationKinds: ['finance.budget', 'finance.budget_execution'] }, { kind: 'page' }] },
  { key: 'tariffs', label: 'website.cat.tariffs', legalRef: `${FOI}(9); ${LSG}`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'publication', publicationKinds: ['finance.rates', 'finance.local_duties'] }, { kind: 'page' }] },
  { key: 'vacancies', label: 'website.cat.vacancies', legalRef: `${FOI}(5); ${LSG}`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'publication', publicationKinds: ['staff.vacancies'] }, { kind: 'page' }] },
  { key: 'events_programme', label: 'website.cat.events_programme', legalRef: `${FOI}(7)`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'posts', postKind: 'event' }] },
  { key: 'council_decisions', label: 'website.cat.council_decisions', legalRef: LSG, verification: 'to_check', intervalDays: 92, intervalToCheck: true, sources: [{ kind: 'publication', publicationKinds: ['council.decisions'] }, { kind: 'page' }] },
  { key: 'draft_decisions', label: 'website.cat.draft_decisions', legalRef: LSG, verification: 'to_check', intervalDays: 92, intervalToCheck: true, sources: [{ kind: 'publication', publicationKinds: ['council.drafts'] }, { kind: 'page' }] },
  { key: 'session_agendas', label: 'website.cat.session_agendas', legalRef: `${LSG}; հոդ. 14.1–14.2 (Գյումրի, Վանաձոր)`, verification: 'to_check', intervalDays: 92, intervalToCheck: true, sources: [{ kind: 'publication', publicationKinds: ['council.sessions'] }, { kind: 'page' }] },
  { key: 'development_plan', label: 'website.cat.development_plan', legalRef: LSG, verification: 'to_check', intervalDays: YEAR, intervalToCheck: true, sources: [{ kind: 'publication', publicationKinds: ['council.development_plan'] }, { kind: 'page' }] },
  { key: 'procurement', label: 'website.cat.procurement', legalRef: 'DOMAIN.md; ' + LSG, verification: 'to_check', intervalDays: 92, intervalToCheck: true, sources: [{ kind: 'publication', publicationKinds: ['finance.procurement'] }, { kind: 'page' }] },
  { key: 'hearings', label: 'website.cat.hearings', legalRef: LSG, verification: 'to_check', intervalDays: 92, intervalToCheck: true, sources: [{ kind: 'posts', postKind: 'announcement' }, { kind: 'publication', publicationKinds: ['participation.discussions'] }] },
  { key: 'council', label: 'website.cat.council', legalRef: LSG, verification: 'to_check', intervalDays: YEAR, intervalToCheck: true, sources: [{ kind: 'publication', publicationKinds: ['council.members'] }, { kind: 'page' }] },
  { key: 'environment', label: 'website.cat.environment', legalRef: `${FOI}(6)`, verification: 'verified', intervalDays: YEAR, intervalToCheck: false, sources: [{ kind: 'page' }] },
];

export const CATEGORY_KEYS = COMPLIANCE_CATEGORIES.map((c) => c.key);
export const categoryByKey = (key: string) => COMPLIANCE_CATEGORIES.find((c) => c.key === key);
