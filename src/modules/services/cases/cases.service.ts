// The case engine: drafts, submission, workflow actions with optimistic concurrency,
// notes and messages, fee status and rating. Every change is one transaction with its
// timeline event and its audit event; notifications are queued in the same transaction.
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/http/errors.ts';
import type { CaseEventKind, CaseChannel, FeeStatus } from '../services.table.ts';
import type { ActionSpec, ServiceSpec } from '../catalogue/spec.ts';
import { caseChanged, notNow, type CaseEnv, type CaseRow } from './case-env.ts';
import { actionAllowedFrom, actionOf, availableActions, inSettlementScope, isFinal, rolesOn } from './case-rules.ts';
import { currentVersionOf, specOfVersion } from './case-spec.ts';
import { stateDeadline, todayInYerevan } from './case-clock.ts';
import { checkForm, cleanText, parseFormData } from './form-values.ts';
import { effectOf, type ActionInput } from './case-effects.ts';
import { notifyCaseEvent } from './case-notify.ts';
import { feeFellDue } from './payments.ts';

export type { ActionInput } from './case-effects.ts';

export interface ApplicantInput {
  kind: 'person' | 'organization';
  psn?: string | null | undefined;
  taxId?: string | null | undefined;
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  locale: string;
  userId?: number | null | undefined;
}

export interface StartInput {
  serviceId: number;
  channel: CaseChannel;
  applicant: ApplicantInput;
  formData: Record<string, unknown>;
  settlementId?: number | null | undefined;
}

/** Event kinds the applicant sees in their timeline. */
const PUBLIC_KINDS = new Set<CaseEventKind>(['created', 'submitted', 'registered', 'info_requested', 'resumed', 'approved', 'rejected', 'delivered', 'withdrawn', 'message', 'rated', 'fee']);

const EVENT_OF: Record<ActionSpec['kind'], CaseEventKind> = {
  submit: 'submitted', register: 'registered', assign: 'assigned', request_info: 'info_requested', resume: 'resumed',
  move: 'moved', approve: 'approved', reject: 'rejected', deliver: 'delivered', withdraw: 'withdrawn',
};

export async function addEvent(
  tx: TenantDb, env: CaseEnv, caseId: number, kind: CaseEventKind, at: string,
  more: { from?: string | null; to?: string | null; body?: string | null; data?: unknown; public?: boolean } = {},
): Promise<void> {
  await tx.insertInto('case_events', {
    case_id: caseId, at, kind, public: (more.public ?? PUBLIC_KINDS.has(kind)) ? 1 : 0,
    actor_user_id: env.actor.userId, actor_label: env.actor.audit.label,
    from_state: more.from ?? null, to_state: more.to ?? null, body: more.body ?? null,
    data: more.data === undefined ? null : JSON.stringify(more.data),
  }).execute();
}

/** The case as this person may see it: another community's or out-of-scope case is "not found". */
export async function loadCaseFor(env: CaseEnv, tx: TenantDb, caseId: number): Promise<{ c: CaseRow; spec: ServiceSpec }> {
  const c = await tx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound();
  const isApplicant = env.actor.userId !== null && c.applicant_user_id === env.actor.userId;
  if (!isApplicant && (env.actor.roles.length === 0 || !inSettlementScope(env.actor, c))) throw notFound();
  const { spec } = await specOfVersion(tx, c.service_version_id, env.services);
  return { c, spec };
}

