// Reads of the budget's history for its pages: amendments with the number of lines each
// changed, and the execution imports.
import { sql } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';

export interface AmendmentView {
  id: number;
  decision_number: string;
  decision_date: string;
  note: string | null;
  lines: number;
}

export async function amendmentsOf(tenant: TenantDb, budgetId: number): Promise<AmendmentView[]> {
  const rows = await tenant.selectFrom('fin_budget_amendments')
    .leftJoin('fin_budget_amendment_lines as l', (j) => j.onRef('l.amendment_id', '=', 'fin_budget_amendments.id').onRef('l.community_id', '=', 'fin_budget_amendments.community_id'))
    .select(['fin_budget_amendments.id', 'fin_budget_amendments.decision_number', 'fin_budget_amendments.decision_date', 'fin_budget_amendments.note', sql<string>`count(${sql.ref('l.id')})`.as('lines')])
    .where('fin_budget_amendments.budget_id', '=', budgetId)
    .groupBy(['fin_budget_amendments.id', 'fin_budget_amendments.decision_number', 'fin_budget_amendments.decision_date', 'fin_budget_amendments.note'])
    .orderBy('fin_budget_amendments.decision_date').orderBy('fin_budget_amendments.id')
    .execute();
  return rows.map((r) => ({ ...r, lines: Number(r.lines) }));
}

export async function importsOf(tenant: TenantDb, budgetId: number) {
  return tenant.selectFrom('fin_budget_exec_imports').select(['id', 'file_name', 'rows_applied', 'rows_rejected', 'created_at'])
    .where('budget_id', '=', budgetId).orderBy('id', 'desc').execute();
}

export async function importById(tenant: TenantDb, id: number) {
  return tenant.selectFrom('fin_budget_exec_imports').selectAll().where('id', '=', id).executeTakeFirst();
}
