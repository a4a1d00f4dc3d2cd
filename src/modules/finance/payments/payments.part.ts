// The finance module's payments part: online payments through a provider interface (Idram,
// card vPOS) with stand-in gateways and reconciliation, cash at the desk with receipts,
// the citizens' "my taxes", and the services module's payment seam (see platform/module/parts.ts).
import type { ModulePart } from '../../../platform/module/parts.ts';
import type { TableList } from '../../../platform/module/contract.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import type { FinancePaymentsTables } from './payments.table.ts';
import { financePaymentsMigrations } from './payments.migrations.ts';
import { financePaymentsMessages } from './payments.messages.ts';
import { financeDeskMessages } from './desk.messages.ts';
import { financePaymentsAuditMessages } from './payments.audit.messages.ts';
import { RECONCILE_ALL_JOB, RECONCILE_RECENT_JOB, reconcileAllJob, reconcileRecentJob } from './reconcile.ts';
import { paymentRoutes } from './payments.routes.ts';
import { deskRoutes } from './desk.routes.ts';
import { myTaxesRoutes } from './my-taxes.routes.ts';
import { registerCasePayments } from './case-payments.ts';

export type { FinancePaymentsTables };

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financePaymentsMessageParts = [financePaymentsMessages, financeDeskMessages, financePaymentsAuditMessages] as const;

// A case with a fee due offers "Pay" once the finance module is loaded (the services seam).
registerCasePayments();

export const financePaymentsPart: ModulePart = {
  messages: financePaymentsMessageParts,
  tables: { fin_payment_providers: true, fin_payment_intents: true, fin_receipts: true, fin_org_representatives: true } satisfies TableList<FinancePaymentsTables>,
  migrations: financePaymentsMigrations,
  fileRefs: [{ table: 'fin_receipts', column: 'sha256' }],
  routes: [...paymentRoutes, ...myTaxesRoutes, ...deskRoutes],
  permissions: [
    { name: 'finance.cash', scope: 'community', roles: ['operator', 'accountant'] },
    { name: 'finance.payment_settings', scope: 'community', roles: ['accountant', 'it_admin'] },
  ],
  nav: [
    { area: 'account', path: '/taxes', label: 'finance.myTaxes.title', access: 'citizen', order: 20 },
    { area: 'backoffice', path: '/finance/cash', label: 'finance.cash.nav', access: 'staff:finance.cash', order: 520 },
    { area: 'backoffice', path: '/finance/payment-settings', label: 'finance.settings.nav', access: 'staff:finance.payment_settings', order: 590 },
  ],
  jobs: { [RECONCILE_RECENT_JOB]: reconcileRecentJob, [RECONCILE_ALL_JOB]: reconcileAllJob },
  schedules: [
    { kind: RECONCILE_RECENT_JOB, everySeconds: 15 * 60 },
    { kind: RECONCILE_ALL_JOB, everySeconds: 24 * 3600 },
  ],
  auditEvents: auditEventTypes(financePaymentsAuditMessages),
  auditSubjects: auditSubjects(financePaymentsAuditMessages),
};
