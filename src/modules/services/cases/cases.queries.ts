// Data access of the staff inbox. It must stay fast with 100,000 cases in a community
// (target p95 ≤ 50 ms for the page), so every view is a condition the cases indexes
// answer: states are listed positively (IN, never NOT IN) so (community_id, state,
// due_date) can seek; a page is chosen from index columns only (ids), then its 25 rows
// are read; the tab counts come from one grouped scan of that index plus two seeks.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Executor, TenantDb } from '../../../platform/db/tenant.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { AT_RISK_WORKING_DAYS, workingDaysAhead } from './case-clock.ts';
import { CLOCK_STOPPED } from './case-escalation.ts';
import { parseStoredSpec, type Localized, type ServiceSpec } from '../catalogue/spec.ts';
import { INBOX_PAGE_SIZE, INBOX_VIEWS, type InboxFilters, type InboxView } from './cases.schemas.ts';

/** A settlement head's settlements; null: the whole community. */
export type CaseScope = readonly number[] | null;

export interface CatalogueEntry {
  id: number;
  code: string;
  status: 'draft' | 'published' | 'archived';
  versionId: number | null;
  spec: ServiceSpec | null;
}

/** The community's services with every version's spec parsed, and the state keys they use. */
export interface CaseCatalogue {
  services: CatalogueEntry[];
  specs: Map<number, ServiceSpec>;
  /** Every state key of every version (cases keep old versions), with a label. */
  states: Map<string, Localized>;
  finals: string[];
}

// Versions are immutable, so parsed specs are reused until the list of versions changes;
// the signature includes creation times so a recreated database never matches by accident.
const parsed = new Map<number, { sig: string; specs: Map<number, ServiceSpec> }>();

export async function caseCatalogue(tenant: TenantDb): Promise<CaseCatalogue> {
  const defs = await tenant.selectFrom('service_definitions').select(['id', 'code', 'status', 'current_version_id']).orderBy('sort_order').orderBy('id').execute();
  const versions = await tenant.selectFrom('service_versions').select(['id', 'created_at']).orderBy('id').execute();
  const sig = versions.map((v) => `${v.id}@${v.created_at}`).join(',');
  let hit = parsed.get(tenant.communityId);
  if (!hit || hit.sig !== sig) {
    const rows = await tenant.selectFrom('service_versions').select(['id', 'spec']).execute();
    hit = { sig, specs: new Map(rows.map((r) => [r.id, parseStoredSpec(r.spec)])) };
    parsed.set(tenant.communityId, hit);
  }
  const specs = hit.specs;
  const states = new Map<string, Localized>();
  const finals = new Set<string>();
  for (const spec of specs.values()) {
    for (const s of spec.workflow.states) {
      if (!states.has(s.key)) states.set(s.key, s.label);
      if (s.final) finals.add(s.key);
    }
  }
  const services = defs.map((d) => ({
    id: d.id, code: d.code, status: d.status, versionId: d.current_version_id,
    spec: d.current_version_id === null ? null : (specs.get(d.current_version_id) ?? null),
  }));
  return { services, specs, states, finals: [...finals] };
}

/** Published services taking applications through `channel`. */
export function servicesOffered(cat: CaseCatalogue, channel: 'office' | 'online'): (CatalogueEntry & { spec: ServiceSpec })[] {
  return cat.services.filter((s): s is CatalogueEntry & { spec: ServiceSpec } =>
    s.status === 'published' && s.spec !== null && (s.spec.channels === 'both' || s.spec.channels === channel));
}

export interface InboxDates {
  today: string;
  /** Open cases due on or before this day (and not yet overdue) are at risk. */
  atRiskUntil: string;
}

export async function inboxDates(db: Executor, today: string = todayInYerevan()): Promise<InboxDates> {
  return { today, atRiskUntil: await workingDaysAhead(db, today, AT_RISK_WORKING_DAYS) };
}

interface StateSets {
  open: string[];
  running: string[];
  finals: string[];
}

// An empty IN list is not SQL; a key no state can have stands in for "none".
const some = (list: string[]) => (list.length ? list : ['-']);

function stateSets(cat: CaseCatalogue): StateSets {
  const stopped = new Set<string>([...CLOCK_STOPPED, ...cat.finals]);
  const open = [...cat.states.keys()].filter((s) => s !== 'draft' && !cat.finals.includes(s));
  return { open: some(open), running: some(open.filter((s) => !stopped.has(s))), finals: some(cat.finals) };
}

