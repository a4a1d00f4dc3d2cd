// Which cases the services demo makes in one community, and the promise that holds on every
// day of the year: each case with a fate (a draft, one waiting for registration, one nobody
// took, one stuck in review, an unanswered request, a withdrawal, a decision of today) has
// reached that state by "now", whatever the weekday, holiday or hour. A case's life runs
// on the working-day calendar, so a fixed "started n days ago" would miss its state after a
// weekend or a holiday (a Saturday application is registered on Monday, maybe after now):
// the plan starts such a case earlier, a day at a time, until its life has got there.
import type { WorkingCalendar } from '../platform/calendar/calendar.ts';
import type { Executor } from '../platform/db/tenant.ts';
import { computeFee } from '../modules/services/catalogue/fees.ts';
import { AT_RISK_WORKING_DAYS } from '../modules/services/cases/case-clock.ts';
import type { Rng } from './registry-demo-data.ts';
import { demoFormValues, type ValueSource } from './services-demo-values.ts';
import { CasePlanner, yerevanDay, type DemoApplicant, type Fate, type PlannedCase, type SampleFile } from './services-demo-plan.ts';
import type { DemoService, World } from './services-demo-world.ts';

/**
 * A demo citizen's own cases in Sisian (service, fate, days ago, and the state it must be in
 * when the fate alone does not say), so the portal shows every kind. Only Hayk has a
 * history: Ani stays a newcomer (no cases, PSN not yet verified), for trying the first
 * application and for the tests and journeys that start from nothing.
 */
export const CITIZEN_CASES: Record<string, [code: string, fate: Fate, daysAgo: number, state?: string][]> = {
  'hayk@citizen.example': [
    ['residence-certificate', 'docToday', 9], ['household-certificate', 'draft', 1], ['construction-permit', 'awaitInfo', 12],
    ['information-request', 'waiting', 1], ['complaint', 'unassigned', 2], ['excavation-permit', 'stuck', 45, 'in_review'],
    ['property-certificate', 'normal', 20, 'delivered'], ['garbage-fee-account', 'normal', 120], ['reception-by-head', 'normal', 40],
    ['land-lease', 'normal', 60], ['parking-permit', 'normal', 200], ['trade-permit', 'normal', 300],
  ],
};

/** The states of a case someone took up and is working on (not paused, not decided). */
const NOT_TAKEN = new Set(['draft', 'submitted', 'registered', 'info_requested']);
const IN_WORK = (p: PlannedCase, d: DemoService) => !NOT_TAKEN.has(String(p.row.state)) && !d.spec.workflow.states.find((s) => s.key === p.row.state)?.final;

/** Where a case of each fate has got to by now; a normal case may be anywhere on its way. */
const REACHED: Record<Fate, (p: PlannedCase, d: DemoService) => boolean> = {
  normal: () => true,
  draft: (p) => p.row.state === 'draft',
  waiting: (p) => p.row.state === 'submitted',
  unassigned: (p) => p.row.state === 'registered',
  stuck: IN_WORK,
  awaitInfo: (p) => p.row.state === 'info_requested',
  withdraw: (p) => p.row.state === 'withdrawn',
  docToday: (p) => p.row.state === 'approved' && p.issueDocument,
};

/** Starting earlier than this many days past the asked one means the plan cannot keep its promise: a bug here. */
const LATEST_SHIFT = 30;

interface CaseRequest {
  service: DemoService; applicant: DemoApplicant; channel: 'online' | 'office'; fate: Fate; daysAgo: number;
  /** Beyond the fate: what this case must show (a state, or at risk). */
  reached?: (p: PlannedCase) => boolean;
}

export interface DemoPlanInput {
  db: Executor;
  cal: WorkingCalendar;
  rng: Rng;
  /** The seed's "now": every event lies before it. */
  now: Date;
  world: World;
  samples: { pdf: SampleFile; png: SampleFile };
  /** How many cases besides the citizens' own, and how many decided today with a document. */
  counts: { cases: number; documents: number };
}

function weighted(rng: Rng, list: DemoService[]): DemoService {
  let r = rng.next() * list.reduce((s, x) => s + x.weight, 0);
  for (const x of list) if ((r -= x.weight) < 0) return x;
  return list[list.length - 1]!;
}

const dayMinus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** A start `daysAgo` days back: office cases at a working-day hour, and always before now. */
function startAt(rng: Rng, cal: WorkingCalendar, now: Date, daysAgo: number, office: boolean): string {
  const today = yerevanDay(now.toISOString());
  for (let back = daysAgo; ; back++) {
    const day = office ? cal.nextWorkingDay(dayMinus(today, back)) : dayMinus(today, back);
    const at = new Date(Date.parse(`${day}T00:00:00Z`) + ((rng.int(9, 16) - 4) * 60 + rng.int(0, 59)) * 60_000);
    if (at.getTime() < now.getTime() - 30 * 60_000) return at.toISOString();
  }
}

