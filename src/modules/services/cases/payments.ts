// The payment seam of the citizen portal. Paying a case's fee online needs a payment
// connection (a bank's card acquiring, the state treasury's gateway), which the finance
// subsystem will bring. Until one is registered the case page shows the fee as due and
// tells the applicant to pay at the Citizen Office or by bank transfer; once one is
// registered the same page shows a Pay button that starts the payment here.
//
// The provider never decides that a fee is paid: the finance subsystem records the
// payment when the bank confirms it, and sets the case's fee status (setFeeStatus) then.

/** What the portal asks of a payment connection. Amounts are integer AMD. */
export interface PaymentProvider {
  /**
   * Starts paying `amount` for the case `caseRef` (its registration number, quoted on the
   * payment); the payer is sent to `redirectUrl` and comes back to `returnUrl` afterwards.
   */
  startPayment(caseRef: string, amount: number, returnUrl: string): Promise<{ redirectUrl: string }>;
}

/** Finds a community's payment connection; each community has its own bank account. */
export type PaymentResolver = (communityId: number) => PaymentProvider | null;

let resolver: PaymentResolver = () => null;

/** Registers how payment connections are found (the finance module, at start-up); null removes it. */
export function registerPaymentResolver(r: PaymentResolver | null): void {
  resolver = r ?? (() => null);
}

/** The community's payment connection, or null while none is configured (today: always null). */
export function paymentProvider(communityId: number): PaymentProvider | null {
  return resolver(communityId);
}
