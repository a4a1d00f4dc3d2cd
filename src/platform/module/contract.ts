// The contract between the platform and a module (ARCHITECTURE "The module manifest"):
// what a module contributes (ModuleManifest and its parts) and the long-lived parts it is
// given in return (Services). One file, because each refers to the other: a manifest's
// jobs, publications and indicators take Services, and Services carries the manifests.
import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../db/connect.ts';
import type { MigrationSet } from '../db/migrations.ts';
import type { TenantDb } from '../db/tenant.ts';
import type { PermissionDef } from '../policy/roles.ts';
import type { Access, Actor, PermissionRegistry } from '../policy/access.ts';
import type { RouteDef } from '../http/route.ts';
import type { CommunityDirectory, DomainMap, TenantCommunity } from '../http/tenancy.ts';
import type { PageCache } from '../http/page-cache.ts';
import type { Mailer } from '../notify/mailer.ts';
import type { SmsGateway } from '../notify/sms.ts';
import type { AuditActor } from '../audit/audit.ts';
import type { Locale, MessageKey, Translate } from '../i18n/index.ts';
import type { Messages } from '../i18n/define.ts';

/** The long-lived parts a request, a job or a CLI command needs, built once per process. */
export interface Services {
  config: Config;
  db: Db;
  log: Logger;
  permissions: PermissionRegistry;
  mailer: Mailer;
  /** Replaceable: the demo points it at the in-process stand-in gateway. */
  sms: SmsGateway;
  domains: DomainMap;
  /** Communities by slug, through the module that owns them (cached for a second). */
  communities: CommunityDirectory;
  /** Public pages as anonymous visitors see them, for a few seconds. */
  pageCache: PageCache;
  modules: readonly ModuleManifest[];
  close(): Promise<void>;
}

/**
 * What a module's contributions are given when they run for a request: the request
 * context implements it (`Ctx`), and scripts can build one. Only what contributions need.
 */
export interface RequestScope {
  readonly services: Services;
  readonly actor: Actor | null;
  readonly locale: Locale;
  readonly t: Translate;
  requireCommunity(): TenantCommunity;
  tenant(): TenantDb;
  auditActor(): AuditActor;
}

export interface JobInfo {
  id: number;
  communityId: number | null;
  /** 1 on the first run. */
  attempt: number;
}

/** Runs one job. Throwing makes the runner retry with backoff until max_attempts. */
export type JobHandler = (services: Services, payload: unknown, job: JobInfo) => Promise<void>;

/** A job the runner enqueues itself every `everySeconds` (once across all processes). */
export interface Schedule {
  kind: string;
  everySeconds: number;
}

export interface NavEntry {
  /**
   * Where: the community back office, the national console, or the person's own account
   * page (pages about oneself across communities: one's applications, who saw one's record).
   */
  area: 'backoffice' | 'national' | 'account';
  /** Path under /{slug}/staff for backoffice entries, /national for national ones, /account for account ones. */
  path: string;
  label: MessageKey;
  access: Access;
  order: number;
  /**
   * The module's group in the back office, when it is not the module's own (`label` of the
   * group is the module's `title`). Entries of one group are shown together.
   */
  group?: string;
}

/** An audit action a module writes, with how people read it. */
export interface AuditEventType {
  /** The stored `action`, `module.what` (e.g. `case.register`). */
  action: string;
  label: MessageKey;
}

/**
 * A kind of thing audit events are about (`entity_type`), and how to name it for people:
 * the audit pages call `name` once per page for all ids shown (never a query per row).
 */
export interface AuditSubject {
  entityType: string;
  label: MessageKey;
  /** Human names for the ids (a case's registration number, a street's name). Personal data must not be returned. */
  name?(services: Services, communityId: number, ids: string[], locale: Locale): Promise<Map<string, string>>;
  /** Where the subject's own page is in the back office, if it has one. */
  href?(slug: string, id: string): string;
}

/** A system actor's stored label (`actor_label`) and its translation. */
export interface AuditActorName {
  label: string;
  name: MessageKey;
}

/** One thing a module publishes on the community's website (a service, a news item, a decision). */
export interface PublishedItem {
  /** Stable within its publication kind. */
  id: string;
  title: string;
  summary?: string;
  /** When it was published or last changed: a day `YYYY-MM-DD` or an ISO instant. */
  date: string;
  /** Its own public page, served by the module that publishes it (the detail view). */
  url: string;
  /** The language of `title` and `summary` (a missing translation falls back to Armenian). */
  language: Locale;
  attachments: { title: string; url: string; mediaType: string; bytes?: number }[];
}

/**
 * A section of the public website that a module fills from its own work (the seed: the
 * site is "generated in an automated manner due to the work of the subsystems"). The
 * website renders what `list` returns and never reaches into the module.
 */
