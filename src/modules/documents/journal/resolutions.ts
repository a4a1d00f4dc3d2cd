// Resolutions (ցուցում): the head or the chief of staff puts a task on a registered document
// with executors, one of them responsible, and a deadline in working days on the national
// calendar. Executors report, forward their part to a colleague, or ask for more time; the
// resolver accepts the report (done) or returns it (work again), grants or refuses the time.
// Each step checks the state it starts from inside the transaction (one of two people acting
// at once wins), writes an event and an audit record.
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.ts';
import type { ResolutionEventKind, ResolutionStatus } from './journal.table.ts';

export interface NewResolution {
  documentId: number;
  task: string;
  workingDays: number;
  executors: { userId: number; responsible: boolean; department: string | null }[];
}

/** A step not allowed from the resolution's state or by this person; `key` is the translated reason. */
export class ResolutionError extends Error {
  constructor(readonly key: 'documents.resolution.error.state' | 'documents.resolution.error.not_executor' | 'documents.resolution.error.not_resolver'
    | 'documents.resolution.error.executors' | 'documents.resolution.error.deadline' | 'documents.resolution.error.not_found') {
    super(key);
  }
}

/** Where executors are at work: a report, a forward or a request for time may start here. */
const WORKING: ResolutionStatus[] = ['in_work', 'returned'];

