// Joint owners are jointly liable: the obligation is recorded on the first-listed owner,
// and every other joint owner must see it too (the citizen's "my taxes").
import type { TenantDb } from '../../../platform/db/tenant.ts';

export interface CoOwnedObligation {
  obligationId: number;
  year: number;
  taxKind: string;
  objectLabel: string;
  amount: number;
  /** The joint owner it is recorded on. */
  payerResidentId: number | null;
  payerOrganizationId: number | null;
}

/** Obligations of current joint lines where `residentId` is a co-owner (not the one charged). */
export async function obligationsAsCoOwner(tdb: TenantDb, residentId: number): Promise<CoOwnedObligation[]> {
  const rows = await tdb.selectFrom('fin_assessment_coowners')
    .innerJoin('fin_assessment_lines', 'fin_assessment_lines.id', 'fin_assessment_coowners.line_id')
    .select([
      'fin_assessment_coowners.obligation_id', 'fin_assessment_lines.year', 'fin_assessment_lines.tax_kind', 'fin_assessment_lines.object_label',
      'fin_assessment_lines.amount', 'fin_assessment_lines.resident_id', 'fin_assessment_lines.organization_id',
    ])
    .where('fin_assessment_coowners.resident_id', '=', residentId)
    .where('fin_assessment_lines.status', '=', 'current')
    .where('fin_assessment_coowners.obligation_id', 'is not', null)
    .orderBy('fin_assessment_lines.year', 'desc')
    .execute();
  return rows.map((r) => ({
    obligationId: r.obligation_id!, year: r.year, taxKind: r.tax_kind, objectLabel: r.object_label, amount: Number(r.amount),
    payerResidentId: r.resident_id, payerOrganizationId: r.organization_id,
  }));
}
