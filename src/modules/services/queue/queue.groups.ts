// The queue's vocabulary: service groups with their ticket letters, offices (the central
// one or a settlement's), ticket labels and the Yerevan day. Shared by every queue file.
import type { Translate } from '../../../platform/i18n/index.ts';
import { SERVICE_GROUPS, type ServiceGroup } from '../catalogue/spec.ts';

export { SERVICE_GROUPS, type ServiceGroup };

/** The letter printed before a ticket number, one per group, in the order of the Armenian alphabet. */
export const GROUP_LETTERS: Record<ServiceGroup, string> = {
  certificates: 'Ա',
  permits: 'Բ',
  land: 'Գ',
  social: 'Դ',
  notary: 'Ե',
  reception: 'Զ',
  requests: 'Է',
};

export function isGroup(v: unknown): v is ServiceGroup {
  return typeof v === 'string' && (SERVICE_GROUPS as readonly string[]).includes(v);
}

/** "Բ-007": the group's letter and the day's number, padded so numbers line up on the display. */
export function ticketLabel(group: ServiceGroup, number: number): string {
  return `${GROUP_LETTERS[group]}-${String(number).padStart(3, '0')}`;
}

export function groupName(t: Translate, group: string): string {
  return isGroup(group) ? t(`queue.group.${group}`) : group;
}

/** The groups a window calls, stored as a JSON array; unknown codes are dropped, order follows SERVICE_GROUPS. */
export function parseGroups(json: string): ServiceGroup[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return [];
  }
  const set = new Set(Array.isArray(list) ? list.filter(isGroup) : []);
  return SERVICE_GROUPS.filter((g) => set.has(g));
}

export function groupsJson(groups: readonly ServiceGroup[]): string {
  const set = new Set(groups);
  return JSON.stringify(SERVICE_GROUPS.filter((g) => set.has(g)));
}

/** An office: the central one (settlement id null) or a settlement's. `key` is how URLs and forms name it. */
export interface Office {
  key: string;
  settlementId: number | null;
  /** The settlement's name in the reader's language; null for the central office. */
  settlementName: string | null;
}

export const CENTRAL = 'central';

export function officeKey(settlementId: number | null): string {
  return settlementId === null ? CENTRAL : String(settlementId);
}

/** "central" → null, "12" → 12, anything else → undefined (not an office key). */
export function parseOfficeKey(key: string): number | null | undefined {
  if (key === CENTRAL) return null;
  return /^[1-9]\d{0,8}$/.test(key) ? Number(key) : undefined;
}

export function officeName(t: Translate, office: Pick<Office, 'settlementName'>): string {
  return office.settlementName === null ? t('queue.office.central') : t('queue.office.settlement', { name: office.settlementName });
}

/** The counter behind ticket numbers: per day, office and group, so each restarts at 1 every morning. */
export function ticketSequence(day: string, settlementId: number | null, group: ServiceGroup): string {
  return `ticket:${day}:${officeKey(settlementId)}:${group}`;
}

/** A settlement head serves only their settlements' offices; everyone else with the permission serves all. */
export function mayServeOffice(settlementIds: number[] | null, settlementId: number | null): boolean {
  return settlementIds === null || (settlementId !== null && settlementIds.includes(settlementId));
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Yerevan', hour: '2-digit', hour12: false });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Yerevan', hour: '2-digit', minute: '2-digit', hour12: false });

/** The Yerevan hour (0–23) of an ISO instant. */
export function yerevanHour(iso: string): number {
  return Number(hourFormat.format(new Date(iso))) % 24;
}

/** "14:05": the Yerevan wall time of an ISO instant. */
export function yerevanTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** Minutes between two ISO instants. */
export function minutesBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 60_000;
}
