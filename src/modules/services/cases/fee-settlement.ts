// A case's fee paid through the finance ledger: when the payment settles the fee's
// obligation, finance calls this in the payment's transaction, and the case shows the fee
// as paid so its workflow goes on. Audited as a fee status change (case.fee), like the
// staff's own change of the fee status.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';

/** Marks a due fee paid; returns false when it was not due (already paid, waived, no fee, no case). */
export async function settleCaseFee(tenant: TenantDb, caseId: number, paidOn: string, actor: AuditActor): Promise<boolean> {
  return tenant.transaction(async (tx, raw) => {
    const c = await tx.selectFrom('cases').select(['id', 'fee_status', 'fee_amount', 'version']).where('id', '=', caseId).executeTakeFirst();
    if (!c || c.fee_status !== 'due') return false;
    const now = new Date().toISOString();
    // The version is bumped, so a staff member's open form with the old version is refused, not overwritten.
    await tx.updateTable('cases').set({ fee_status: 'paid', version: c.version + 1, updated_at: now }).where('id', '=', caseId).execute();
    await tx.insertInto('case_events', {
      case_id: caseId, at: now, kind: 'fee', public: 1, actor_user_id: actor.userId, actor_label: actor.label,
      from_state: null, to_state: null, body: null, data: JSON.stringify({ status: 'paid', amount: c.fee_amount, paidOn }),
    }).execute();
    await appendAudit(raw, actor, { communityId: tenant.communityId, action: 'case.fee', entityType: 'case', entityId: caseId, before: { fee_status: 'due' }, after: { fee_status: 'paid', paidOn } });
    return true;
  });
}
