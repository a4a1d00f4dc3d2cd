// How people read audit events: each action, subject type and system actor in the
// reader's language, from what the modules declare in their manifests (auditEvents,
// auditSubjects, auditActors), and subjects named as people know them (a case's
// registration number, not its row id), looked up once per page for all ids shown.
import type { Messages } from '../i18n/define.ts';
import type { Locale, MessageKey, Translate } from '../i18n/index.ts';
import type { AuditActorName, AuditEventType, AuditSubject, Services } from '../module/contract.ts';

const ACTION_PREFIX = 'audit.action.';
const SUBJECT_PREFIX = 'audit.subject.';

/**
 * The audit actions of a module from its audit messages: every key `audit.action.<action>`
 * names one action. One list, so an action cannot be declared without its label.
 */
export function auditEventTypes(part: Messages<string>): AuditEventType[] {
  return Object.keys(part.hy)
    .filter((k) => k.startsWith(ACTION_PREFIX))
    .map((k) => ({ action: k.slice(ACTION_PREFIX.length), label: k as MessageKey }));
}

/** The subject types of a module from its audit messages (`audit.subject.<entity_type>`), with names and links by type. */
export function auditSubjects(part: Messages<string>, extra: Record<string, Pick<AuditSubject, 'name' | 'href'>> = {}): AuditSubject[] {
  return Object.keys(part.hy)
    .filter((k) => k.startsWith(SUBJECT_PREFIX))
    .map((k) => {
      const entityType = k.slice(SUBJECT_PREFIX.length);
      return { entityType, label: k as MessageKey, ...(extra[entityType] ?? {}) };
    });
}

/** The platform's own actor labels: written by platform code, translated here. */
const PLATFORM_ACTORS: AuditActorName[] = [
  { label: 'system', name: 'audit.actor.system' },
  { label: 'anonymous', name: 'audit.actor.anonymous' },
  { label: 'demo seed', name: 'audit.actor.demo' },
];

export interface AuditDictionary {
  actions: Map<string, MessageKey>;
  subjects: Map<string, AuditSubject>;
  actors: Map<string, MessageKey>;
}

const dictionaries = new WeakMap<object, AuditDictionary>();

/** Everything the modules declare, indexed once per set of modules. */
export function auditDictionary(services: Pick<Services, 'modules'>): AuditDictionary {
  let d = dictionaries.get(services.modules);
  if (!d) {
    const modules = services.modules;
    d = {
      actions: new Map(modules.flatMap((m) => m.auditEvents ?? []).map((e) => [e.action, e.label])),
      subjects: new Map(modules.flatMap((m) => m.auditSubjects ?? []).map((s) => [s.entityType, s])),
      actors: new Map([...PLATFORM_ACTORS, ...modules.flatMap((m) => m.auditActors ?? [])].map((a) => [a.label, a.name])),
    };
    dictionaries.set(services.modules, d);
  }
  return d;
}

export function actionLabel(d: AuditDictionary, t: Translate, action: string): string {
  const key = d.actions.get(action);
  return key ? t(key) : action;
}

export function subjectLabel(d: AuditDictionary, t: Translate, entityType: string): string {
  const s = d.subjects.get(entityType);
  return s ? t(s.label) : entityType;
}

/** A stored actor label for people: system actors translated, `cli:<user>` as the command line, people as written. */
export function actorLabel(d: AuditDictionary, t: Translate, label: string): string {
  const key = d.actors.get(label);
  if (key) return t(key);
  const cli = /^cli:(.+)$/.exec(label);
  if (cli) return t('audit.actor.cli', { user: cli[1]! });
  const api = /^(.*) \(API\)$/.exec(label);
  return api ? `${api[1]} (${t('audit.actor.api')})` : label;
}

export interface NamedSubject {
  name: string | null;
  href: string | null;
}

/** Names and links of the subjects of a page of events, one lookup per subject type. */
export async function nameSubjects(
  services: Services,
  d: AuditDictionary,
  communityId: number,
  slug: string,
  locale: Locale,
  rows: readonly { entity_type: string; entity_id: string | null }[],
): Promise<Map<string, NamedSubject>> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.entity_id === null) continue;
    const set = idsByType.get(r.entity_type) ?? new Set<string>();
    set.add(r.entity_id);
    idsByType.set(r.entity_type, set);
  }
  const out = new Map<string, NamedSubject>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const subject = d.subjects.get(type);
      const names = subject?.name ? await subject.name(services, communityId, [...ids], locale) : new Map<string, string>();
      for (const id of ids) {
        out.set(`${type}:${id}`, { name: names.get(id) ?? null, href: subject?.href ? subject.href(slug, id) : null });
      }
    }),
  );
  return out;
}
