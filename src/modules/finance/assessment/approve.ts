// Approving a recalculation: its differences become ledger entries in one transaction —
// the old accrual reversed and the new one posted on the same obligation (same payer), or
// a new obligation for a new owner; the old lines are superseded by new ones, each posting
// audited. The run moves done → approved in the same transaction under a guard, so a
// second approval (a double click, a retried request) finds it approved and posts nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, appendAuditMany, type AuditActor } from '../../../platform/audit/audit.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { sqliteHandleOf } from '../../../platform/db/connect.ts';
import { bulkFor } from './bulk.ts';
import { loadRuleSet } from '../rules/rules.service.ts';
import { dueDate } from '../rules/calc.ts';
import type { LineDraft } from './compute.ts';
import { appendEntries, chunked, ensureObligations, insertLines, obligationOf, postAccruals } from './writers.ts';

export interface ApproveResult {
  posted: number;
  /** true: it had been approved before; nothing was written now. */
  already: boolean;
}

/** Principal accruals of these obligations that no reversal cancels yet. */
async function openAccruals(tx: TenantDb, obligationIds: number[]): Promise<{ id: number; obligation_id: number; amount: number }[]> {
  const out: { id: number; obligation_id: number; amount: number }[] = [];
  for (const ids of chunked(obligationIds)) {
    const entries = await tx.selectFrom('fin_entries').select(['id', 'obligation_id', 'amount', 'kind', 'reverses_entry_id']).where('obligation_id', 'in', ids).where('component', '=', 'principal').execute();
    const reversed = new Set(entries.filter((e) => e.reverses_entry_id !== null).map((e) => e.reverses_entry_id));
    out.push(...entries.filter((e) => e.kind === 'accrual' && !reversed.has(e.id)).map((e) => ({ id: e.id, obligation_id: e.obligation_id, amount: Number(e.amount) })));
  }
  return out;
}

export async function approveRecalculation(db: Kysely<Database>, communityId: number, actor: AuditActor, runId: number, on: string): Promise<ApproveResult> {
  const tdb = new TenantDb(db, communityId);
  const head = await tdb.selectFrom('fin_assessment_runs').select(['year']).where('id', '=', runId).executeTakeFirst();
  if (!head) throw notFound();
  // Read before the transaction: on SQLite the one connection is the transaction's until it ends.
  const rs = await loadRuleSet(db, head.year, communityId);
  const bulk = bulkFor(sqliteHandleOf(db));
  return tdb.transaction(async (tx, raw) => {
    const claimed = await tx.updateTable('fin_assessment_runs').set({ status: 'approved', approved_by_user_id: actor.userId, approved_at: new Date().toISOString() })
      .where('id', '=', runId).where('kind', '=', 'recalculation').where('status', '=', 'done').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      const run = await tx.selectFrom('fin_assessment_runs').select(['status', 'kind']).where('id', '=', runId).executeTakeFirst();
      if (!run || run.kind !== 'recalculation') throw notFound();
      if (run.status === 'approved') return { posted: 0, already: true };
      throw conflict({ run: 'finance.assessment.error.notApprovable' });
    }
    const run = (await tx.selectFrom('fin_assessment_runs').select(['year']).where('id', '=', runId).executeTakeFirstOrThrow());
    const diffs = await tx.selectFrom('fin_assessment_differences').selectAll().where('run_id', '=', runId).orderBy('id').execute();
    const oldIds = diffs.flatMap((d) => (d.old_line_id ? [d.old_line_id] : []));
    const oldLines = new Map<number, { obligation_id: number | null; status: string }>();
    for (const ids of chunked(oldIds)) {
      for (const l of await tx.selectFrom('fin_assessment_lines').select(['id', 'obligation_id', 'status']).where('id', 'in', ids).execute()) oldLines.set(l.id, l);
    }
    // The register was recalculated against these lines; if another approval replaced them since, this one is stale.
    if (oldIds.some((id) => oldLines.get(id)?.status !== 'current')) throw conflict({ run: 'finance.assessment.error.stale' });

    const batch = `recalculation:${runId}`;
    const drafts = diffs.flatMap((d) => (d.new_line ? [JSON.parse(d.new_line) as LineDraft] : []));
    const chargeable = drafts.filter((d) => d.amount > 0 && d.payerKind !== null);
    const obligations = await ensureObligations(tx, bulk, chargeable.map((d) => obligationOf(run.year, dueDate(rs, d.taxKind === 'real_estate_tax' ? 'real_estate' : 'land', run.year), d)));
    const obligationFor = (d: LineDraft) => obligations.get(obligationOf(run.year, '', d).source_key)!.id;
    const keep = new Set(chargeable.map(obligationFor));

    const oldObligations = [...new Set(oldIds.map((id) => oldLines.get(id)!.obligation_id).filter((id): id is number => id !== null))];
    const reversals = await openAccruals(tx, [...new Set([...oldObligations, ...keep])]);
    await appendEntries(tx, bulk, reversals.map((e) => ({
      obligation_id: e.obligation_id, kind: 'reversal', component: 'principal', amount: -e.amount, entry_on: on, payment_id: null,
      reverses_entry_id: e.id, legal_ground: null, note: 'recalculation', batch, actor_user_id: actor.userId,
    })));
    await postAccruals(tx, bulk, chargeable.map((d) => ({ obligationId: obligationFor(d), amount: d.amount })), on, batch, actor.userId);
    const cancelled = oldObligations.filter((id) => !keep.has(id));
    for (const ids of chunked(cancelled)) await tx.updateTable('fin_obligations').set({ status: 'cancelled' }).where('id', 'in', ids).execute();
    for (const ids of chunked([...keep])) await tx.updateTable('fin_obligations').set({ status: 'active' }).where('id', 'in', ids).where('status', '=', 'cancelled').execute();
    for (const ids of chunked(oldIds)) await tx.updateTable('fin_assessment_lines').set({ status: 'superseded' }).where('id', 'in', ids).execute();
    await insertLines(tx, bulk, runId, run.year, drafts.map((d) => ({ draft: d, obligationId: d.amount > 0 && d.payerKind !== null ? obligationFor(d) : null })));

    await appendAuditMany(raw, actor, diffs.map((d) => ({
      communityId, action: 'finance.assessment.correct', entityType: 'fin_assessment_difference', entityId: d.id,
      before: { object: d.object_label, amount: Number(d.old_amount) }, after: { amount: Number(d.new_amount), reason: d.reason },
    })));
    await appendAudit(raw, actor, { communityId, action: 'finance.recalculation.approve', entityType: 'fin_assessment_run', entityId: runId, after: { differences: diffs.length, reversals: reversals.length, accruals: chargeable.length } });
    return { posted: diffs.length, already: false };
  });
}