export async function issueResolution(tenant: TenantDb, actor: AuditActor & { userId: number }, r: NewResolution, calendar: WorkingCalendar, today: string): Promise<number> {
  const responsible = r.executors.filter((e) => e.responsible);
  if (!r.executors.length || responsible.length !== 1 || new Set(r.executors.map((e) => e.userId)).size !== r.executors.length) {
    throw new ResolutionError('documents.resolution.error.executors');
  }
  if (!Number.isInteger(r.workingDays) || r.workingDays < 1 || r.workingDays > 365) throw new ResolutionError('documents.resolution.error.deadline');
  const due = calendar.addWorkingDays(today, r.workingDays);
  return tenant.transaction(async (tx, raw) => {
    const doc = await tx.selectFrom('doc_documents').select(['id', 'status']).where('id', '=', r.documentId).executeTakeFirst();
    if (!doc) throw new ResolutionError('documents.resolution.error.not_found');
    const now = new Date().toISOString();
    const row = await tx.insertInto('doc_resolutions', {
      document_id: r.documentId, resolver_user_id: actor.userId, task: r.task.trim(), working_days: r.workingDays, issued_on: today, due_on: due,
      status: 'in_work', report: null, requested_due_on: null, done_on: null, reminded_on: null, escalated_on: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const id = Number(row.id);
    await tx.insertInto('doc_resolution_executors', r.executors.map((e) => ({ resolution_id: id, user_id: e.userId, responsible: e.responsible ? 1 : 0, department: e.department }))).execute();
    if (doc.status === 'registered') await tx.updateTable('doc_documents').set({ status: 'in_work', updated_at: now }).where('id', '=', doc.id).execute();
    await event(tx, id, 'issue', actor.userId, r.task);
    await appendAudit(raw, actor, { communityId: tx.communityId, action: 'documents.resolution.issue', entityType: 'doc_resolution', entityId: id,
      after: { documentId: r.documentId, due, executors: r.executors } });
    return id;
  });
}

type Step = 'report' | 'forward' | 'extension_request' | 'extension_grant' | 'extension_refuse' | 'accept' | 'return';

/** What each step needs (the actor's part and the state it starts from) and the state it leaves. */
const STEPS: Record<Step, { by: 'executor' | 'responsible' | 'resolver'; from: ResolutionStatus[]; to: ResolutionStatus | null }> = {
  report: { by: 'responsible', from: WORKING, to: 'reported' },
  forward: { by: 'executor', from: WORKING, to: null },
  extension_request: { by: 'executor', from: WORKING, to: 'extension_requested' },
  extension_grant: { by: 'resolver', from: ['extension_requested'], to: 'in_work' },
  extension_refuse: { by: 'resolver', from: ['extension_requested'], to: 'in_work' },
  accept: { by: 'resolver', from: ['reported'], to: 'done' },
  return: { by: 'resolver', from: ['reported'], to: 'returned' },
};

export interface StepInput {
  resolutionId: number;
  note?: string | null;
  /** forward: the colleague who takes the actor's place among the executors. */
  toUserId?: number;
  /** extension_request: the deadline asked for (a working day after the current one). */
  newDueOn?: string;
}

export async function resolutionStep(tenant: TenantDb, actor: AuditActor & { userId: number }, step: Step, input: StepInput, calendar: WorkingCalendar, today: string): Promise<ResolutionStatus> {
  const rule = STEPS[step];
  return tenant.transaction(async (tx, raw) => {
    const r = await tx.selectFrom('doc_resolutions').selectAll().where('id', '=', input.resolutionId).executeTakeFirst();
    if (!r) throw new ResolutionError('documents.resolution.error.not_found');
    const executors = await tx.selectFrom('doc_resolution_executors').select(['id', 'user_id', 'responsible']).where('resolution_id', '=', r.id).execute();
    const mine = executors.find((e) => e.user_id === actor.userId);
    if (rule.by === 'resolver' && r.resolver_user_id !== actor.userId) throw new ResolutionError('documents.resolution.error.not_resolver');
    if (rule.by === 'executor' && !mine) throw new ResolutionError('documents.resolution.error.not_executor');
    if (rule.by === 'responsible' && !(mine && Number(mine.responsible) === 1)) throw new ResolutionError('documents.resolution.error.not_executor');
    if (!rule.from.includes(r.status)) throw new ResolutionError('documents.resolution.error.state');

    const now = new Date().toISOString();
    const set: Partial<Record<string, string | null>> = { updated_at: now };
    if (rule.to) set.status = rule.to;
    if (step === 'report') set.report = input.note?.trim() || null;
    if (step === 'accept') set.done_on = today;
    if (step === 'extension_request') {
      const asked = input.newDueOn ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asked) || asked <= r.due_on || !calendar.isWorkingDay(asked)) throw new ResolutionError('documents.resolution.error.deadline');
      set.requested_due_on = asked;
    }
    if (step === 'extension_grant') Object.assign(set, { due_on: r.requested_due_on, requested_due_on: null, reminded_on: null, escalated_on: null });
    if (step === 'extension_refuse') set.requested_due_on = null;
    if (step === 'forward') {
      const to = input.toUserId;
      if (!to || executors.some((e) => e.user_id === to) || !(await isStaff(tx, to))) throw new ResolutionError('documents.resolution.error.executors');
      await tx.updateTable('doc_resolution_executors').set({ user_id: to }).where('id', '=', mine!.id).execute();
    }
    // The state it started from is part of the update: of two people acting at once, one wins.
    const done = await tx.updateTable('doc_resolutions').set(set).where('id', '=', r.id).where('status', '=', r.status).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new ResolutionError('documents.resolution.error.state');
    await event(tx, r.id, step, actor.userId, step === 'forward' ? `→ ${input.toUserId}${input.note ? `: ${input.note}` : ''}` : input.note ?? input.newDueOn ?? null);
    await appendAudit(raw, actor, { communityId: tx.communityId, action: `documents.resolution.${step}`, entityType: 'doc_resolution', entityId: r.id,
      before: { status: r.status, due: r.due_on }, after: { status: rule.to ?? r.status, due: step === 'extension_grant' ? r.requested_due_on : r.due_on, to: input.toUserId ?? null } });
    return (rule.to ?? r.status);
  });
}

async function isStaff(tx: TenantDb, userId: number): Promise<boolean> {
  return Boolean(await tx.selectFrom('role_assignments').select('id').where('user_id', '=', userId).executeTakeFirst());
}

export async function event(tx: TenantDb, resolutionId: number, kind: ResolutionEventKind, userId: number | null, note: string | null): Promise<void> {
  await tx.insertInto('doc_resolution_events', { resolution_id: resolutionId, kind, user_id: userId, note, at: new Date().toISOString() }).execute();
}
