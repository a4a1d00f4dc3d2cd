// Reads behind the assessment pages.
import { sql } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { RunRow } from './runs.ts';

export async function listRuns(tdb: TenantDb, limit = 50): Promise<RunRow[]> {
  return tdb.selectFrom('fin_assessment_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export interface DifferenceView {
  id: number;
  object_label: string;
  resident_id: number | null;
  payerLabel: string;
  old_amount: number;
  new_amount: number;
  reason: string;
}

/** A recalculation's differences with the payers' names (residents and organizations of the registers). */
export async function differencesOf(tdb: TenantDb, runId: number): Promise<DifferenceView[]> {
  const rows = await tdb.selectFrom('fin_assessment_differences')
    .leftJoin('residents', 'residents.id', 'fin_assessment_differences.resident_id')
    .leftJoin('organizations', 'organizations.id', 'fin_assessment_differences.organization_id')
    .select([
      'fin_assessment_differences.id', 'fin_assessment_differences.object_label', 'fin_assessment_differences.resident_id', 'fin_assessment_differences.payer_name',
      'fin_assessment_differences.old_amount', 'fin_assessment_differences.new_amount', 'fin_assessment_differences.reason', 'organizations.name as organization_name',
      sql<string | null>`${sql.ref('residents.last_name')} || ' ' || ${sql.ref('residents.first_name')}`.as('resident_name'),
    ])
    .where('fin_assessment_differences.run_id', '=', runId)
    .orderBy('fin_assessment_differences.id')
    .execute();
  return rows.map((r) => ({
    id: r.id, object_label: r.object_label, resident_id: r.resident_id, payerLabel: r.resident_name ?? r.organization_name ?? r.payer_name ?? '—',
    old_amount: Number(r.old_amount), new_amount: Number(r.new_amount), reason: r.reason,
  }));
}
