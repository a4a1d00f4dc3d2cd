// The life of one demo case, played forward from its start on the working-day calendar
// as the engine would record it (same columns, same timeline events, same deadlines), and
// stopped at "now": a case started last year is long delivered, one started yesterday is
// still waiting for registration. Pure: no database, the same inputs give the same case.
import type { Insertable } from 'kysely';
import type { WorkingCalendar } from '../platform/calendar/calendar.ts';
import type { CaseEventKind, CasesTable } from '../modules/services/services.table.ts';
import type { ServiceSpec } from '../modules/services/catalogue/spec.ts';
import type { FormValues } from '../modules/services/cases/form-values.ts';
import { yerevanDayOf } from '../modules/services/performance/performance.service.ts';
import { CLOCK_STOPPED } from '../modules/services/cases/case-escalation.ts';
import { deadlineAfterPause, decisionDeadline, stateDeadline } from '../modules/services/cases/case-clock.ts';
import type { Executor } from '../platform/db/tenant.ts';
import type { Rng } from './registry-demo-data.ts';

export type CaseColumns = Omit<Insertable<CasesTable>, 'community_id'>;
export interface DemoActor { userId: number | null; label: string }
export interface DemoStaff { desk: DemoActor; settlementDesks: Map<number, DemoActor>; chief: DemoActor; reviewers: DemoActor[]; deciders: DemoActor[] }
export interface DemoApplicant {
  kind: 'person' | 'organization'; psn: string | null; taxId: string | null; name: string;
  email: string | null; phone: string | null; userId: number | null; settlementId: number | null; address: string;
}
/**
 * normal: the whole life up to now. The others stop it on purpose, so every state of the
 * workflow has cases: draft (never submitted), waiting (not yet registered), unassigned
 * (registered, nobody took it), stuck (in review past its deadline), awaitInfo (the
 * applicant has not answered), withdraw, docToday (approved today with its real document).
 */
export type Fate = 'normal' | 'draft' | 'waiting' | 'unassigned' | 'withdraw' | 'stuck' | 'awaitInfo' | 'docToday';

export interface PlanInput {
  service: { id: number; versionId: number; spec: ServiceSpec };
  applicant: DemoApplicant;
  channel: 'online' | 'office';
  /** The office (settlement) of a desk case; null: the central office or online. */
  settlementId: number | null;
  start: string;
  fate: Fate;
  form: FormValues;
  fee: number;
}

export interface PlannedEvent {
  at: string; kind: CaseEventKind; public: number; actor_user_id: number | null; actor_label: string;
  from_state: string | null; to_state: string | null; body: string | null; data: Record<string, unknown> | null;
}

/** A stored sample scan the demo attaches for every required document. */
export interface SampleFile { sha256: string; mime: string; size: number; ext: 'pdf' | 'png' }

export interface PlannedAttachment { document_key: string; sha256: string; filename: string; mime: string; size: number; public: number; uploaded_by_user_id: number | null; uploaded_at: string }

export interface PlannedCase {
  row: CaseColumns;
  events: PlannedEvent[];
  /** The registration event, whose number is given once every case of the year is known. */
  registration: PlannedEvent | null;
  attachments: PlannedAttachment[];
  /** Decided today: the seed issues its real output document. */
  issueDocument: boolean;
}

const MINUTE = 60_000;
/** Yerevan is UTC+4 all year (no daylight saving since 2012). */
const YEREVAN_OFFSET_H = 4;
const PUBLIC = new Set<CaseEventKind>(['created', 'attachment', 'submitted', 'registered', 'info_requested', 'resumed', 'approved', 'rejected', 'delivered', 'withdrawn', 'message', 'rated', 'fee']);

