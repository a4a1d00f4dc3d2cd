// The Citizen Office queue demo: service windows in Sisian (central office and the
// Angeghakot village office) and Jermuk, the last fourteen working days of the national
// calendar with served tickets (none on a holiday) so the office statistics have figures,
// and a few visitors waiting today. Deterministic: a seeded PRNG decides arrivals,
// groups, no-shows and service times.
//
// Today's waiting tickets at Sisian's central office are only in groups window 1 does
// not call (permits, land, social), so a visitor who takes a certificates ticket is the
// first that window 1 calls (the browser journey relies on it).
import type { Transaction } from 'kysely';
import { TenantDb, unscoped, type Executor } from '../platform/db/tenant.ts';
import type { Database } from '../platform/db/schema.ts';
import { appendAudit, type AuditActor } from '../platform/audit/audit.ts';
import { nextSequence } from '../platform/db/sequences.ts';
import { todayInYerevan } from '../platform/i18n/index.ts';
import { loadCalendar } from '../platform/calendar/calendar.store.ts';
import type { WorkingCalendar } from '../platform/calendar/calendar.ts';
import { groupsJson, ticketLabel, ticketSequence, type ServiceGroup } from '../modules/services/queue/queue.groups.ts';
import type { TicketRow } from '../modules/services/queue/queue.queries.ts';
import { prng } from './registry-demo-data.ts';

type Rng = ReturnType<typeof prng>;

interface WindowPlan {
  label: string;
  groups: ServiceGroup[];
  /** Weekdays (1 = Monday … 5 = Friday) this window is staffed, and by whom. */
  staff: Partial<Record<number, string>>;
}

interface OfficePlan {
  /** English name of the settlement; null for the central office. */
  settlement: string | null;
  windows: WindowPlan[];
  /** Visitors per staffed window and day. */
  perWindow: [number, number];
  waitingToday: ServiceGroup[];
}

const MON_WED_FRI = (email: string) => ({ 1: email, 3: email, 5: email });
const TUE_THU = (email: string) => ({ 2: email, 4: email });
const WEEKDAYS = (email: string) => ({ 1: email, 2: email, 3: email, 4: email, 5: email });
const ALL_GROUPS: ServiceGroup[] = ['certificates', 'permits', 'land', 'social', 'notary', 'reception', 'requests'];

export const QUEUE_DEMO: Record<string, { seed: number; offices: OfficePlan[] }> = {
  sisian: {
    seed: 0x0e0e51,
    offices: [
      {
        settlement: null,
        perWindow: [20, 30],
        windows: [
          { label: '1', groups: ['certificates', 'requests', 'reception'], staff: WEEKDAYS('operator@sisian.example') },
          // One specialist: permits and land on Monday, Wednesday and Friday; social assistance on Tuesday and Thursday.
          { label: '2', groups: ['permits', 'land', 'notary'], staff: MON_WED_FRI('specialist@sisian.example') },
          { label: '3', groups: ['social', 'certificates', 'requests'], staff: TUE_THU('specialist@sisian.example') },
        ],
        waitingToday: ['permits', 'land', 'permits', 'social'],
      },
      // A village office open two days a week, kept by the settlement head.
      { settlement: 'Angeghakot', perWindow: [3, 8], windows: [{ label: '1', groups: ALL_GROUPS, staff: TUE_THU('angeghakot@sisian.example') }], waitingToday: ['certificates'] },
    ],
  },
  jermuk: {
    seed: 0x0e0e7a,
    offices: [
      {
        settlement: null,
        perWindow: [7, 13],
        windows: [
          { label: '1', groups: ['certificates', 'social', 'requests', 'reception'], staff: MON_WED_FRI('specialist@jermuk.example') },
          { label: '2', groups: ['permits', 'land', 'notary'], staff: TUE_THU('specialist@jermuk.example') },
        ],
        waitingToday: ['certificates', 'permits'],
      },
    ],
  },
};

/** How often each group is asked for, and how long serving it takes (minutes, min–max). */
const GROUP_MIX: Record<ServiceGroup, { weight: number; minutes: [number, number] }> = {
  certificates: { weight: 30, minutes: [5, 12] },
  requests: { weight: 18, minutes: [5, 15] },
  permits: { weight: 14, minutes: [10, 25] },
  social: { weight: 12, minutes: [8, 20] },
  land: { weight: 9, minutes: [10, 28] },
  notary: { weight: 9, minutes: [6, 18] },
  reception: { weight: 8, minutes: [12, 30] },
};