type CasesEb = ExpressionBuilder<Database, 'cases'>;

/** The states a view lists; null: every state but draft. */
function viewStates(view: InboxView, s: StateSets): string[] | null {
  switch (view) {
    case 'mine': case 'open': return s.open;
    case 'unassigned': return ['registered'];
    case 'overdue': case 'at_risk': return s.running;
    case 'submitted': return ['submitted'];
    case 'closed': return s.finals;
    case 'all': return null;
  }
}

/**
 * The states a filtered list reads: the view's, narrowed by the state filter (a state
 * outside the view matches nothing). One state is an equality, which lets the
 * (community_id, state, due_date) index keep the deadline order.
 */
function statesOf(f: InboxFilters, sets: StateSets): string[] | null {
  const states = viewStates(f.view, sets);
  if (!f.state) return states;
  if (states === null) return f.state === 'draft' ? ['-'] : [f.state];
  return states.includes(f.state) ? [f.state] : ['-'];
}

/** What a view asks besides the state. */
function viewExtra(eb: CasesEb, view: InboxView, d: InboxDates, userId: number | null) {
  switch (view) {
    case 'mine': return [eb('cases.assignee_user_id', '=', userId ?? -1)];
    case 'unassigned': return [eb('cases.assignee_user_id', 'is', null)];
    case 'overdue': return [eb('cases.due_date', '<', d.today)];
    case 'at_risk': return [eb('cases.due_date', '>=', d.today), eb('cases.due_date', '<=', d.atRiskUntil)];
    default: return [];
  }
}

/**
 * Names are compared as typed, lower-case and Capitalised: LIKE is case-sensitive on
 * PostgreSQL and folds ASCII only on SQLite, so this gives the same answers on both.
 * Wildcard characters typed by the person are dropped rather than escaped.
 */
function nameVariants(q: string): string[] {
  const clean = q.replace(/[%_\\]/g, ' ').replace(/\s+/g, ' ').trim();
  const cap = clean.split(' ').map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1).toLocaleLowerCase()).join(' ');
  return [...new Set([clean, clean.toLocaleLowerCase(), cap])].map((v) => `%${v}%`);
}

function searchCondition(eb: CasesEb, q: string, thisYear: number) {
  const number = /^(\d{4})\/(\d{1,6})$/.exec(q);
  if (number) return eb.and([eb('cases.reg_year', '=', Number(number[1])), eb('cases.reg_seq', '=', Number(number[2]))]);
  // A bare sequence number: this year's and the nine before (each a seek on (reg_year, reg_seq)).
  if (/^\d{1,6}$/.test(q)) {
    const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
    return eb.and([eb('cases.reg_year', 'in', years), eb('cases.reg_seq', '=', Number(q))]);
  }
  if (/^\d{10}$/.test(q)) return eb('cases.applicant_psn', '=', q);
  if (/^\d{8}$/.test(q)) return eb('cases.applicant_tax_id', '=', q);
  return eb.or(nameVariants(q).map((p) => eb('cases.applicant_name', 'like', p)));
}

/** The cases of a view and its filters; `only` narrows it to one of its states. */
function filtered(tenant: TenantDb, scope: CaseScope, cat: CaseCatalogue, f: InboxFilters, d: InboxDates, only?: string) {
  const states = only ? [only] : statesOf(f, stateSets(cat));
  let q = tenant.selectFrom('cases').where((eb) => eb.and([
    states === null ? eb('cases.state', '<>', 'draft') : states.length === 1 ? eb('cases.state', '=', states[0]!) : eb('cases.state', 'in', states),
    ...viewExtra(eb, f.view, d, f.userId),
  ]));
  if (scope) q = q.where('cases.settlement_id', 'in', scope.length ? [...scope] : [-1]);
  if (f.serviceId) q = q.where('cases.service_id', '=', f.serviceId);
  if (f.q) {
    const search = f.q;
    q = q.where((eb) => searchCondition(eb, search, Number(d.today.slice(0, 4))));
  }
  return q;
}

export type InboxCounts = Record<InboxView, number>;

/**
 * Counts stop at this many: "1 000+" says enough about a queue, and a count that stops
 * early reads at most this many index entries however many cases the community has.
 */
