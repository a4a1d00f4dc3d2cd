// Every read that shows a person of the population register names that person in the
// audit log: one 'resident.view' event per resident shown — on their record, in a list or a
// search, on a household page, in an export, as an owner or tenant of property, at the
// front desk, on a certificate — so the citizen's "who viewed my record" lists it. A page or
// an export of many people is written in one multi-row statement (appendAuditMany).
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAuditMany, type AuditActor, type AuditEntry } from '../../../platform/audit/audit.ts';

/** Where the person was shown; the citizen's page names it. */
export const SHOWN_VIA = ['page', 'api', 'list', 'search', 'export', 'household', 'parcel', 'structure', 'asset', 'desk', 'certificate'] as const;
export type ShownVia = (typeof SHOWN_VIA)[number];

export interface Shown {
  residentId: number | null;
  /** The record whose page showed the person (a household, parcel, structure, asset, document). */
  objectId?: number;
}

/** The audit entries for the residents shown: one per resident and object (duplicates and nulls dropped). */
export function residentViews(communityId: number, via: ShownVia, shown: readonly Shown[]): AuditEntry[] {
  const seen = new Set<string>();
  const out: AuditEntry[] = [];
  for (const s of shown) {
    const key = `${s.residentId}:${s.objectId ?? ''}`;
    if (s.residentId === null || seen.has(key)) continue;
    seen.add(key);
    out.push({ communityId, action: 'resident.view', entityType: 'resident', entityId: s.residentId, after: s.objectId === undefined ? { via } : { via, objectId: s.objectId } });
  }
  return out;
}

/**
 * Audits the residents one read showed, with `also` (e.g. the search or export itself) in the
 * same transaction of its own: a read changes nothing else. Nothing shown, nothing written.
 */
export async function auditResidentsShown(tenant: TenantDb, actor: AuditActor, via: ShownVia, shown: readonly Shown[], also: readonly AuditEntry[] = []): Promise<void> {
  const entries = [...also, ...residentViews(tenant.communityId, via, shown)];
  if (entries.length === 0) return;
  await tenant.transaction((_scoped, tx) => appendAuditMany(tx, actor, entries));
}
