// The scheduled escalation: open cases past their decision deadline are reported once to
// every chief of staff of the community (an in-app notice), and the timeline records it.
import type { Services } from '../../../platform/module/contract.ts';
import { TenantDb, unscoped } from '../../../platform/db/tenant.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { noticeStaffWithRole } from '../../../platform/notify/notices.ts';
import { specOfVersion } from './case-spec.ts';

/** The actor label the escalation writes (audit and timeline); the audit pages translate it. */
export const ESCALATION_ACTOR = 'deadline escalation';

/** States in which the decision clock does not run (or has stopped). */
export const CLOCK_STOPPED = ['draft', 'info_requested', 'approved', 'rejected', 'delivered', 'withdrawn'] as const;

export async function escalateOverdueCases(services: Services, now = new Date()): Promise<number> {
  const db = services.db.kysely;
  const today = todayInYerevan(now);
  const overdue = await unscoped(db, 'the escalation job runs for every community')
    .selectFrom('cases')
    .select(['id', 'community_id', 'reg_number', 'service_version_id', 'due_date'])
    .where('due_date', '<', today)
    .where('decided_at', 'is', null)
    .where('escalated_at', 'is', null)
    .where('state', 'not in', [...CLOCK_STOPPED])
    .orderBy('community_id')
    .limit(5000)
    .execute();
  const actor = { ...SYSTEM_ACTOR, label: ESCALATION_ACTOR };
  for (const c of overdue) {
    await db.transaction().execute(async (raw) => {
      const tx = new TenantDb(raw, c.community_id);
      const r = await tx.updateTable('cases').set({ escalated_at: now.toISOString() }).where('id', '=', c.id).where('escalated_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return; // another process escalated it
      const { spec } = await specOfVersion(tx, c.service_version_id, services);
      const params = { number: c.reg_number ?? `#${c.id}`, service: spec.name };
      const chiefs = await noticeStaffWithRole(tx, 'chief_of_staff', { key: 'services.notice.escalated', params, link: `/staff/cases/${c.id}` });
      await tx.insertInto('case_events', {
        case_id: c.id, at: now.toISOString(), kind: 'escalated', public: 0, actor_user_id: null, actor_label: actor.label,
        from_state: null, to_state: null, body: null, data: JSON.stringify({ due: c.due_date, chiefs }),
      }).execute();
      await appendAudit(raw, actor, { communityId: c.community_id, action: 'case.escalate', entityType: 'case', entityId: c.id, after: { due: c.due_date } });
    });
  }
  return overdue.length;
}
