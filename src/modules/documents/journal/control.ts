// Execution control's daily run: a reminder to the executors of every open resolution due by
// the next working day, once; an escalation to every chief of staff for each resolution past
// its deadline, once (a granted extension clears both, so the new deadline is watched again).
import type { Services } from '../../../platform/module/contract.ts';
import { TenantDb, unscoped } from '../../../platform/db/tenant.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { addNotices, noticeStaffWithRole } from '../../../platform/notify/notices.ts';
import { loadCalendar } from '../../../platform/calendar/calendar.store.ts';
import { event } from './resolutions.ts';
import type { ResolutionStatus } from './journal.table.ts';

export const CONTROL_ACTOR = 'documents control';
export const CONTROL_JOB = 'documents.control';

/** Statuses in which the executors still owe work (a report waiting for the resolver does not). */
export const OPEN: ResolutionStatus[] = ['in_work', 'returned', 'extension_requested'];

/** `communityId` narrows the run to one community (a rerun for one office); the daily job runs for all. */
export async function runExecutionControl(services: Pick<Services, 'db'>, today: string, communityId?: number): Promise<{ reminded: number; escalated: number }> {
  const db = services.db.kysely;
  const calendar = await loadCalendar(db);
  const soon = calendar.addWorkingDays(today, 1);
  const actor = { ...SYSTEM_ACTOR, label: CONTROL_ACTOR };
  const all = unscoped(db, 'execution control runs for every community');
  const every = all.selectFrom('doc_resolutions').innerJoin('doc_documents', 'doc_documents.id', 'doc_resolutions.document_id')
    .select(['doc_resolutions.id', 'doc_resolutions.community_id', 'doc_resolutions.due_on', 'doc_documents.id as document_id', 'doc_documents.number'])
    .where('doc_resolutions.status', 'in', OPEN).orderBy('doc_resolutions.id').limit(5000);
  const base = communityId === undefined ? every : every.where('doc_resolutions.community_id', '=', communityId);
  const dueSoon = await base.where('doc_resolutions.due_on', '>=', today).where('doc_resolutions.due_on', '<=', soon).where('doc_resolutions.reminded_on', 'is', null).execute();
  const overdue = await base.where('doc_resolutions.due_on', '<', today).where('doc_resolutions.escalated_on', 'is', null).execute();

  let reminded = 0;
  for (const r of dueSoon) {
    await db.transaction().execute(async (raw) => {
      const tx = new TenantDb(raw, r.community_id);
      const u = await tx.updateTable('doc_resolutions').set({ reminded_on: today }).where('id', '=', r.id).where('reminded_on', 'is', null).executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) return;
      const executors = await tx.selectFrom('doc_resolution_executors').select('user_id').where('resolution_id', '=', r.id).execute();
      await addNotices(tx, executors.map((e) => e.user_id), { key: 'documents.notice.reminder', params: { number: r.number, due: r.due_on }, link: `/staff/journal/${r.document_id}` });
      await event(tx, r.id, 'remind', null, r.due_on);
      await appendAudit(raw, actor, { communityId: r.community_id, action: 'documents.resolution.remind', entityType: 'doc_resolution', entityId: r.id, after: { due: r.due_on } });
      reminded++;
    });
  }
  let escalated = 0;
  for (const r of overdue) {
    await db.transaction().execute(async (raw) => {
      const tx = new TenantDb(raw, r.community_id);
      const u = await tx.updateTable('doc_resolutions').set({ escalated_on: today }).where('id', '=', r.id).where('escalated_on', 'is', null).executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) return;
      const chiefs = await noticeStaffWithRole(tx, 'chief_of_staff', { key: 'documents.notice.escalated', params: { number: r.number, due: r.due_on }, link: `/staff/journal/${r.document_id}` });
      await event(tx, r.id, 'escalate', null, r.due_on);
      await appendAudit(raw, actor, { communityId: r.community_id, action: 'documents.resolution.escalate', entityType: 'doc_resolution', entityId: r.id, after: { due: r.due_on, chiefs } });
      escalated++;
    });
  }
  return { reminded, escalated };
}