/** The citizens' cases, the community's mix over the year, one at risk today and the documents of today. */
function requestsFor(input: DemoPlanInput): CaseRequest[] {
  const { rng, cal, now, world, counts } = input;
  const office = world.services.filter((s) => s.spec.channels !== 'online');
  const requests: CaseRequest[] = [];
  for (const [email, list] of Object.entries(CITIZEN_CASES)) {
    const citizen = world.citizens.get(email);
    for (const [code, fate, daysAgo, state] of citizen ? list : []) {
      const service = world.services.find((s) => s.code === code && s.spec.channels !== 'office');
      if (service) requests.push({ service, applicant: citizen!, channel: 'online', fate, daysAgo, reached: state ? (p) => p.row.state === state : undefined });
    }
  }
  const applicantFor = (s: DemoService): DemoApplicant => {
    const org = s.spec.applicants.includes('organization') && world.orgs.length > 0 && (!s.spec.applicants.includes('person') || rng.chance(0.2));
    return org ? rng.pick(world.orgs) : rng.pick(world.persons);
  };
  for (let i = 0; i < counts.cases; i++) {
    const service = weighted(rng, office);
    // Spread over the year, with more in the last six weeks so every open state has cases.
    const daysAgo = rng.chance(0.25) ? rng.int(0, 45) : rng.int(0, 364);
    const r = rng.next();
    // Open cases that never move on (overdue later) and unanswered requests only among recent ones.
    const fate: Fate = daysAgo <= 2 && r < 0.3 ? 'waiting' : daysAgo <= 3 && r < 0.45 ? 'unassigned' : r < 0.05 ? 'withdraw' : daysAgo <= 60 && r < 0.1 ? 'stuck' : daysAgo <= 60 && r < 0.14 ? 'awaitInfo' : 'normal';
    requests.push({ service, applicant: applicantFor(service), channel: 'office', fate, daysAgo });
  }
  // One case is at risk whatever the day: filed on the last working day for the shortest deadline, still in review.
  const quickest = [...office].filter((s) => s.spec.deadline.unit === 'working').sort((x, y) => x.spec.deadline.days - y.spec.deadline.days)[0];
  const today = yerevanDay(now.toISOString());
  let lastWorking = 1;
  while (!cal.isWorkingDay(dayMinus(today, lastWorking))) lastWorking++;
  const riskBy = cal.addWorkingDays(today, AT_RISK_WORKING_DAYS);
  const atRisk = (p: PlannedCase) => p.row.due_date != null && p.row.due_date >= today && p.row.due_date <= riskBy;
  if (quickest) requests.push({ service: quickest, applicant: applicantFor(quickest), channel: 'office', fate: 'stuck', daysAgo: lastWorking, reached: atRisk });
  const documented = office.filter((s) => s.spec.output.template !== 'none');
  for (let i = 0; i < counts.documents && documented.length; i++) {
    const service = rng.pick(documented);
    requests.push({ service, applicant: applicantFor(service), channel: 'office', fate: 'docToday', daysAgo: rng.int(8, 14) });
  }
  return requests;
}

/**
 * Every case of the community played forward to `now`. A case that has not reached the
 * state its fate (or its request) promises is planned again, with new draws, and from the
 * second try on a day earlier each time; after LATEST_SHIFT days of that it is a bug.
 */
export async function planDemoCases(input: DemoPlanInput): Promise<PlannedCase[]> {
  const { rng, cal, now, world } = input;
  const planner = new CasePlanner(cal, rng, now.toISOString(), world.staff, input.samples, input.db);
  const people = world.persons.map((p) => ({ name: p.name, psn: p.psn! }));
  const addresses = world.persons.map((p) => p.address);
  const planned: PlannedCase[] = [];
  for (const q of requestsFor(input)) {
    for (let shift = 0; ; shift++) {
      // The same day twice with fresh draws (the at-risk case must keep its day), then earlier.
      const daysAgo = q.daysAgo + Math.max(0, shift - 1);
      const start = startAt(rng, cal, now, daysAgo, q.channel === 'office');
      const form = demoFormValues(rng, q.service.spec, { applicant: q.applicant, parcels: world.parcels, people, addresses, day: yerevanDay(start) } satisfies ValueSource);
      const desk = q.applicant.kind === 'person' && q.channel === 'office' && world.staff.settlementDesks.has(q.applicant.settlementId!) && rng.chance(0.6);
      const p = await planner.plan({
        service: { id: q.service.id, versionId: q.service.versionId, spec: q.service.spec }, applicant: q.applicant, channel: q.channel,
        settlementId: desk ? q.applicant.settlementId : null, start, fate: q.fate, form, fee: computeFee(q.service.spec.fee, form),
      });
      if (REACHED[q.fate](p, q.service) && (q.reached?.(p) ?? true)) {
        planned.push(p);
        break;
      }
      if (shift >= LATEST_SHIFT) throw new Error(`The services demo cannot plan a "${q.fate}" case of ${q.service.code} that reaches its state by ${now.toISOString()}`);
    }
  }
  return planned;
}
