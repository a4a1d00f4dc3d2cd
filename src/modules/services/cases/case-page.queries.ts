// What the staff case page shows besides the case row: the full timeline, the attached
// files, the output documents, the office, and the staff a case may be assigned to.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { documentsOfCase } from '../documents/documents.queries.ts';
import type { CaseRow } from './case-env.ts';

/** Roles a case may be assigned to from the case page (the engine accepts these and deputy heads). */
export const ASSIGNABLE_ROLES = ['specialist', 'chief_of_staff', 'operator', 'settlement_head', 'head'] as const;

export async function caseTimeline(tenant: TenantDb, caseId: number) {
  return tenant.selectFrom('case_events')
    .select(['id', 'at', 'kind', 'public', 'actor_label', 'from_state', 'to_state', 'body', 'data'])
    .where('case_id', '=', caseId)
    .orderBy('at', 'desc').orderBy('id', 'desc')
    .execute();
}
export type TimelineEvent = Awaited<ReturnType<typeof caseTimeline>>[number];

export async function caseAttachments(tenant: TenantDb, caseId: number) {
  return tenant.selectFrom('case_attachments')
    .select(['id', 'document_key', 'filename', 'mime', 'size', 'public', 'uploaded_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof caseAttachments>>[number];

export async function findAttachment(tenant: TenantDb, caseId: number, attachmentId: number) {
  return (await tenant.selectFrom('case_attachments').select(['id', 'sha256', 'filename', 'mime'])
    .where('case_id', '=', caseId).where('id', '=', attachmentId).executeTakeFirst()) ?? null;
}

/** The community's staff who hold a role a case may be assigned to, by name. */
export async function assignableStaff(tenant: TenantDb): Promise<{ id: number; name: string }[]> {
  const rows = await tenant.selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.full_name'])
    .where('role_assignments.role', 'in', [...ASSIGNABLE_ROLES])
    .where('users.disabled', '=', 0)
    .distinct()
    .orderBy('users.full_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.full_name }));
}

/** Names of the staff a case and its timeline refer to (assignees), by user id. */
async function staffNames(tenant: TenantDb, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  // Only people with a role in this community: an id never reveals another community's staff.
  const rows = await tenant.selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.full_name'])
    .where('users.id', 'in', ids)
    .distinct()
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

function assigneesIn(events: TimelineEvent[]): number[] {
  const ids: number[] = [];
  for (const e of events) {
    if (e.kind !== 'assigned' || !e.data) continue;
    const v = (JSON.parse(e.data) as { assignee?: unknown }).assignee;
    if (typeof v === 'number') ids.push(v);
  }
  return ids;
}

export async function casePageData(tenant: TenantDb, c: CaseRow) {
  const events = await caseTimeline(tenant, c.id);
  const attachments = await caseAttachments(tenant, c.id);
  const documents = await documentsOfCase(tenant, c.id);
  const staff = await assignableStaff(tenant);
  const names = await staffNames(tenant, [...new Set([...(c.assignee_user_id ? [c.assignee_user_id] : []), ...assigneesIn(events)])]);
  const office = c.settlement_id === null ? null
    : (await tenant.selectFrom('settlements').select(['name_hy', 'name_en', 'name_ru']).where('id', '=', c.settlement_id).executeTakeFirst()) ?? null;
  return { events, attachments, documents, staff, names, office };
}
export type CasePageData = Awaited<ReturnType<typeof casePageData>>;