/** Armenia keeps UTC+4 all year (no daylight saving since 2012). */
const at = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00+04:00`) + minutes * 60_000).toISOString();

/** The last `count` working days before `today` (oldest first): no tickets on a holiday. */
export function pastWorkingDays(cal: WorkingCalendar, today: string, count: number): string[] {
  const days: string[] = [];
  const d = new Date(`${today}T12:00:00Z`);
  while (days.length < count) {
    d.setUTCDate(d.getUTCDate() - 1);
    const day = d.toISOString().slice(0, 10);
    if (cal.isWorkingDay(day)) days.unshift(day);
  }
  return days;
}

function pickGroup(rng: Rng, groups: ServiceGroup[]): ServiceGroup {
  const total = groups.reduce((s, g) => s + GROUP_MIX[g].weight, 0);
  let r = rng.next() * total;
  for (const g of groups) if ((r -= GROUP_MIX[g].weight) < 0) return g;
  return groups[groups.length - 1]!;
}

type NewTicket = Omit<TicketRow, 'id' | 'community_id'>;

/** One office's day: visitors arrive 09:00–17:30 (a rush before 11:00), each staffed window calls the tickets of its groups as it gets free. */
function simulateDay(rng: Rng, day: string, office: OfficePlan, settlementId: number | null, windowIds: number[], users: Map<string, number>): NewTicket[] {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const staffed = office.windows.map((w, i) => ({ w, id: windowIds[i]!, user: w.staff[weekday] })).filter((s) => s.user !== undefined);
  if (staffed.length === 0) return [];
  const groups = ALL_GROUPS.filter((g) => staffed.some((s) => s.w.groups.includes(g)));
  const visitors = staffed.reduce((n) => n + rng.int(office.perWindow[0], office.perWindow[1]), 0);
  // Most visitors come in the morning, so windows are busy and people wait then.
  const arrivals = Array.from({ length: visitors }, () => (rng.chance(0.55) ? rng.int(9 * 60, 11 * 60) : rng.int(11 * 60, 17 * 60 + 30))).sort((a, b) => a - b);
  const freeAt = new Map(staffed.map((s) => [s.id, 9 * 60 + rng.int(0, 10)]));
  const numbers = new Map<ServiceGroup, number>();
  return arrivals.map((issued) => {
    const group = pickGroup(rng, groups);
    const number = (numbers.get(group) ?? 0) + 1;
    numbers.set(group, number);
    const window = staffed.filter((s) => s.w.groups.includes(group)).sort((a, b) => freeAt.get(a.id)! - freeAt.get(b.id)!)[0]!;
    const called = Math.max(issued, freeAt.get(window.id)!) + rng.next();
    const base = {
      settlement_id: settlementId, group_code: group, day, number, label: ticketLabel(group, number), window_id: window.id,
      operator_user_id: users.get(window.user!)!, issued_at: at(day, issued), called_at: at(day, called), case_id: null,
    };
    if (rng.chance(0.06)) {
      freeAt.set(window.id, called + 2);
      return { ...base, status: 'no_show' as const, served_at: null, done_at: null };
    }
    const served = called + 0.5 + rng.next() * 1.5;
    const [lo, hi] = GROUP_MIX[group].minutes;
    const done = served + lo + rng.next() * (hi - lo);
    freeAt.set(window.id, done);
    return { ...base, status: 'done' as const, served_at: at(day, served), done_at: at(day, done) };
  });
}

async function insertChunks(tenant: TenantDb, rows: NewTicket[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await tenant.insertInto('queue_tickets', rows.slice(i, i + 100)).execute();
}

async function seedCommunity(tx: Transaction<Database>, actor: AuditActor, communityId: number, plan: { seed: number; offices: OfficePlan[] }, users: Map<string, number>, now: Date) {
  const tenant = new TenantDb(tx, communityId);
  const rng = prng(plan.seed);
  const today = todayInYerevan(now);
  const days = pastWorkingDays(await loadCalendar(tx), today, 14);
  const created = new Date(Date.parse(`${days[0]}T00:00:00+04:00`) - 86_400_000).toISOString();
  let tickets = 0;
  for (const office of plan.offices) {
    const settlementId = office.settlement === null
      ? null
      : (await tenant.selectFrom('settlements').select('id').where('name_en', '=', office.settlement).executeTakeFirstOrThrow()).id;
    const windowIds: number[] = [];
    for (const w of office.windows) {
      const row = await tenant
        .insertInto('queue_windows', { settlement_id: settlementId, label: w.label, groups: groupsJson(w.groups), operator_user_id: null, active: 1, created_at: created })
        .returning('id')
        .executeTakeFirstOrThrow();
      windowIds.push(row.id);
    }
    const past = days.flatMap((day) => simulateDay(rng, day, office, settlementId, windowIds, users));
    await insertChunks(tenant, past);
    // Today's visitors get their numbers from the same counters the kiosk uses, so new tickets follow on.
    const midnight = Date.parse(`${today}T00:00:00+04:00`);
    const waiting: NewTicket[] = [];
    for (const [i, group] of office.waitingToday.entries()) {
      const number = await nextSequence(tenant, ticketSequence(today, settlementId, group));
      const issued = new Date(Math.max(midnight, now.getTime() - (office.waitingToday.length - i) * 4 * 60_000)).toISOString();
      waiting.push({
        settlement_id: settlementId, group_code: group, day: today, number, label: ticketLabel(group, number), status: 'waiting',
        window_id: null, operator_user_id: null, issued_at: issued, called_at: null, served_at: null, done_at: null, case_id: null,
      });
    }
    await insertChunks(tenant, waiting);
    tickets += past.length + waiting.length;
  }
  await appendAudit(tx, actor, { communityId, action: 'queue.demo_seed', entityType: 'queue', after: { offices: plan.offices.length, tickets } });
}

/** Seeds the queue of every demo community present in `communities` (slug → id). Staff accounts must exist. */
export async function seedQueueDemo(db: Executor, actor: AuditActor, communities: Map<string, number>, now = new Date()): Promise<void> {
  const emails = [...new Set(Object.values(QUEUE_DEMO).flatMap((p) => p.offices.flatMap((o) => o.windows.flatMap((w) => Object.values(w.staff) as string[]))))];
  const rows = await unscoped(db, 'demo staff accounts are global').selectFrom('users').select(['id', 'email']).where('email', 'in', emails).execute();
  const users = new Map(rows.map((r) => [r.email ?? '', r.id]));
  for (const email of emails) if (!users.has(email)) throw new Error(`The queue demo needs the staff account ${email}: seed the staff first`);
  for (const [slug, plan] of Object.entries(QUEUE_DEMO)) {
    const communityId = communities.get(slug);
    if (communityId === undefined) continue;
    await unscoped(db, 'the demo seed opens one transaction per community').transaction().execute((tx) => seedCommunity(tx, actor, communityId, plan, users, now));
  }
}
