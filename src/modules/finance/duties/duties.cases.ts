// The services module's payment seam, finance side: a case's fee that falls due becomes
// the applicant's obligation ('service_fee', source key "case:<id>"), and when a payment
// settles it the case's fee is marked paid so the case moves on.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { settleCaseFee, type CaseFeeDue } from '../../services/index.ts';
import { ensureObligation, postEntries } from '../ledger/ledger.core.ts';

/** The system actor the audit log names for a fee marked paid by a payment. */
export const SETTLEMENT_ACTOR = 'payment settlement';

async function applicantPayer(tx: TenantDb, fee: CaseFeeDue) {
  if (fee.applicant.kind === 'person' && fee.applicant.psn) {
    const r = await tx.selectFrom('residents').select('id').where('public_service_number', '=', fee.applicant.psn).executeTakeFirst();
    if (r) return { payer_kind: 'resident' as const, resident_id: r.id, organization_id: null };
  }
  if (fee.applicant.kind === 'organization' && fee.applicant.taxId) {
    const o = await tx.selectFrom('organizations').select('id').where('tax_id', '=', fee.applicant.taxId).executeTakeFirst();
    if (o) return { payer_kind: 'organization' as const, resident_id: null, organization_id: o.id };
  }
  return null;
}

/**
 * The case's fee as an obligation with its accrual. An applicant the registers do not
 * know (no PSN given, a visitor from elsewhere) has no ledger account: the fee then stays
 * on the case, paid at the desk and marked by staff, as before the ledger existed.
 */
export async function caseFeeToObligation(tx: TenantDb, fee: CaseFeeDue): Promise<void> {
  const payer = await applicantPayer(tx, fee);
  if (!payer) return;
  // The service catalogue does not say which budget line its duty is credited to yet, so
  // the revenue line is left empty rather than guessed.
  const ob = await ensureObligation(tx, {
    ...payer, kind: 'service_fee', subject_type: 'case', subject_id: fee.caseId, subject_label: fee.serviceName,
    period: fee.dueOn, due_on: fee.dueOn, revenue_line: null, source_key: `case:${fee.caseId}`,
  });
  if (!ob.created) return;
  await postEntries(tx, [{
    obligation_id: ob.id, kind: 'accrual', component: 'principal', amount: fee.amount, entry_on: fee.dueOn, payment_id: null,
    reverses_entry_id: null, legal_ground: null, note: null, batch: `case:${fee.caseId}`, actor_user_id: null,
  }]);
}

/** Settlement handler of 'service_fee': each settled case fee is marked paid on its case. */
export async function settleServiceFees(tdb: TenantDb, obligationIds: number[], on: string): Promise<void> {
  const rows = await tdb.selectFrom('fin_obligations').select(['subject_id']).where('id', 'in', obligationIds)
    .where('kind', '=', 'service_fee').where('subject_type', '=', 'case').execute();
  for (const r of rows) if (r.subject_id !== null) await settleCaseFee(tdb, r.subject_id, on, { ...SYSTEM_ACTOR, label: SETTLEMENT_ACTOR });
}
