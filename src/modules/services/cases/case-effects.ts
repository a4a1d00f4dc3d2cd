// What each kind of workflow action does to a case besides moving its state. The
// workflow (data) says from where to where and who; the kind (code) says what it means.
import type { Updateable } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { nextSequence } from '../../../platform/db/sequences.ts';
import { badRequest, type FieldErrors } from '../../../platform/http/errors.ts';
import type { CasesTable } from '../services.table.ts';
import type { ActionSpec, ServiceSpec } from '../catalogue/spec.ts';
import type { CaseEnv, CaseRow } from './case-env.ts';
import { deadlineAfterPause, decisionDeadline } from './case-clock.ts';
import { checkForm, cleanText, parseFormData } from './form-values.ts';
import { computeFee } from '../catalogue/fees.ts';
import { issueOutputDocument } from '../documents/documents.service.ts';

export interface ActionInput {
  /** The case version the person saw; a stale one is refused (someone else acted first). */
  expectedVersion: number;
  assigneeUserId?: number | undefined;
  department?: string | undefined;
  reason?: string | undefined;
  /** request_info: exactly what to fix. */
  fields?: string[] | undefined;
  documents?: string[] | undefined;
  message?: string | undefined;
  /** resume by the applicant: corrected values of the requested fields. */
  formData?: Record<string, unknown> | undefined;
}

export interface Effect {
  patch: Updateable<CasesTable>;
  /** Text and details for the timeline. */
  body?: string | null;
  data?: Record<string, unknown>;
}

const MAX_TEXT = 4000;

function text(v: string | undefined, field: string, required: boolean): string | null {
  const s = cleanText(v ?? '');
  if (required && !s) throw badRequest({ [field]: 'services.form.error.required' } as FieldErrors);
  if (s.length > MAX_TEXT) throw badRequest({ [field]: 'services.form.error.tooLong' } as FieldErrors);
  return s || null;
}

async function assertAssignable(env: CaseEnv, tx: Transaction<Database>, userId: number | undefined): Promise<number> {
  if (!userId) throw badRequest({ assignee: 'services.form.error.required' });
  const holder = await tx.selectFrom('role_assignments').select('user_id')
    .where('community_id', '=', env.community.id).where('user_id', '=', userId)
    .where('role', 'in', ['specialist', 'chief_of_staff', 'operator', 'settlement_head', 'head', 'deputy_head'])
    .executeTakeFirst();
  if (!holder) throw badRequest({ assignee: 'services.cases.error.assignee' });
  return userId;
}

/** Required documents the case has no file for. */
export async function missingDocuments(tx: TenantDb, spec: ServiceSpec, caseId: number): Promise<string[]> {
  if (!spec.documents.some((d) => d.required)) return [];
  const rows = await tx.selectFrom('case_attachments').select('document_key').where('case_id', '=', caseId).execute();
  const have = new Set(rows.map((r) => r.document_key));
  return spec.documents.filter((d) => d.required && !have.has(d.key)).map((d) => d.key);
}

/** Checks the full form and the required documents; the fee follows from the values. */
export async function readyToSubmit(tx: TenantDb, spec: ServiceSpec, c: CaseRow): Promise<{ fee: number }> {
  const check = checkForm(spec, parseFormData(c.form_data));
  const missing = await missingDocuments(tx, spec, c.id);
  const errors: Record<string, string> = { ...check.errors };
  for (const d of missing) errors[`document_${d}`] = 'services.form.error.documentMissing';
  if (Object.keys(errors).length) throw badRequest(errors as FieldErrors);
  return { fee: computeFee(spec.fee, check.values) };
}

export async function effectOf(
  env: CaseEnv, tx: TenantDb, raw: Transaction<Database>, spec: ServiceSpec, action: ActionSpec, c: CaseRow, input: ActionInput, now: string, today: string,
): Promise<Effect> {
  switch (action.kind) {
    case 'submit': {
      const { fee } = await readyToSubmit(tx, spec, c);
      return { patch: { submitted_at: now, fee_amount: fee, fee_status: fee > 0 ? 'due' : 'none' } };
    }
    case 'register': {
      const year = Number(today.slice(0, 4));
      const seq = await nextSequence(tx, `case:${year}`);
      const regNumber = `${year}/${String(seq).padStart(6, '0')}`;
      const due = await decisionDeadline(raw, today, spec.deadline);
      return { patch: { reg_year: year, reg_seq: seq, reg_number: regNumber, registered_at: now, due_date: due }, data: { number: regNumber, due } };
    }
    case 'assign': {
      const assignee = await assertAssignable(env, raw, input.assigneeUserId);
      const department = text(input.department, 'department', false);
      return { patch: { assignee_user_id: assignee, department: department ?? c.department }, data: { assignee, department } };
    }
    case 'request_info': {
      // The applicant is told exactly what to fix: at least one field or document of this
      // service, and nothing the service does not have.
      const fields = [...new Set(input.fields ?? [])];
      const documents = [...new Set(input.documents ?? [])];
      const unknown = fields.some((f) => !spec.fields.some((x) => x.key === f)) || documents.some((d) => !spec.documents.some((x) => x.key === d));
      if (unknown) throw badRequest({ fields: 'services.cases.error.unknownItems' });
      if (!fields.length && !documents.length) throw badRequest({ fields: 'services.cases.error.nameItems' });
      const message = text(input.message, 'message', true);
      const request = { fields, documents, message };
      return { patch: { paused_at: now, info_request: JSON.stringify(request) }, body: message, data: request };
    }
    case 'resume': {
      let formData = c.form_data;
      const request = c.info_request ? (JSON.parse(c.info_request) as { fields: string[] }) : { fields: [] };
      if (input.formData && request.fields.length) {
        const merged = { ...parseFormData(c.form_data), ...input.formData };
        const check = checkForm(spec, merged);
        const wrong = Object.fromEntries(Object.entries(check.errors).filter(([k]) => request.fields.includes(k)));
        if (Object.keys(wrong).length) throw badRequest(wrong as FieldErrors);
        formData = JSON.stringify({ ...parseFormData(c.form_data), ...checkForm(spec, merged, { only: request.fields }).values });
      }
      const due = c.due_date && c.paused_at ? await deadlineAfterPause(raw, c.due_date, c.paused_at.slice(0, 10), today, spec.deadline.unit) : c.due_date;
      const message = text(input.message, 'message', false);
      return { patch: { paused_at: null, info_request: null, form_data: formData, due_date: due }, body: message, data: { due } };
    }
    case 'approve':
    case 'reject': {
      const reason = text(input.reason, 'reason', action.kind === 'reject');
      const decision = action.kind === 'approve' ? 'approved' : 'rejected';
      const decided = { ...c, decision, decision_reason: reason } as CaseRow;
      const doc = await issueOutputDocument(tx, env.services, { community: env.community, caseRow: decided, spec, decision, actor: env.actor.audit });
      return { patch: { decision, decision_reason: reason, decided_at: now, paused_at: null }, body: reason, data: doc ? { document: doc.code } : {} };
    }
    case 'deliver':
      return { patch: { delivered_at: now } };
    case 'withdraw':
      return { patch: { paused_at: null }, body: text(input.reason, 'reason', false) };
    case 'move':
      return { patch: {}, body: text(input.message, 'message', false) };
  }
}
