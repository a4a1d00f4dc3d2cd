// Data access of the citizen portal: the signed-in person's own account and cases (across
// communities), and the parts of a case the applicant may see: the public timeline, the
// public files and the issued documents.
import { unscoped, type Executor, type TenantDb } from '../../../platform/db/tenant.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { CaseRow } from '../cases/case-env.ts';
import { parseStoredSpec, type ServiceSpec } from '../catalogue/spec.ts';

/** What the application form fills in from the account. */
export async function accountOf(db: Executor, userId: number) {
  return unscoped(db, 'the signed-in person reads their own account to prefill an application')
    .selectFrom('users')
    .select(['full_name', 'email', 'phone', 'verified_psn', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}
export type AccountPrefill = Awaited<ReturnType<typeof accountOf>>;

/**
 * A case of this community that the signed-in person applied for. Anyone else's case, a
 * staff member's included, is "not found" here: the portal shows applicants their own cases.
 */
export async function myCase(tenant: TenantDb, userId: number, caseId: number): Promise<CaseRow> {
  const c = await tenant.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c || c.applicant_user_id !== userId) throw notFound();
  return c;
}

const MY_CASES_LIMIT = 300;

/** Every case the person applied for, in every community, newest activity first. */
export async function myCases(db: Executor, userId: number) {
  const rows = await unscoped(db, 'a citizen lists their own applications in every community')
    .selectFrom('cases')
    .innerJoin('communities', 'communities.id', 'cases.community_id')
    .innerJoin('service_versions', (j) => j.onRef('service_versions.id', '=', 'cases.service_version_id').onRef('service_versions.community_id', '=', 'cases.community_id'))
    .select([
      'cases.id', 'cases.state', 'cases.reg_number', 'cases.due_date', 'cases.submitted_at', 'cases.paused_at', 'cases.updated_at', 'cases.created_at', 'cases.service_version_id',
      'communities.slug', 'communities.name_hy', 'communities.name_en', 'communities.name_ru', 'service_versions.spec',
    ])
    .where('cases.applicant_user_id', '=', userId)
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id', 'desc')
    .limit(MY_CASES_LIMIT)
    .execute();
  // Several cases share a version: parse each version's spec once.
  const specs = new Map<number, ServiceSpec>();
  return rows.map(({ spec, ...row }) => {
    let parsed = specs.get(row.service_version_id);
    if (!parsed) specs.set(row.service_version_id, (parsed = parseStoredSpec(spec)));
    return { ...row, spec: parsed };
  });
}
export type MyCaseRow = Awaited<ReturnType<typeof myCases>>[number];

/** The applicant's part of the timeline, oldest first. */
export async function publicTimeline(tenant: TenantDb, caseId: number) {
  return tenant
    .selectFrom('case_events')
    .select(['id', 'at', 'kind', 'actor_user_id', 'from_state', 'to_state', 'body', 'data'])
    .where('case_id', '=', caseId)
    .where('public', '=', 1)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
export type PublicEvent = Awaited<ReturnType<typeof publicTimeline>>[number];

/** Files the applicant may see: their own uploads and the output documents. */
export async function publicAttachments(tenant: TenantDb, caseId: number) {
  return tenant
    .selectFrom('case_attachments')
    .select(['id', 'document_key', 'sha256', 'filename', 'mime', 'size', 'uploaded_at', 'uploaded_by_user_id'])
    .where('case_id', '=', caseId)
    .where('public', '=', 1)
    .orderBy('id')
    .execute();
}
export type PublicAttachment = Awaited<ReturnType<typeof publicAttachments>>[number];

export async function findPublicAttachment(tenant: TenantDb, caseId: number, attachmentId: number) {
  const row = await tenant
    .selectFrom('case_attachments')
    .select(['id', 'sha256', 'filename', 'mime'])
    .where('id', '=', attachmentId)
    .where('case_id', '=', caseId)
    .where('public', '=', 1)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
