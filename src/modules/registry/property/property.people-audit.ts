// Personal data shown on property and asset pages (resident owners, resident tenants) is a
// read of the population register: one 'resident.view' audit event per resident shown, in
// a transaction of its own, so the citizen's portal lists the view of their record.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';

export type ShownVia = 'parcel' | 'structure' | 'asset';

export interface Shown {
  residentId: number | null;
  /** The parcel, structure or asset whose page showed the resident. */
  objectId: number;
}

/** Audits the residents shown on one page view (duplicates and nulls ignored; nothing to do for none). */
export async function auditResidentsShown(tenant: TenantDb, actor: AuditActor, via: ShownVia, shown: Shown[]): Promise<void> {
  const seen = new Set<string>();
  const events = shown.filter((s): s is { residentId: number; objectId: number } => {
    const key = `${s.residentId}:${s.objectId}`;
    if (s.residentId === null || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (events.length === 0) return;
  await tenant.transaction(async (scoped, tx) => {
    for (const e of events) {
      await appendAudit(tx, actor, { communityId: scoped.communityId, action: 'resident.view', entityType: 'resident', entityId: e.residentId, after: { via, objectId: e.objectId } });
    }
  });
}
