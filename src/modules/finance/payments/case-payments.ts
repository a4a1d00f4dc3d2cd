// The services module's payment seam (services/cases/payments.ts): a case with a fee due
// shows "Pay", and paying starts here. The duties part makes a case's fee an obligation
// with source_key 'case:<caseId>' and registers the settlement handler that marks the case
// paid; this part only takes the money. A community with an online connection switched on
// gets a provider that sends the applicant to our own page for the case
// (/{slug}/payments/case/{id}), which finds the obligation and lets them choose the connection.
import { registerPaymentResolver, type PaymentProvider } from '../../services/cases/payments.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { enabledProviders } from './settings.ts';

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
  // Only where the community has switched an online connection on.
  registerPaymentResolver(async (communityId, db) => ((await enabledProviders(new TenantDb(db, communityId))).length > 0 ? provider : null));
}

export const caseSourceKey = (caseId: number) => `case:${caseId}`;
