// The assessment's figures for dashboards and the national console.
import { sql } from 'kysely';
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Indicator } from '../../../platform/module/contract.ts';

export const assessmentIndicators: Indicator[] = [
  {
    key: 'finance.tax_assessed',
    label: 'finance.assessment.indicator.assessed',
    unit: 'amd',
    measure: 'flow',
    aggregation: { kind: 'sum' },
    // Accrued (less reversed) by assessments and approved recalculations on days of the period.
    async compute(services, communityId, period) {
      const row = await new TenantDb(services.db.kysely, communityId).selectFrom('fin_entries')
        .select(sql<string | number | null>`sum(${sql.ref('amount')})`.as('total'))
        .where('kind', 'in', ['accrual', 'reversal'])
        .where((eb) => eb.or([eb('batch', 'like', 'assessment:%'), eb('batch', 'like', 'recalculation:%')]))
        .where('entry_on', '>=', period.from).where('entry_on', '<=', period.to)
        .executeTakeFirst();
      return row?.total == null ? 0 : Number(row.total);
    },
  },
  {
    key: 'finance.payers_assessed',
    label: 'finance.assessment.indicator.payers',
    unit: 'count',
    measure: 'stock',
    aggregation: { kind: 'sum' },
    // Payers charged for the tax year the period ends in.
    async compute(services, communityId, period) {
      const rows = await new TenantDb(services.db.kysely, communityId).selectFrom('fin_assessment_lines')
        .select(['payer_kind', 'resident_id', 'organization_id']).distinct()
        .where('year', '=', Number(period.to.slice(0, 4))).where('status', '=', 'current').where('amount', '>', 0)
        .execute();
      return rows.length;
    },
  },
];
