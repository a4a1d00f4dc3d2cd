// Demo: three years of real estate and land tax assessments (the current year and the two
// before) for every demo community's property register, run by the same code as
// `mmis tax assess`. Past years read the register as of 1 November, when notices go out,
// so their accruals are dated before the 1 December due date; the ledger's penalties and
// the payments demo build on these obligations.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { AuditActor } from '../platform/audit/audit.ts';
import { TenantDb } from '../platform/db/tenant.ts';
import { todayInYerevan } from '../platform/i18n/index.ts';
import { createRun, executeRun } from '../modules/finance/assessment/runs.ts';

export async function seedFinanceAssessmentDemo(db: Kysely<Database>, actor: AuditActor, communities: Map<string, number>, now = new Date()): Promise<void> {
  const today = todayInYerevan(now);
  const current = Number(today.slice(0, 4));
  for (const communityId of communities.values()) {
    for (const year of [current - 2, current - 1, current]) {
      const asOf = year < current ? `${year}-11-01` : today;
      const runId = await createRun(new TenantDb(db, communityId), actor, { year, kind: 'assessment', asOf });
      await executeRun(db, communityId, runId, actor);
    }
  }
}
