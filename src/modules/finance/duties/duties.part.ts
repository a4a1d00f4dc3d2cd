// The finance module's duties part: local duties and local payments (fees) — the national
// catalogue of kinds with their legal limits, each community's rates by year, the payers'
// register and its accruals — and the services module's payment seam (a case's fee becomes
// an obligation; paying it marks the case's fee paid).
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { Services, TableList } from '../../../platform/module/contract.ts';
import { TenantDb, unscoped } from '../../../platform/db/tenant.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { registerFeeDueListener } from '../../services/index.ts';
import { registerSettlementHandler } from '../ledger/settlement.ts';
import type { FinanceDutiesTables } from './duties.table.ts';
import { financeDutiesMigrations } from './duties.migrations.ts';
import { dutiesMessages } from './duties.messages.ts';
import { dutiesAuditMessages } from './duties.audit.messages.ts';
import { dutyRateRoutes } from './duties.routes.ts';
import { dutyPayerRoutes } from './duties-payers.routes.ts';
import { dutyKindRoutes } from './duties-national.routes.ts';
import { dutiesPublicRoutes, localDutiesPublication } from './duties.public.ts';
import { ACCRUAL_ACTOR, accrueDuties } from './duties.accrue.ts';
import { caseFeeToObligation, SETTLEMENT_ACTOR, settleServiceFees } from './duties.cases.ts';

export type { FinanceDutiesTables } from './duties.table.ts';

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeDutiesMessageParts = [dutiesMessages, dutiesAuditMessages] as const;

export const DUTY_ACCRUAL_JOB = 'finance.duties_accrue';

/** The daily run: every community's periods begun by today, once (re-running adds nothing). */
async function accrueEverywhere(services: Services): Promise<void> {
  const communities = await unscoped(services.db.kysely, 'the accrual job runs for every community').selectFrom('communities').select('id').execute();
  for (const c of communities) {
    await accrueDuties(new TenantDb(services.db.kysely, c.id), { ...SYSTEM_ACTOR, label: ACCRUAL_ACTOR }, todayInYerevan());
  }
}

// The services module knows nothing of finance: it is told here whom to tell.
registerFeeDueListener(caseFeeToObligation);
registerSettlementHandler('service_fee', settleServiceFees);

const STAFF = ['accountant', 'chief_of_staff'] as const;

export const financeDutiesPart: ModulePart = {
  messages: financeDutiesMessageParts,
  tables: { fin_duty_kinds: true, fin_duty_rates: true, fin_duty_payers: true } satisfies TableList<FinanceDutiesTables>,
  migrations: financeDutiesMigrations,
  routes: [...dutyRateRoutes, ...dutyPayerRoutes, ...dutyKindRoutes, ...dutiesPublicRoutes],
  publications: [localDutiesPublication],
  permissions: [
    { name: 'finance.duties_view', scope: 'community', roles: [...STAFF, 'head', 'deputy_head'] },
    { name: 'finance.duties_edit', scope: 'community', roles: STAFF },
    { name: 'finance.duty_catalogue', scope: 'national', roles: ['system_admin'] },
  ],
  nav: [
    { area: 'backoffice', path: '/finance/duties', label: 'finance.duties.nav', access: 'staff:finance.duties_view', order: 620 },
    { area: 'backoffice', path: '/finance/duties/payers', label: 'finance.duties.payers.nav', access: 'staff:finance.duties_view', order: 621 },
    { area: 'national', path: '/finance/duty-kinds', label: 'finance.duties.kinds.nav', access: 'national:finance.duty_catalogue', order: 620 },
  ],
  jobs: { [DUTY_ACCRUAL_JOB]: async (services) => accrueEverywhere(services) },
  schedules: [{ kind: DUTY_ACCRUAL_JOB, everySeconds: 86_400 }],
  auditEvents: auditEventTypes(dutiesAuditMessages),
  auditSubjects: auditSubjects(dutiesAuditMessages, {
    fin_duty_rate: { href: (slug, id) => `/${slug}/staff/finance/duties/rates/${id}/edit` },
    fin_duty_payer: { href: (slug, id) => `/${slug}/staff/finance/duties/payers/${id}/edit` },
  }),
  auditActors: [{ label: ACCRUAL_ACTOR, name: 'audit.actor.duty_accrual' }, { label: SETTLEMENT_ACTOR, name: 'audit.actor.payment_settlement' }],
};