export interface Publication {
  /** `module.what`, e.g. `services.catalogue`. */
  kind: string;
  label: MessageKey;
  /** The section's own public page, when the module serves one. */
  url?(community: TenantCommunity): string;
  /** Published items, most relevant first (for a catalogue: most used; for news: newest). Public data only. */
  list(services: Services, community: TenantCommunity, opts: { locale: Locale; limit: number }): Promise<PublishedItem[]>;
}

/** How an indicator's community figures combine into a regional or national one. */
export type IndicatorAggregation =
  | { kind: 'sum' }
  /** A mean of the community figures weighted by another indicator of the same period (e.g. on-time share by cases decided). */
  | { kind: 'weighted_mean'; weight: string }
  /** Not summable (a median): only shown per community, or as the median of communities, labelled so. */
  | { kind: 'not_summable' };

export interface IndicatorPeriod {
  /** First and last day, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

/** A named figure per community per period, computed by the module that owns the data. */
export interface Indicator {
  /** `module.what`, e.g. `services.cases_decided`. */
  key: string;
  label: MessageKey;
  unit: 'count' | 'percent' | 'days' | 'amd' | 'score';
  /** flow: counted over the period (cases decided); stock: the state at its end (residents). */
  measure: 'flow' | 'stock';
  aggregation: IndicatorAggregation;
  /** One of the community's key figures on the back-office dashboard. */
  keyFigure?: boolean;
  /** The figure, or null when there is nothing to measure (no case decided: no on-time share). */
  compute(services: Services, communityId: number, period: IndicatorPeriod): Promise<number | null>;
}

/** One hit of the back office's search box. */
export interface SearchHit {
  title: string;
  /** A second line: an identifier, an address, a state. */
  detail?: string;
  href: string;
}

/** A provider for the back office's one search box. */
export interface SearchProvider {
  key: string;
  /** The heading of its hits. */
  label: MessageKey;
  /** Who gets this provider's hits at all; the provider narrows further (a settlement head's settlements). */
  access: Access;
  /** Hits the actor may see; audits personal-data reads itself, naming each person returned. */
  search(scope: RequestScope, q: string, limit: number): Promise<SearchHit[]>;
}

/** A count of the actor's own work waiting in a module (cases mine, overdue, due soon). */
export interface WorkItem {
  label: MessageKey;
  count: number;
  href: string;
  /** `urgent` items (overdue) are shown first and marked in words, not by colour alone. */
  urgent?: boolean;
}

/**
 * What a module says the signed-in person has to do or follow here: staff on the back-office
 * dashboard, citizens on the community's home page (their applications, their taxes).
 */
export interface WorkProvider {
  key: string;
  audience: 'staff' | 'citizen';
  access: Access;
  /** Counts for the actor in the request's community; zero counts may be left out. */
  items(scope: RequestScope): Promise<WorkItem[]>;
}

/**
 * A column of the module's tables that holds the sha256 of a file in the platform's file
 * store (platform/files/store.ts). The daily sweep (platform/files/sweep.ts) deletes stored
 * files older than a day that no declared column refers to, so a module that keeps a
 * stored file's hash in a column it has not declared loses the file.
 */
export interface FileRef {
  table: string;
  column: string;
}

/** A module's own tables: a record with every table name of its table types, so none is forgotten. */
export type TableList<T> = { readonly [K in keyof T]: true };

export interface ModuleManifest {
  name: string;
  /** The module's name for people: its group in the back-office navigation. */
  title?: MessageKey;
  /** The module's hy/en/ru message catalogues; their keys are typed by the composition (types.ts beside the modules' index). */
  messages?: readonly Messages<string>[];
  /** The tables the module's migrations create. */
  tables?: Readonly<Record<string, true>>;
  /** Every column of its tables that holds a stored file's hash (see FileRef): the file sweep keeps those files. */
  fileRefs?: readonly FileRef[];
  routes?: RouteDef[];
  migrations?: MigrationSet;
  permissions?: PermissionDef[];
  nav?: NavEntry[];
  /** Background job handlers by kind (`kind` is `module.what`). */
  jobs?: Record<string, JobHandler>;
  /** Jobs the runner enqueues on a timer. */
  schedules?: Schedule[];
  /** What the community's public website shows from this module. */
  publications?: Publication[];
  /** Named figures per community per period, for dashboards and the national console. */
  indicators?: Indicator[];
  /** Providers for the back office's one search box. */
  search?: SearchProvider[];
  /** The staff member's own work in this module, shown first on the dashboard. */
  worklist?: WorkProvider[];
  /** The audit actions the module writes, the things they are about, its system actors. */
  auditEvents?: AuditEventType[];
  auditSubjects?: AuditSubject[];
  auditActors?: AuditActorName[];
  /** Parts the platform needs and one module implements (the communities module: tenancy). */
  provides?: { communities?: (db: Db) => CommunityDirectory };
  /** Adds `mmis` sub-commands. `open` connects to the configured database on demand. */
  cli?: (program: Command, open: () => Promise<Services>) => void;
}
