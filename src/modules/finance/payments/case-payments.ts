// The services module's payment seam (services/cases/payments.ts): a case with a fee due
// shows "Pay", and paying starts here. The duties part makes a case's fee an obligation
// with source_key 'case:<caseId>' and registers the settlement handler that marks the case
// paid; this part only takes the money. The seam's resolver is synchronous and is given
// no database, so the provider it returns sends the applicant to our own page for the case
// (/{slug}/payments/case/{id}), which finds the obligation and the community's connections
// and says so plainly when this community takes no online payment.
import { registerPaymentResolver, type PaymentProvider } from '../../services/cases/payments.ts';

/** The case page's address → our page for paying that case's fee. */
export function casePaymentUrl(returnUrl: string): string {
  const m = /^(.*\/[^/]+)\/cases\/(\d+)$/.exec(returnUrl);
  if (!m) throw new Error(`not a case page address: ${returnUrl}`);
  return `${m[1]}/payments/case/${m[2]}`;
}

const provider: PaymentProvider = {
  async startPayment(_caseRef, _amount, returnUrl) {
    return { redirectUrl: casePaymentUrl(returnUrl) };
  },
};

export function registerCasePayments(): void {
  registerPaymentResolver(() => provider);
}

export const caseSourceKey = (caseId: number) => `case:${caseId}`;