const REQUESTS = ['Խնդրում ենք ներկայացնել նշված փաստաթղթի ընթեռնելի պատճենը։', 'Նշված տվյալները չեն համապատասխանում ներկայացված փաստաթղթերին, խնդրում ենք ճշտել։', 'Խնդրում ենք լրացնել նշված դաշտերը։'];
const ANSWERS = ['Կցել եմ պահանջված փաստաթուղթը։', 'Ճշտել եմ տվյալները։', 'Լրացրել եմ, շնորհակալություն։'];
const REJECTIONS = ['Հողամասը գտնվում է համայնքային սեփականություն հանդիսացող տարածքում։', 'Ներկայացված փաստաթղթերը թերի են։', 'Դիմողը չունի տվյալ գույքի նկատմամբ իրավունք։', 'Նախագիծը չի համապատասխանում քաղաքաշինական ծրագրին։'];
const COMMENTS = ['Ստուգված է բնակչության ռեգիստրով։', 'Զանգահարել եմ դիմողին, կներկայացնի բնօրինակը։', 'Անհրաժեշտ է համաձայնեցնել ճարտարապետի հետ։', 'Պարտք չկա։'];
const WITHDRAWALS = ['Այլևս կարիք չկա։', 'Կներկայացնեմ նոր դիմում։', null];
const RATING_COMMENTS = ['Շատ արագ և բարեհամբյուր սպասարկում։', 'Ամեն ինչ հասկանալի էր։', 'Երկար սպասեցի։', 'Շնորհակալություն։', ''];
const DEPARTMENTS: Record<string, string> = {
  certificates: 'Քաղաքացիների սպասարկման գրասենյակ', permits: 'Քաղաքաշինության բաժին', land: 'Հողաշինության բաժին', social: 'Սոցիալական բաժին',
  notary: 'Քարտուղարություն', reception: 'Քարտուղարություն', requests: 'Քարտուղարություն',
};

export const yerevanDay = yerevanDayOf;

/** The instant of a Yerevan wall-clock time. */
function yerevanAt(day: string, hour: number, minute: number, second = 0): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((hour - YEREVAN_OFFSET_H) * 60 + minute) * MINUTE + second * 1000).toISOString();
}

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

class Timeline {
  readonly events: PlannedEvent[] = [];
  ended = false;
  constructor(readonly row: CaseColumns, private readonly now: string) {}

  /** Records a change at `at` unless it lies in the future; after the first such, the life has reached now. */
  record(at: string, kind: CaseEventKind, actor: DemoActor, change: { to?: string; patch?: Partial<CaseColumns>; body?: string | null; data?: Record<string, unknown> | null; bump?: boolean } = {}): PlannedEvent | null {
    if (this.ended || at >= this.now) {
      this.ended = true;
      return null;
    }
    const from = this.row.state;
    Object.assign(this.row, change.patch ?? {});
    if (change.to) Object.assign(this.row, { state: change.to, state_entered_at: at });
    if (change.bump ?? true) this.row.version = Number(this.row.version) + 1;
    this.row.updated_at = at;
    const event: PlannedEvent = {
      at, kind, public: PUBLIC.has(kind) ? 1 : 0, actor_user_id: actor.userId, actor_label: actor.label,
      from_state: change.to && kind !== 'created' ? from : null, to_state: change.to ?? null, body: change.body ?? null, data: change.data ?? null,
    };
    this.events.push(event);
    return event;
  }
}

export class CasePlanner {
  constructor(
    private readonly cal: WorkingCalendar, private readonly rng: Rng, private readonly now: string, private readonly staff: DemoStaff,
    private readonly samples: { pdf: SampleFile; png: SampleFile },
    /** For the engine's own deadline arithmetic (its calendar is cached: no query per case). */
    private readonly db: Executor,
  ) {}

  /** A time in office hours on `day`, never before `after`. */
  private work(day: string, after: string): string {
    const at = yerevanAt(day, this.rng.int(9, 16), this.rng.int(0, 59), this.rng.int(0, 59));
    return at > after ? at : this.soon(after);
  }

  /** Any waking hour on `day` (citizens write in the evening too), never before `after`. */
  private anyTime(day: string, after: string): string {
    const at = yerevanAt(day, this.rng.int(8, 22), this.rng.int(0, 59), this.rng.int(0, 59));
    return at > after ? at : this.soon(after);
  }

