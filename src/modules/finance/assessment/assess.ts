// The annual assessment: the register streamed in chunks (tax-base.ts), each object's lines
// computed (compute.ts), and for every line that has no current twin — the same tax, object
// and payer — an obligation, its accrual and the line written in the chunk's transaction
// (writers.ts). A line whose twin has the same fingerprint is unchanged; one whose inputs
// changed is counted and left to a recalculation (corrections.ts), which the accountant
// approves. So re-running with the same register writes nothing.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { dueDate } from '../rules/calc.ts';
import { assessObject, lineKey, type LineDraft, type RuleSet, type TaxMemo } from './compute.ts';
import { countObjects, readChunk, type BaseChunk, type ObjectType } from './tax-base.ts';
import { ensureObligations, insertLines, obligationOf, postAccruals } from './writers.ts';
import type { Bulk } from './bulk.ts';
import type { FinAssessmentLinesTable } from './assessment.table.ts';
import type { Selectable } from 'kysely';

export const CHUNK = 5000;
export const OBJECT_TYPES: readonly ObjectType[] = ['structure', 'parcel'];

export interface RunTotals {
  objects: number;
  lines_created: number;
  obligations_created: number;
  exempt: number;
  unchanged: number;
  changed: number;
  amount: number;
}

export type Progress = (done: number, total: number) => void;
export type CurrentLine = Pick<Selectable<FinAssessmentLinesTable>, 'id' | 'tax_kind' | 'object_type' | 'object_id' | 'payer_kind' | 'resident_id' | 'organization_id' | 'payer_name' | 'fingerprint' | 'amount' | 'obligation_id' | 'base' | 'share_num' | 'share_den' | 'calc_kind' | 'exempt_reason' | 'tenure' | 'object_label'>;

export const keyOfRow = (r: CurrentLine) => lineKey({
  taxKind: r.tax_kind, objectType: r.object_type, objectId: r.object_id, payerKind: r.payer_kind, residentId: r.resident_id, organizationId: r.organization_id, payerName: r.payer_name,
});

/** The current lines of the year for a chunk's id range, by line key. */
export async function currentLines(tdb: TenantDb, year: number, type: ObjectType, chunk: BaseChunk): Promise<Map<string, CurrentLine>> {
  const rows = await tdb.selectFrom('fin_assessment_lines')
    .select(['id', 'tax_kind', 'object_type', 'object_id', 'payer_kind', 'resident_id', 'organization_id', 'payer_name', 'fingerprint', 'amount', 'obligation_id', 'base', 'share_num', 'share_den', 'calc_kind', 'exempt_reason', 'tenure', 'object_label'])
    .where('year', '=', year).where('object_type', '=', type).where('object_id', '>=', chunk.firstId).where('object_id', '<=', chunk.lastId).where('status', '=', 'current')
    .execute();
  return new Map(rows.map((r) => [keyOfRow(r), { ...r, amount: Number(r.amount), base: Number(r.base) }]));
}

/** Every chunk of the register with its computed lines; `visit` runs in the chunk's transaction. */
export async function forEachChunk(
  tdb: TenantDb, rs: RuleSet, year: number, asOf: string, onProgress: Progress | undefined,
  visit: (tx: TenantDb, type: ObjectType, chunk: BaseChunk, drafts: LineDraft[], done: number) => Promise<void>,
): Promise<number> {
  const total = await countObjects(tdb);
  let done = 0;
  const memo: TaxMemo = new Map();
  onProgress?.(0, total);
  for (const type of OBJECT_TYPES) {
    let after = 0;
    for (;;) {
      const chunk = await readChunk(tdb, type, after, CHUNK, asOf);
      if (!chunk) break;
      after = chunk.lastId;
      const drafts = chunk.objects.flatMap((o) => assessObject(rs, year, o, chunk.owners.get(o.id) ?? [], memo));
      done += chunk.objects.length;
      await tdb.transaction((tx) => visit(tx, type, chunk, drafts, done));
      onProgress?.(done, total);
    }
  }
  return total;
}

/** Runs the assessment of `runId` (its year and day); returns what it wrote. */
export async function executeAssessment(tdb: TenantDb, bulk: Bulk, run: { id: number; year: number; as_of: string; actor_user_id: number | null }, rs: RuleSet, onProgress?: Progress): Promise<RunTotals> {
  const totals: RunTotals = { objects: 0, lines_created: 0, obligations_created: 0, exempt: 0, unchanged: 0, changed: 0, amount: 0 };
  const due = { real_estate_tax: dueDate(rs, 'real_estate', run.year), land_tax: dueDate(rs, 'land', run.year) };
  const batch = `assessment:${run.id}`;
  totals.objects = await forEachChunk(tdb, rs, run.year, run.as_of, onProgress, async (tx, type, chunk, drafts, done) => {
    const current = await currentLines(tx, run.year, type, chunk);
    const fresh: LineDraft[] = [];
    const seen = new Set<string>();
    for (const d of drafts) {
      const key = lineKey(d);
      seen.add(key);
      const twin = current.get(key);
      if (!twin) fresh.push(d);
      else if (twin.fingerprint === d.fingerprint) totals.unchanged++;
      else totals.changed++;
    }
    for (const k of current.keys()) if (!seen.has(k)) totals.changed++;
    const chargeable = fresh.filter((d) => d.amount > 0 && d.payerKind !== null);
    const wanted = chargeable.map((d) => obligationOf(run.year, due[d.taxKind], d));
    const obligations = await ensureObligations(tx, bulk, wanted);
    const byDraft = new Map(chargeable.map((d, i) => [d, obligations.get(wanted[i]!.source_key)!]));
    const accruals = [...byDraft.values()].filter((o) => o.created);
    await postAccruals(tx, bulk, chargeable.filter((d) => byDraft.get(d)!.created).map((d) => ({ obligationId: byDraft.get(d)!.id, amount: d.amount })), run.as_of, batch, run.actor_user_id);
    await insertLines(tx, bulk, run.id, run.year, fresh.map((d) => ({ draft: d, obligationId: byDraft.get(d)?.id ?? null })));
    totals.lines_created += fresh.length;
    totals.obligations_created += accruals.length;
    totals.exempt += fresh.filter((d) => d.exemptReason !== null).length;
    totals.amount += fresh.reduce((a, d) => a + (byDraft.get(d)?.created ? d.amount : 0), 0);
    await tx.updateTable('fin_assessment_runs').set({ progress_done: done }).where('id', '=', run.id).execute();
  });
  return totals;
}