function applicantRow(a: ApplicantInput) {
  const opt = (v: string | null | undefined) => (v ? cleanText(v) || null : null);
  const name = cleanText(a.name);
  if (!name) throw badRequest({ applicant_name: 'services.form.error.required' });
  if (name.length > 300) throw badRequest({ applicant_name: 'services.form.error.tooLong' });
  const psn = opt(a.psn);
  const taxId = opt(a.taxId);
  if (psn !== null && !/^\d{10}$/.test(psn)) throw badRequest({ applicant_psn: 'registry.error.psn' });
  if (taxId !== null && !/^\d{8}$/.test(taxId)) throw badRequest({ applicant_tax_id: 'registry.error.taxId' });
  const email = opt(a.email);
  const phone = opt(a.phone);
  if (email !== null && (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) throw badRequest({ applicant_email: 'services.form.error.email' });
  if (phone !== null && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) throw badRequest({ applicant_phone: 'services.form.error.phone' });
  return {
    applicant_user_id: a.userId ?? null, applicant_kind: a.kind, applicant_psn: psn, applicant_tax_id: taxId,
    applicant_name: name, applicant_email: email, applicant_phone: phone,
    applicant_locale: ['hy', 'en', 'ru'].includes(a.locale) ? a.locale : 'hy',
  };
}

/** Creates a draft of the service's current version. Format errors are refused; missing values may wait. */
export async function startCase(env: CaseEnv, input: StartInput): Promise<{ caseId: number; version: number }> {
  return env.tenant.transaction(async (tx, raw) => {
    const { c } = await insertDraft(env, tx, raw, input);
    return { caseId: c.id, version: c.version };
  });
}

async function insertDraft(env: CaseEnv, tx: TenantDb, raw: Transaction<Database>, input: StartInput): Promise<{ c: CaseRow; spec: ServiceSpec }> {
  const { serviceId, versionId, spec } = await currentVersionOf(tx, input.serviceId, env.services);
  if (!spec.applicants.includes(input.applicant.kind)) throw badRequest({ applicant_kind: 'services.cases.error.applicantKind' });
  const channelOk = spec.channels === 'both' || spec.channels === input.channel;
  if (!channelOk) throw new AppError(400, 'channel', 'services.cases.error.channel');
  const check = checkForm(spec, input.formData, { partial: true });
  if (Object.keys(check.errors).length) throw badRequest(check.errors as never);
  const now = new Date().toISOString();
  const c = await tx.insertInto('cases', {
    service_id: serviceId, service_version_id: versionId, reg_number: null, reg_year: null, reg_seq: null,
    state: 'draft', channel: input.channel, ...applicantRow(input.applicant), settlement_id: input.settlementId ?? null,
    form_data: JSON.stringify(check.values), fee_amount: 0, fee_status: 'none', assignee_user_id: null, department: null,
    submitted_at: null, registered_at: null, due_date: null, state_due_date: null, state_entered_at: now, paused_at: null,
    decided_at: null, delivered_at: null, decision: null, decision_reason: null, info_request: null, rating: null,
    rating_comment: null, rated_at: null, escalated_at: null, version: 1, created_at: now, updated_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  await addEvent(tx, env, c.id, 'created', now, { to: 'draft', public: true });
  await appendAudit(raw, env.actor.audit, { communityId: env.community.id, action: 'case.create', entityType: 'case', entityId: c.id, after: { serviceId, channel: input.channel } });
  return { c, spec };
}

/** Saves draft values (applicant or desk), refusing a stale version. */
export async function saveDraft(env: CaseEnv, caseId: number, expectedVersion: number, formData: Record<string, unknown>): Promise<number> {
  return env.tenant.transaction(async (tx, raw) => {
    const { c, spec } = await loadCaseFor(env, tx, caseId);
    if (c.state !== 'draft') throw notNow();
    const check = checkForm(spec, { ...parseFormData(c.form_data), ...formData }, { partial: true });
    if (Object.keys(check.errors).length) throw badRequest(check.errors as never);
    return bump(env, tx, raw, c, expectedVersion, { form_data: JSON.stringify(check.values) }, 'case.draft_save');
  });
}

async function bump(env: CaseEnv, tx: TenantDb, raw: Transaction<Database>, c: CaseRow, expectedVersion: number, patch: Record<string, unknown>, audit: string): Promise<number> {
  if (c.version !== expectedVersion) throw caseChanged();
  const now = new Date().toISOString();
  const r = await tx.updateTable('cases').set({ ...patch, version: c.version + 1, updated_at: now })
    .where('id', '=', c.id).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw caseChanged();
  await appendAudit(raw, env.actor.audit, { communityId: env.community.id, action: audit, entityType: 'case', entityId: c.id, after: patch });
  return c.version + 1;
}

/** Takes a workflow action. Wrong state → 409, wrong role → 403, stale version → 409 "changed". */
export async function performAction(env: CaseEnv, caseId: number, actionKey: string, input: ActionInput): Promise<{ version: number; state: string }> {
  return env.tenant.transaction(async (tx, raw) => {
    const { c, spec } = await loadCaseFor(env, tx, caseId);
    return (await takeAction(env, tx, raw, c, spec, actionKey, input)).result;
  });
}

/** The action on a case already loaded in this transaction; returns the case as it is now. */
async function takeAction(
  env: CaseEnv, tx: TenantDb, raw: Transaction<Database>, c: CaseRow, spec: ServiceSpec, actionKey: string, input: ActionInput,
): Promise<{ result: { version: number; state: string }; c: CaseRow }> {
  const action = actionOf(spec, actionKey);
  if (!action) throw badRequest({ action: 'services.cases.error.unknownAction' });
  if (c.version !== input.expectedVersion) throw caseChanged();
  if (!actionAllowedFrom(action, c.state)) throw notNow();
  if (!availableActions(spec, env.actor, c).some((a) => a.key === action.key)) throw forbidden();
  const now = new Date().toISOString();
  const today = todayInYerevan(new Date(now));
  const effect = await effectOf(env, tx, raw, spec, action, c, input, now, today);
  const stateDue = isFinal(spec, action.to) ? null : await stateDeadline(raw, spec, action.to, today);
  const patch = { ...effect.patch, state: action.to, state_entered_at: now, state_due_date: stateDue };
  const version = await bump(env, tx, raw, c, input.expectedVersion, patch, `case.${action.kind}`);
  const kind = EVENT_OF[action.kind];
  await addEvent(tx, env, c.id, kind, now, { from: c.state, to: action.to, body: effect.body ?? null, data: { action: action.key, ...effect.data } });
  const after = { ...c, ...patch, version, updated_at: now } as CaseRow;
  if (patch.fee_status === 'due') {
    await feeFellDue(tx, {
      caseId: c.id, serviceId: c.service_id, serviceName: spec.name.hy, amount: after.fee_amount, dueOn: today,
      applicant: { kind: c.applicant_kind, psn: c.applicant_psn, taxId: c.applicant_tax_id, name: c.applicant_name },
    });
  }
  await notifyCaseEvent(tx, env, after, spec, kind);
  return { result: { version, state: action.to }, c: after };
}

/** Creates and submits in one go (the desk, the API, imports); registers too when the actor may. */
export async function fileCase(env: CaseEnv, input: StartInput, opts: { register?: boolean } = {}): Promise<{ caseId: number; version: number; state: string }> {
  return env.tenant.transaction(async (tx, raw) => {
    const draft = await insertDraft(env, tx, raw, input);
    let step = await takeAction(env, tx, raw, draft.c, draft.spec, 'submit', { expectedVersion: draft.c.version });
    if (opts.register) step = await takeAction(env, tx, raw, step.c, draft.spec, 'register', { expectedVersion: step.c.version });
    return { caseId: draft.c.id, ...step.result };
  });
}

/** An internal comment (staff only) or a message to the applicant (or from them). */
export async function addNote(env: CaseEnv, caseId: number, body: string, opts: { toApplicant: boolean }): Promise<void> {
  const text = cleanText(body);
  if (!text) throw badRequest({ body: 'services.form.error.required' });
  if (text.length > 4000) throw badRequest({ body: 'services.form.error.tooLong' });
  await env.tenant.transaction(async (tx, raw) => {
    const { c, spec } = await loadCaseFor(env, tx, caseId);
    const isApplicant = rolesOn(env.actor, c).has('applicant') && env.actor.roles.length === 0;
    if (isApplicant && !opts.toApplicant) throw forbidden();
    const kind: CaseEventKind = opts.toApplicant ? 'message' : 'comment';
    const now = new Date().toISOString();
    await addEvent(tx, env, c.id, kind, now, { body: text, public: opts.toApplicant });
    await tx.updateTable('cases').set({ updated_at: now }).where('id', '=', c.id).execute();
    await appendAudit(raw, env.actor.audit, { communityId: env.community.id, action: `case.${kind}`, entityType: 'case', entityId: c.id });
    if (opts.toApplicant && !isApplicant) await notifyCaseEvent(tx, env, c, spec, 'message');
  });
}

export async function setFeeStatus(env: CaseEnv, caseId: number, expectedVersion: number, status: FeeStatus): Promise<number> {
  return env.tenant.transaction(async (tx, raw) => {
    const { c } = await loadCaseFor(env, tx, caseId);
    if (env.actor.roles.length === 0) throw forbidden();
    if (c.fee_amount <= 0 || status === 'none') throw notNow();
    const version = await bump(env, tx, raw, c, expectedVersion, { fee_status: status }, 'case.fee');
    await addEvent(tx, env, c.id, 'fee', new Date().toISOString(), { data: { status, amount: c.fee_amount } });
    return version;
  });
}

/** The applicant rates a delivered (or decided) case once: 1–5 and an optional comment. */
export async function rateCase(env: CaseEnv, caseId: number, rating: number, comment: string): Promise<void> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw badRequest({ rating: 'services.cases.error.rating' });
  if (comment.length > 2000) throw badRequest({ comment: 'services.form.error.tooLong' });
  await env.tenant.transaction(async (tx, raw) => {
    const { c } = await loadCaseFor(env, tx, caseId);
    if (!rolesOn(env.actor, c).has('applicant')) throw forbidden();
    if (!c.decided_at || c.rated_at) throw notNow();
    const now = new Date().toISOString();
    await bump(env, tx, raw, c, c.version, { rating, rating_comment: cleanText(comment) || null, rated_at: now }, 'case.rate');
    await addEvent(tx, env, c.id, 'rated', now, { data: { rating } });
  });
}