  private soon(after: string, min = 2, max = 40): string {
    return new Date(Date.parse(after) + this.rng.int(min, max) * MINUTE + this.rng.int(0, 59_999)).toISOString();
  }

  /** A working day from `from` to `to` (both included as far as they are working days). */
  private dayBetween(from: string, to: string): string {
    const span = this.cal.workingDaysBetween(from, to);
    return this.cal.addWorkingDays(from, span > 0 ? this.rng.int(0, span) : 0);
  }

  async plan(input: PlanInput): Promise<PlannedCase> {
    const { spec } = input.service;
    const a = input.applicant;
    const online = input.channel === 'online';
    const desk = (input.settlementId !== null && this.staff.settlementDesks.get(input.settlementId)) || this.staff.desk;
    const applicant: DemoActor = online ? { userId: a.userId, label: a.name } : desk;
    const start = input.start;
    const tl = new Timeline({
      service_id: input.service.id, service_version_id: input.service.versionId, reg_number: null, reg_year: null, reg_seq: null, state: 'draft',
      channel: input.channel, applicant_user_id: a.userId, applicant_kind: a.kind, applicant_psn: a.psn, applicant_tax_id: a.taxId, applicant_name: a.name,
      applicant_email: a.email, applicant_phone: a.phone, applicant_locale: 'hy', settlement_id: input.settlementId, form_data: JSON.stringify(input.form),
      fee_amount: 0, fee_status: 'none', assignee_user_id: null, department: null, submitted_at: null, registered_at: null, due_date: null,
      state_due_date: null, state_entered_at: start, paused_at: null, decided_at: null, delivered_at: null, decision: null, decision_reason: null,
      info_request: null, rating: null, rating_comment: null, rated_at: null, escalated_at: null, version: 0, created_at: start, updated_at: start,
    }, this.now);
    const out: PlannedCase = { row: tl.row, events: tl.events, registration: null, attachments: [], issueDocument: false };
    tl.record(start, 'created', applicant, { to: 'draft', data: null });
    // The required scans, uploaded a few seconds apart while the application is prepared.
    let ready = start;
    for (const [i, d] of spec.documents.filter((x) => x.required).entries()) {
      const file = d.types.includes('pdf') ? this.samples.pdf : this.samples.png;
      const filename = `${d.key}.${file.ext}`;
      ready = new Date(Date.parse(start) + (i + 1) * 7000).toISOString();
      if (!tl.record(ready, 'attachment', applicant, { body: filename, data: { documentKey: d.key, size: file.size }, bump: false })) break;
      out.attachments.push({ document_key: d.key, sha256: file.sha256, filename, mime: file.mime, size: file.size, public: 1, uploaded_by_user_id: applicant.userId, uploaded_at: ready });
    }
    await this.live(tl, out, { ...input, start: ready }, applicant, desk);
    await this.finish(tl, spec);
    return out;
  }