export const COUNT_CAP = 1000;

type Filtered = ReturnType<typeof filtered>;

/**
 * Counts of several filtered queries in one statement, each stopping at COUNT_CAP + 1:
 * scalar subqueries over LIMITed selections, read from one row of the community's cases
 * (no row: the community has no cases, every count is 0).
 */
async function cappedCounts<K extends string>(tenant: TenantDb, queries: Record<K, Filtered>): Promise<Record<K, number>> {
  const keys = Object.keys(queries) as K[];
  const row = await tenant.selectFrom('cases')
    .select((eb) => keys.map((k) => eb.selectFrom(queries[k].select(sql.lit(1).as('one')).limit(COUNT_CAP + 1).as('capped'))
      .select((e) => e.fn.countAll<number>().as('n')).as(k)))
    .limit(1)
    .executeTakeFirst() as Record<K, number | string | null> | undefined;
  return Object.fromEntries(keys.map((k) => [k, Number(row?.[k] ?? 0)])) as Record<K, number>;
}

/** How many cases each tab holds, up to COUNT_CAP + 1 (scope applies; the other filters do not). */
export async function inboxCounts(tenant: TenantDb, scope: CaseScope, cat: CaseCatalogue, d: InboxDates, userId: number | null): Promise<InboxCounts> {
  const queries = Object.fromEntries(INBOX_VIEWS.map((view) => [view, filtered(tenant, scope, cat, { view, page: 1, userId }, d)])) as Record<InboxView, Filtered>;
  return cappedCounts(tenant, queries);
}

export interface InboxItem {
  id: number;
  reg_number: string | null;
  service_id: number;
  service_version_id: number;
  state: string;
  applicant_name: string;
  assignee_user_id: number | null;
  assignee_name: string | null;
  department: string | null;
  due_date: string | null;
  paused_at: string | null;
  updated_at: string;
  /** From the case's own version: the service name and the state label. */
  serviceName: Localized;
  stateLabel: Localized;
  overdue: boolean;
  atRisk: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  /** Up to COUNT_CAP + 1: more than COUNT_CAP means "over COUNT_CAP", and only that many are paged. */
  total: number;
  page: number;
  pages: number;
  counts: InboxCounts;
  catalogue: CaseCatalogue;
}

/**
 * The rows of a page, each looked up by primary key: one SELECT per id joined by UNION ALL
 * (one statement, one round trip). An IN list would do on PostgreSQL, but SQLite without
 * statistics estimates that the community_id predicate the tenant handle adds is narrower
 * than 25 ids and scans a community index instead.
 */
async function pageRows(tenant: TenantDb, ids: number[]) {
  const one = (id: number) => tenant.selectFrom('cases')
    .leftJoin('users', 'users.id', 'cases.assignee_user_id')
    .select([
      'cases.id', 'cases.reg_number', 'cases.service_id', 'cases.service_version_id', 'cases.state', 'cases.applicant_name', 'cases.assignee_user_id',
      'users.full_name as assignee_name', 'cases.department', 'cases.due_date', 'cases.paused_at', 'cases.updated_at',
    ])
    .where('cases.id', '=', id);
  if (ids.length === 0) return [];
  return ids.slice(1).reduce((q, id) => q.unionAll(one(id)), one(ids[0]!)).execute();
}

/**
 * One page of a view by deadline, soonest first (no deadline last, on both engines). Each
 * state is read in the order (community_id, state, due_date) already keeps, up to the end
 * of the page, and the lists are merged here: sorting every open case (tens of thousands)
 * to show 25 is what this avoids.
 */
async function byDeadline(tenant: TenantDb, scope: CaseScope, cat: CaseCatalogue, f: InboxFilters, d: InboxDates, offset: number): Promise<number[]> {
  const states = statesOf(f, stateSets(cat)) ?? [];
  const need = offset + INBOX_PAGE_SIZE;
  const lists = [];
  for (const state of states) {
    lists.push(await filtered(tenant, scope, cat, f, d, state)
      .select(['cases.id', 'cases.due_date']).orderBy('cases.due_date').orderBy('cases.id').limit(need).execute());
  }
  const key = (r: { due_date: string | null }) => r.due_date ?? '9999-12-31';
  return lists.flat()
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id))
    .slice(offset, need)
    .map((r) => r.id);
}

