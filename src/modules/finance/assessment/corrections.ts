// A recalculation: the year's register read again and compared, line by line, with the
// current lines. Every difference (per payer and object: old amount, new amount, why) is
// stored for the accountant; nothing reaches the ledger until they approve (approve.ts).
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { lineKey, type LineDraft, type RuleSet } from './compute.ts';
import { currentLines, forEachChunk, type CurrentLine, type Progress } from './assess.ts';
import { chunked } from './writers.ts';

export interface RecalcTotals {
  objects: number;
  unchanged: number;
  differences: number;
  /** The net change in drams the differences would post. */
  amount: number;
}

/** Why a line changed, in the words of the correction (value, share, owner, purpose, …). */
export function reasonOf(old: CurrentLine | undefined, next: LineDraft | undefined): string {
  if (!old || !next) return 'owner';
  if (old.calc_kind !== next.calcKind) return 'purpose';
  if (Number(old.base) !== next.base) return 'value';
  if (old.share_num * next.shareDen !== next.shareNum * old.share_den) return 'share';
  if (old.tenure !== next.tenure) return 'tenure';
  if ((old.exempt_reason ?? null) !== next.exemptReason) return 'exemption';
  return 'rule';
}

export async function executeRecalculation(tdb: TenantDb, run: { id: number; year: number; as_of: string }, rs: RuleSet, onProgress?: Progress): Promise<RecalcTotals> {
  const totals: RecalcTotals = { objects: 0, unchanged: 0, differences: 0, amount: 0 };
  // A newer recalculation replaces any earlier one still waiting for approval.
  await tdb.updateTable('fin_assessment_runs').set({ status: 'superseded' })
    .where('year', '=', run.year).where('kind', '=', 'recalculation').where('status', '=', 'done').where('id', '<>', run.id).execute();
  const created = new Date().toISOString();
  totals.objects = await forEachChunk(tdb, rs, run.year, run.as_of, onProgress, async (tx, type, chunk, drafts, done) => {
    const current = await currentLines(tx, run.year, type, chunk);
    const next = new Map(drafts.map((d) => [lineKey(d), d]));
    const rows = [];
    for (const key of new Set([...current.keys(), ...next.keys()])) {
      const old = current.get(key);
      const d = next.get(key);
      if (old && d && old.fingerprint === d.fingerprint) {
        totals.unchanged++;
        continue;
      }
      const oldAmount = old ? Number(old.amount) : 0;
      const newAmount = d?.amount ?? 0;
      rows.push({
        run_id: run.id, year: run.year, tax_kind: d?.taxKind ?? old!.tax_kind, object_type: type, object_id: d?.objectId ?? old!.object_id,
        object_label: d?.objectLabel ?? old!.object_label, payer_kind: d ? d.payerKind : old!.payer_kind,
        resident_id: d ? d.residentId : old!.resident_id, organization_id: d ? d.organizationId : old!.organization_id,
        payer_name: d ? d.payerName : old!.payer_name, old_line_id: old?.id ?? null, old_amount: oldAmount, new_amount: newAmount,
        reason: reasonOf(old, d), new_line: d ? JSON.stringify(d) : null, created_at: created,
      });
      totals.amount += newAmount - oldAmount;
    }
    for (const part of chunked(rows, 1000)) await tx.insertInto('fin_assessment_differences', part).execute();
    totals.differences += rows.length;
    await tx.updateTable('fin_assessment_runs').set({ progress_done: done }).where('id', '=', run.id).execute();
  });
  return totals;
}
