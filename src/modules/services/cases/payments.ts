// The payment seam of the citizen portal. Paying a case's fee online needs a payment
// connection (a bank's card acquiring, the state treasury's gateway), which the finance
// subsystem will bring. Until one is registered the case page shows the fee as due and
// tells the applicant to pay at the Citizen Office or by bank transfer; once one is
// registered the same page shows a Pay button that starts the payment here.
//
// The provider never decides that a fee is paid: the finance subsystem records the
// payment when the bank confirms it, and sets the case's fee status (settleCaseFee) then.
// When a fee falls due the finance subsystem is told (registerFeeDueListener), so the fee
// becomes a debt in its ledger; this module never imports finance.
import type { Executor, TenantDb } from '../../../platform/db/tenant.ts';

/** What the portal asks of a payment connection. Amounts are integer AMD. */
export interface PaymentProvider {
  /**
   * Starts paying `amount` for the case `caseRef` (its registration number, quoted on the
   * payment); the payer is sent to `redirectUrl` and comes back to `returnUrl` afterwards.
   */
  startPayment(caseRef: string, amount: number, returnUrl: string): Promise<{ redirectUrl: string }>;
}

/**
 * Finds a community's payment connection; each community has its own bank account, which
 * its finance staff may switch on and off, so the resolver may look it up in the database.
 */
export type PaymentResolver = (communityId: number, db: Executor) => PaymentProvider | null | Promise<PaymentProvider | null>;

let resolver: PaymentResolver = () => null;

/** Registers how payment connections are found (the finance module, at start-up); null removes it. */
export function registerPaymentResolver(r: PaymentResolver | null): void {
  resolver = r ?? (() => null);
}

/** The community's payment connection, or null while none is configured. */
export async function paymentProvider(communityId: number, db: Executor): Promise<PaymentProvider | null> {
  return resolver(communityId, db);
}

/**
 * A case's fee fell due (the case was submitted with a fee above zero): what the finance
 * subsystem needs to make it a debt of the applicant in its ledger. Amounts are integer AMD.
 */
export interface CaseFeeDue {
  caseId: number;
  serviceId: number;
  /** The service's name in Armenian, for the payer's statement. */
  serviceName: string;
  amount: number;
  /** The day it fell due, YYYY-MM-DD (the fee is paid before the service is rendered). */
  dueOn: string;
  applicant: { kind: 'person' | 'organization'; psn: string | null; taxId: string | null; name: string };
}

/** Runs inside the submission's transaction: throwing undoes the submission. */
export type FeeDueListener = (tx: TenantDb, fee: CaseFeeDue) => Promise<void>;

const feeDueListeners: FeeDueListener[] = [];

/** Registers who is told when a case's fee falls due (the finance module, at start-up). */
export function registerFeeDueListener(listener: FeeDueListener): void {
  if (!feeDueListeners.includes(listener)) feeDueListeners.push(listener);
}

/** Tells the listeners (none until the finance module registers one). */
export async function feeFellDue(tx: TenantDb, fee: CaseFeeDue): Promise<void> {
  for (const listener of feeDueListeners) await listener(tx, fee);
}