/** Pages of at most COUNT_CAP cases: beyond that, the list asks to be narrowed. */
const pageCount = (total: number) => Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / INBOX_PAGE_SIZE));

function sortOf(view: InboxView): 'deadline' | 'recent' {
  return view === 'closed' || view === 'all' ? 'recent' : 'deadline';
}

/**
 * One page of the inbox. `dates` come from inboxDates() (today and the at-risk horizon on
 * the working-day calendar). Exported for the inbox benchmark (bench/services-inbox.ts).
 */
export async function listInbox(tenant: TenantDb, scope: CaseScope, f: InboxFilters, dates: InboxDates): Promise<InboxPage> {
  const catalogue = await caseCatalogue(tenant);
  const counts = await inboxCounts(tenant, scope, catalogue, dates, f.userId);
  const ids = filtered(tenant, scope, catalogue, f, dates).select('cases.id');
  let total: number;
  let chosen: number[];
  if (f.q) {
    // A search finds few cases and may have to read every row (a name): one pass takes the
    // matches (up to the cap) sorted by an expression, which keeps the planner on the
    // search's own index instead of the one that would give the order; the page is a slice.
    const found = (await ids.orderBy(sql`coalesce(cases.updated_at, '')`, 'desc').orderBy('cases.id', 'desc').limit(COUNT_CAP + 1).execute()).map((r) => r.id);
    total = found.length;
    const page = Math.min(f.page, pageCount(total));
    chosen = found.slice((page - 1) * INBOX_PAGE_SIZE, page * INBOX_PAGE_SIZE);
  } else {
    total = f.serviceId || f.state ? (await cappedCounts(tenant, { n: filtered(tenant, scope, catalogue, f, dates) })).n : counts[f.view];
    const offset = (Math.min(f.page, pageCount(total)) - 1) * INBOX_PAGE_SIZE;
    if (sortOf(f.view) === 'recent') {
      chosen = (await ids.orderBy('cases.updated_at', 'desc').orderBy('cases.id', 'desc').limit(INBOX_PAGE_SIZE).offset(offset).execute()).map((r) => r.id);
    } else if (f.view === 'mine') {
      // One person's cases are few: found by (community_id, assignee_user_id, state) and sorted
      // (by an expression, so no index that merely gives the order is walked instead).
      chosen = (await ids.orderBy(sql`coalesce(cases.due_date, '9999-12-31')`).orderBy('cases.id').limit(INBOX_PAGE_SIZE).offset(offset).execute()).map((r) => r.id);
    } else {
      chosen = await byDeadline(tenant, scope, catalogue, f, dates, offset);
    }
  }
  const pages = pageCount(total);
  const page = Math.min(f.page, pages);
  const rows = await pageRows(tenant, chosen);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sets = stateSets(catalogue);
  const items = chosen.map((id) => byId.get(id)!).filter(Boolean).map((r) => {
    const spec = catalogue.specs.get(r.service_version_id);
    const running = sets.running.includes(r.state);
    return {
      ...r,
      serviceName: spec?.name ?? { hy: `#${r.service_id}`, en: '', ru: '' },
      stateLabel: spec?.workflow.states.find((s) => s.key === r.state)?.label ?? catalogue.states.get(r.state) ?? { hy: r.state, en: '', ru: '' },
      overdue: running && r.due_date !== null && r.due_date < dates.today,
      atRisk: running && r.due_date !== null && r.due_date >= dates.today && r.due_date <= dates.atRiskUntil,
    };
  });
  return { items, total, page, pages, counts, catalogue };
}

/** Cases found by number, applicant name, PSN or tax ID, most recently changed first (the search box). */
export async function searchCaseRows(tenant: TenantDb, scope: CaseScope, q: string, limit: number, dates: InboxDates) {
  const catalogue = await caseCatalogue(tenant);
  const ids = (await filtered(tenant, scope, catalogue, { view: 'all', page: 1, userId: null, q }, dates)
    .select('cases.id')
    .orderBy(sql`coalesce(cases.updated_at, '')`, 'desc')
    .orderBy('cases.id', 'desc')
    .limit(limit)
    .execute()).map((r) => r.id);
  const rows = await pageRows(tenant, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { catalogue, rows: ids.map((id) => byId.get(id)!).filter(Boolean) };
}