  private async live(tl: Timeline, out: PlannedCase, input: PlanInput, applicant: DemoActor, desk: DemoActor): Promise<void> {
    const { rng, cal } = this;
    const { spec } = input.service;
    const online = input.channel === 'online';
    if (input.fate === 'draft') return;
    const submitAt = this.soon(input.start, online ? 3 : 1, online ? 90 : 3);
    if (!tl.record(submitAt, 'submitted', applicant, { to: 'submitted', patch: { submitted_at: submitAt, fee_amount: input.fee, fee_status: input.fee > 0 ? 'due' : 'none' }, data: { action: 'submit' } })) return;
    if (input.fate === 'waiting') return;
    const regAt = online || (input.fate === 'normal' && rng.chance(0.2)) ? this.work(cal.addWorkingDays(yerevanDay(submitAt), rng.int(0, 1)), submitAt) : this.soon(submitAt, 1, 3);
    const regDay = yerevanDay(regAt);
    const due = await decisionDeadline(this.db, regDay, spec.deadline);
    out.registration = tl.record(regAt, 'registered', desk, { to: 'registered', patch: { registered_at: regAt, due_date: due }, data: { action: 'register', due } });
    if (!out.registration) return;
    if (input.fee > 0) {
      const status = rng.chance(0.9) ? 'paid' : 'waived';
      if (rng.chance(0.9)) tl.record(online ? this.anyTime(plusDays(regDay, rng.int(0, 2)), regAt) : this.soon(regAt, 5, 40), 'fee', desk, { patch: { fee_status: status }, data: { status, amount: input.fee } });
    }
    if (input.fate === 'unassigned') return;
    if (input.fate === 'withdraw' && rng.chance(0.4)) return this.withdraw(tl, regAt, applicant);
    const reviewer = rng.pick(this.staff.reviewers);
    const department = DEPARTMENTS[spec.group] ?? null;
    // Each step takes a share of the time allowed, so a 2-day certificate moves faster than a 20-day permit.
    const budget = cal.workingDaysBetween(regDay, due);
    const stepDays = () => rng.int(budget >= 8 ? 1 : 0, Math.max(1, Math.min(3, Math.floor(budget / 4))));
    let cursor = this.work(cal.addWorkingDays(regDay, rng.int(0, Math.min(2, Math.floor(budget / 3)))), regAt);
    if (!tl.record(cursor, 'assigned', this.staff.chief, { to: 'in_review', patch: { assignee_user_id: reviewer.userId, department }, data: { action: 'assign', assignee: reviewer.userId, department } })) return;
    const today = input.fate === 'docToday';
    if (input.fate === 'awaitInfo' || (!today && rng.chance(0.15))) {
      const asked = this.requestInfo(tl, cursor, reviewer, spec, stepDays());
      if (!asked || input.fate === 'awaitInfo') return;
      const answerAt = this.anyTime(plusDays(yerevanDay(asked), rng.int(1, 9)), asked);
      // The applicant's note comes a few minutes before the case resumes (never before the request).
      const noteAt = this.soon(answerAt, -10, -2);
      if (online) tl.record(noteAt > asked ? noteAt : answerAt, 'message', applicant, { body: rng.pick(ANSWERS), bump: false });
      const moved = await deadlineAfterPause(this.db, String(tl.row.due_date), yerevanDay(asked), yerevanDay(answerAt), spec.deadline.unit);
      if (!tl.record(answerAt, 'resumed', online ? applicant : desk, { to: 'in_review', patch: { paused_at: null, info_request: null, due_date: moved }, data: { action: 'resume', due: moved } })) return;
      cursor = answerAt;
    }
    if (input.fate === 'withdraw') return this.withdraw(tl, cursor, applicant);
    for (const step of spec.workflow.actions.filter((x) => x.kind === 'move')) {
      // A case decided today moves through its steps the same day it is taken up (it must reach now).
      cursor = today ? this.soon(cursor, 30, 180) : this.work(cal.addWorkingDays(yerevanDay(cursor), stepDays()), cursor);
      if (!tl.record(cursor, 'moved', reviewer, { to: step.to, data: { action: step.key } })) return;
    }
    if (rng.chance(0.3)) tl.record(this.soon(cursor, 10, 120), 'comment', reviewer, { body: rng.pick(COMMENTS), bump: false });
    if (input.fate === 'stuck') return;
    this.decide(tl, out, input, cursor, applicant, desk);
  }

  private requestInfo(tl: Timeline, cursor: string, reviewer: DemoActor, spec: ServiceSpec, days: number): string | null {
    const { rng, cal } = this;
    const at = this.work(cal.addWorkingDays(yerevanDay(cursor), days), cursor);
    const askDocument = spec.documents.length > 0 && (spec.fields.length === 0 || rng.chance(0.5));
    const fields = askDocument || spec.fields.length === 0 ? [] : [rng.pick(spec.fields).key];
    const documents = askDocument ? [rng.pick(spec.documents).key] : [];
    const message = rng.pick(REQUESTS);
    const request = { fields, documents, message };
    const ok = tl.record(at, 'info_requested', reviewer, { to: 'info_requested', patch: { paused_at: at, info_request: JSON.stringify(request) }, body: message, data: { action: 'request_info', ...request } });
    return ok ? at : null;
  }

