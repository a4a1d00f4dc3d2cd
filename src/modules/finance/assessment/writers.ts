// Bulk writes of an assessment chunk: obligations (once per source key, like the ledger
// core's ensureObligation, but a chunk at a time), their accrual entries (the ledger core's
// postEntries), the lines and the co-owners of joint lines — multi-row inserts in the
// chunk's transaction, sized under both engines' limits on bound parameters.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { NewEntry, NewObligation } from '../ledger/ledger.core.ts';
import type { LineDraft } from './compute.ts';
import type { Bulk } from './bulk.ts';

/** Rows per INSERT: 25 columns × 800 stays under SQLite's 32,766 bound parameters. */
const ROWS = 800;

export function chunked<T>(list: readonly T[], size = ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The obligation's idempotency key: the tax, year, object and payer. */
export function sourceKeyOf(year: number, l: Pick<LineDraft, 'taxKind' | 'objectType' | 'objectId' | 'payerKind' | 'residentId' | 'organizationId'>): string {
  const tax = l.taxKind === 'real_estate_tax' ? 'ret' : 'lt';
  return `${tax}:${year}:${l.objectType}:${l.objectId}:${l.payerKind}:${l.payerKind === 'resident' ? l.residentId : l.organizationId}`;
}

export function obligationOf(year: number, dueOn: string, l: LineDraft): NewObligation {
  return {
    payer_kind: l.payerKind!, resident_id: l.residentId, organization_id: l.organizationId, kind: l.taxKind,
    subject_type: l.objectType, subject_id: l.objectId, subject_label: l.objectLabel, period: String(year), due_on: dueOn,
    revenue_line: null, source_key: sourceKeyOf(year, l),
  };
}

/**
 * The obligations for these keys, created where missing: one INSERT … ON CONFLICT DO
 * NOTHING per chunk (the unique source key decides, so nothing is looked up first), then
 * one SELECT for the keys it skipped — they already existed (rare: a re-run writes no
 * obligations for lines it finds). Returns source key → { id, created }.
 */
export async function ensureObligations(tdb: TenantDb, bulk: Bulk, obs: NewObligation[]): Promise<Map<string, { id: number; created: boolean }>> {
  const out = new Map<string, { id: number; created: boolean }>();
  if (obs.length === 0) return out;
  const now = new Date().toISOString();
  const rows = await bulk.insert(tdb, 'fin_obligations', obs.map((o) => ({ ...o, status: 'active', created_at: now })), { returning: ['id', 'source_key'], ignoreConflicts: true });
  for (const r of rows) out.set(r.source_key as string, { id: Number(r.id), created: true });
  for (const part of chunked(obs.filter((o) => !out.has(o.source_key)))) {
    const existing = await tdb.selectFrom('fin_obligations').select(['id', 'source_key']).where('source_key', 'in', part.map((o) => o.source_key)).execute();
    for (const e of existing) out.set(e.source_key, { id: e.id, created: false });
  }
  return out;
}

/**
 * Appends entries in bulk, with the ledger core's rule (postEntries): whole drams, never
 * updated afterwards.
 */
export async function appendEntries(tdb: TenantDb, bulk: Bulk, entries: NewEntry[]): Promise<void> {
  for (const e of entries) if (!Number.isSafeInteger(e.amount)) throw new RangeError(`entry ${e.kind}: money is whole drams, got ${e.amount}`);
  const created = new Date().toISOString();
  await bulk.insert(tdb, 'fin_entries', entries.map((e) => ({ ...e, created_at: created })));
}

/** Accrual entries, one per obligation. */
export async function postAccruals(tdb: TenantDb, bulk: Bulk, accruals: { obligationId: number; amount: number }[], on: string, batch: string, actorUserId: number | null): Promise<void> {
  await appendEntries(tdb, bulk, accruals.map((a) => ({
    obligation_id: a.obligationId, kind: 'accrual', component: 'principal', amount: a.amount, entry_on: on,
    payment_id: null, reverses_entry_id: null, legal_ground: null, note: null, batch, actor_user_id: actorUserId,
  })));
}

export function lineRow(runId: number, year: number, l: LineDraft, obligationId: number | null, created: string) {
  return {
    run_id: runId, year, tax_kind: l.taxKind, object_type: l.objectType, object_id: l.objectId, object_label: l.objectLabel,
    payer_kind: l.payerKind, resident_id: l.residentId, organization_id: l.organizationId, payer_name: l.payerName, tenure: l.tenure,
    base: l.base, share_num: l.shareNum, share_den: l.shareDen, amount: l.amount, calc_kind: l.calcKind, rule_kind: l.ruleKind,
    rule_id: l.ruleId, legal_ref: l.legalRef, verification: l.verification, exempt_reason: l.exemptReason, obligation_id: obligationId,
    fingerprint: l.fingerprint, status: 'current' as const, created_at: created,
  };
}

/** Inserts the lines with their obligations and the co-owners of the joint ones. */
export async function insertLines(tdb: TenantDb, bulk: Bulk, runId: number, year: number, lines: { draft: LineDraft; obligationId: number | null }[]): Promise<void> {
  const created = new Date().toISOString();
  const plain = lines.filter((l) => l.draft.coOwners.length === 0);
  await bulk.insert(tdb, 'fin_assessment_lines', plain.map((l) => lineRow(runId, year, l.draft, l.obligationId, created)));
  // Joint lines come back with their ids (matched by object and payer) for the co-owner rows.
  const joint = lines.filter((x) => x.draft.coOwners.length > 0);
  const ids = await bulk.insert(tdb, 'fin_assessment_lines', joint.map((l) => lineRow(runId, year, l.draft, l.obligationId, created)), { returning: ['id', 'object_type', 'object_id', 'tax_kind'] });
  const idOf = new Map(ids.map((r) => [`${r.tax_kind}:${r.object_type}:${r.object_id}`, Number(r.id)]));
  await bulk.insert(tdb, 'fin_assessment_coowners', joint.flatMap((l) => l.draft.coOwners.map((c) => ({
    line_id: idOf.get(`${l.draft.taxKind}:${l.draft.objectType}:${l.draft.objectId}`)!, obligation_id: l.obligationId, resident_id: c.residentId, organization_id: c.organizationId,
  }))));
}