  private withdraw(tl: Timeline, after: string, applicant: DemoActor): void {
    const at = this.anyTime(plusDays(yerevanDay(after), this.rng.int(1, 6)), after);
    tl.record(at, 'withdrawn', applicant, { to: 'withdrawn', patch: { paused_at: null }, body: this.rng.pick(WITHDRAWALS), data: { action: 'withdraw' } });
  }

  private decide(tl: Timeline, out: PlannedCase, input: PlanInput, cursor: string, applicant: DemoActor, desk: DemoActor): void {
    const { rng, cal } = this;
    const due = String(tl.row.due_date);
    const today = input.fate === 'docToday';
    // Most decisions are on time; about one in nine is late by a few working days.
    const late = !today && rng.chance(0.11);
    const decideAt = today
      // Decided earlier today (after Yerevan's midnight unless the seed runs in its first minutes),
      // so the document, printed with today's date, carries the decision's date.
      ? new Date(Math.max(
        Date.parse(cursor) + 5 * MINUTE, Date.parse(this.now) - rng.int(20, 240) * MINUTE,
        Math.min(Date.parse(yerevanAt(yerevanDay(this.now), 0, 5)), Date.parse(this.now) - 2 * MINUTE),
      )).toISOString()
      : this.work(late ? cal.addWorkingDays(due, rng.int(1, 8)) : this.dayBetween(yerevanDay(cursor), due), cursor);
    const reject = !today && rng.chance(0.12);
    const reason = reject ? rng.pick(REJECTIONS) : null;
    const decision = reject ? 'rejected' : 'approved';
    const decider = rng.pick(this.staff.deciders);
    const patch = { decision, decision_reason: reason, decided_at: decideAt, paused_at: null } as const;
    if (!tl.record(decideAt, decision, decider, { to: decision, patch, body: reason, data: { action: reject ? 'reject' : 'approve' } })) return;
    out.issueDocument = today && input.service.spec.output.template !== 'none';
    if (reject) return;
    // Approved today: the applicant collects it later.
    if (today) return;
    const deliverAt = this.work(cal.addWorkingDays(yerevanDay(decideAt), rng.int(0, 4)), decideAt);
    if (!tl.record(deliverAt, 'delivered', input.channel === 'online' && rng.chance(0.5) ? applicant : desk, { to: 'delivered', patch: { delivered_at: deliverAt }, data: { action: 'deliver' } })) return;
    if (!rng.chance(0.75)) return;
    const ratedAt = this.anyTime(plusDays(yerevanDay(deliverAt), rng.int(0, 3)), deliverAt);
    // Late decisions are rated lower.
    const rating = late ? rng.pick([1, 2, 3, 3, 4]) : rng.pick([3, 4, 4, 5, 5, 5, 5]);
    const rater = { userId: input.applicant.userId, label: input.applicant.name };
    tl.record(ratedAt, 'rated', rater, { patch: { rating, rating_comment: rng.pick(RATING_COMMENTS) || null, rated_at: ratedAt }, data: { rating } });
  }

  /** The time allowed in the state the case ended in, and the escalation of an overdue one. */
  private async finish(tl: Timeline, spec: ServiceSpec): Promise<void> {
    const row = tl.row;
    const state = spec.workflow.states.find((s) => s.key === row.state);
    if (!state?.final) row.state_due_date = await stateDeadline(this.db, spec, String(row.state), yerevanDay(String(row.state_entered_at)));
    const running = !(CLOCK_STOPPED as readonly string[]).includes(String(row.state)) && !state?.final;
    if (!running || !row.due_date) return;
    const escalateOn = this.cal.addWorkingDays(String(row.due_date), 1);
    const at = yerevanAt(escalateOn, 9, 0);
    if (at >= this.now) return;
    row.escalated_at = at;
    tl.events.push({ at, kind: 'escalated', public: 0, actor_user_id: null, actor_label: 'deadline escalation', from_state: null, to_state: null, body: null, data: { due: row.due_date, chiefs: 1 } });
  }
}
